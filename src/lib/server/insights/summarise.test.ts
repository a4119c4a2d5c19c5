import { describe, expect, it } from 'vitest';
import { hasPositiveShare } from '../../questions/registry';
import { summariseQuestion } from './summarise';

const scale = {
	id: 'q1',
	kind: 'scale' as const,
	options: [
		{ value: 'strongly-agree', label: 'Strongly agree', positive: true },
		{ value: 'agree', label: 'Agree', positive: true },
		{ value: 'neither', label: 'Neither' },
		{ value: 'disagree', label: 'Disagree' },
		{ value: 'does-not-apply', label: 'Does not apply', notApplicable: true }
	]
};

describe('summariseQuestion', () => {
	it('counts every option, leaves "does not apply" out of n and adds up the positive ones', () => {
		const s = summariseQuestion(scale, {
			'strongly-agree': 12,
			agree: 30,
			disagree: 8,
			'does-not-apply': 5,
			'an-old-value': 99
		});
		expect(s.options.map((o) => [o.value, o.count])).toEqual([
			['strongly-agree', 12],
			['agree', 30],
			['neither', 0],
			['disagree', 8],
			['does-not-apply', 5]
		]);
		expect(s.n).toBe(50);
		expect(s.notApplicable).toBe(5);
		expect(s.positive).toBe(42);
	});

	it('takes counts from a Map as well', () => {
		const s = summariseQuestion(scale, new Map([['agree', 3]]));
		expect(s.n).toBe(3);
		expect(s.positive).toBe(3);
	});

	it('has no positive share without positive options, and uses respondents for "choose any"', () => {
		const single = { id: 'q2', kind: 'single' as const, options: [{ value: 'x', label: 'X' }] };
		expect(summariseQuestion(single, { x: 4 }).positive).toBeNull();
		expect(hasPositiveShare(single)).toBe(false);
		const multi = {
			id: 'q3',
			kind: 'multi' as const,
			options: [
				{ value: 'a', label: 'A', positive: true },
				{ value: 'b', label: 'B' }
			]
		};
		const s = summariseQuestion(multi, { a: 7, b: 9 }, 12);
		expect(s.n).toBe(12);
		expect(s.positive).toBeNull();
	});
});
