import { describe, expect, it } from 'vitest';
import { newcombe, verdictOf, wilson } from './stats';

const round4 = (x: number) => Math.round(x * 10000) / 10000;

describe('wilson', () => {
	// Newcombe (1998), "Two-sided confidence intervals for the single proportion", Table I.
	it.each([
		[81, 263, 0.2553, 0.3662],
		[15, 148, 0.0624, 0.1605],
		[0, 20, 0, 0.1611],
		[1, 29, 0.0061, 0.1718]
	])('%i of %i gives %f to %f', (x, n, lower, upper) => {
		const interval = wilson(x, n);
		expect(round4(interval.lower)).toBe(lower);
		expect(round4(interval.upper)).toBe(upper);
	});

	it('stays inside 0–1 and is exact at the ends', () => {
		expect(wilson(0, 5).lower).toBe(0);
		expect(wilson(5, 5).upper).toBe(1);
		const all = wilson(10, 10);
		expect(all.lower).toBeGreaterThan(0.69);
		expect(all.upper).toBe(1);
	});

	it('refuses impossible inputs', () => {
		expect(() => wilson(1, 0)).toThrow(RangeError);
		expect(() => wilson(6, 5)).toThrow(RangeError);
		expect(() => wilson(-1, 5)).toThrow(RangeError);
		expect(() => wilson(1.5, 5)).toThrow(RangeError);
	});
});

describe('newcombe', () => {
	// Newcombe (1998), "Interval estimation for the difference between independent proportions:
	// comparison of eleven methods", Table II, method 10 (hybrid score without continuity correction).
	it.each([
		[56, 70, 48, 80, 0.0524, 0.3339],
		[9, 10, 3, 10, 0.1705, 0.809],
		[6, 7, 2, 7, 0.0582, 0.8062],
		[5, 56, 0, 29, -0.0381, 0.1926],
		[0, 10, 0, 20, -0.1611, 0.2775],
		[0, 10, 0, 10, -0.2775, 0.2775],
		[10, 10, 0, 20, 0.6791, 1],
		[10, 10, 0, 10, 0.6075, 1]
	])('%i/%i − %i/%i gives %f to %f', (x1, n1, x2, n2, lower, upper) => {
		const d = newcombe(x1, n1, x2, n2);
		expect(d.difference).toBeCloseTo(x1 / n1 - x2 / n2, 12);
		expect(round4(d.lower)).toBe(lower);
		expect(round4(d.upper)).toBe(upper);
	});
});

describe('verdictOf', () => {
	it('says better or worse only when the interval excludes zero', () => {
		expect(verdictOf(newcombe(56, 70, 48, 80))).toBe('better');
		expect(verdictOf(newcombe(48, 80, 56, 70))).toBe('worse');
		expect(verdictOf(newcombe(5, 56, 0, 29))).toBe('no clear change');
		expect(verdictOf({ lower: 0, upper: 0.2 })).toBe('no clear change');
	});
});
