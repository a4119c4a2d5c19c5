import { describe, expect, it } from 'vitest';
import { changeWords, divergingOptions, pointsText, sidesOf } from './format';

const opt = (positive = false, notApplicable = false) => ({ positive, notApplicable });

describe('sidesOf', () => {
	it('puts an agreement scale’s middle answer across the zero line', () => {
		// Strongly agree, Agree, Neither, Disagree, Strongly disagree, Does not apply
		expect(sidesOf([opt(true), opt(true), opt(), opt(), opt(), opt(false, true)])).toEqual([
			{ side: 'positive', rank: 1 },
			{ side: 'positive', rank: 0 },
			{ side: 'neutral', rank: 0 },
			{ side: 'negative', rank: 0 },
			{ side: 'negative', rank: 1 },
			{ side: 'negative', rank: 0 }
		]);
	});

	it('reads a ladder whose positive rungs come last the other way round', () => {
		// Not involved, Told after, Asked, Changed something, Helped decide
		expect(sidesOf([opt(), opt(), opt(), opt(true), opt(true)]).map((s) => s.side)).toEqual([
			'negative',
			'negative',
			'neutral',
			'positive',
			'positive'
		]);
	});

	it('has no middle for yes or no', () => {
		expect(sidesOf([opt(true), opt()])).toEqual([
			{ side: 'positive', rank: 0 },
			{ side: 'negative', rank: 0 }
		]);
	});
});

describe('divergingOptions', () => {
	it('draws only published percentages, and leaves "does not apply" out', () => {
		const options = [
			{ label: 'Yes', positive: true, notApplicable: false },
			{ label: 'No', positive: false, notApplicable: false },
			{ label: 'Don’t know', positive: false, notApplicable: true }
		];
		const drawn = divergingOptions(options, [
			[0.6, 0.4, '[z]'],
			['[c]', '[c]', '[z]']
		]);
		expect(drawn.map((o) => [o.label, o.values])).toEqual([
			['Yes', [0.6, null]],
			['No', [0.4, null]]
		]);
	});
});

describe('change words', () => {
	it('says points with their sign, and why there is no change', () => {
		expect(pointsText(0.123)).toBe('+12 points');
		expect(pointsText(-0.01)).toBe('−1 point');
		expect(
			changeWords({ difference: 0.1, lower: -0.02, upper: 0.22, verdict: 'no clear change' })
		).toBe('+10 points (−2 points to +22 points)');
		expect(changeWords('[z]')).toBe('No earlier wave to compare with');
		expect(changeWords('[x]')).toBe('Not enough answers to compare');
	});
});
