import { describe, expect, it } from 'vitest';
import { axisPosition } from './timeline';

const waves = [
	{ name: 'Wave 1', startsOn: '2026-01-01', endsOn: '2026-01-31' },
	{ name: 'Wave 2', startsOn: '2026-07-01', endsOn: '2026-07-31' },
	{ name: 'Wave 3', startsOn: '2027-01-01', endsOn: null }
];

describe('a date on the axis of waves', () => {
	it('sits between two waves’ points in proportion to the dates they opened', () => {
		// 1 April is 90 of the 181 days from 1 January to 1 July.
		expect(axisPosition('2026-04-01', waves)).toEqual({
			at: Math.round((90 / 181) * 1000) / 1000,
			where: 'between Wave 1 and Wave 2'
		});
		expect(axisPosition('2026-07-01', waves)).toEqual({ at: 1, where: 'during Wave 2' });
		expect(axisPosition('2026-01-15', waves)?.where).toBe('during Wave 1');
	});

	it('is drawn at the ends when it falls before the first wave or after the last', () => {
		expect(axisPosition('2025-06-01', waves)).toEqual({ at: 0, where: 'before Wave 1' });
		expect(axisPosition('2027-05-01', waves)).toEqual({ at: 2, where: 'during Wave 3' });
		const closed = [waves[0]!, { ...waves[1]!, endsOn: '2026-07-31' }];
		expect(axisPosition('2026-09-01', closed)).toEqual({ at: 1, where: 'after Wave 2' });
	});

	it('has no place without waves', () => {
		expect(axisPosition('2026-01-01', [])).toBeNull();
	});
});
