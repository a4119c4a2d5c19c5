/**
 * The statistics behind every share: the Wilson score interval for one proportion and Newcombe's
 * hybrid score interval for the difference of two independent proportions (Newcombe 1998,
 * method 10). Both behave well for small bases and for shares near 0% or 100%, where the usual
 * "p ± 1.96·se" interval goes outside 0–1 or collapses to nothing.
 */

/** The 97.5th percentile of the standard normal distribution: a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

export interface Interval {
	lower: number;
	upper: number;
}

/** Wilson score interval for `x` successes out of `n`. */
export function wilson(x: number, n: number, z = Z95): Interval {
	if (!Number.isInteger(x) || !Number.isInteger(n) || n <= 0 || x < 0 || x > n) {
		throw new RangeError(`wilson needs 0 ≤ x ≤ n and n > 0 (got ${x} of ${n})`);
	}
	return wilsonShare(x / n, n, z);
}

/**
 * The Wilson interval of a share `p` on a base of `n`, where n need not be whole: a weighted
 * share on its effective sample size (Kish), as weighting.ts uses it.
 */
export function wilsonShare(p: number, n: number, z = Z95): Interval {
	if (!(n > 0) || !(p >= 0 && p <= 1)) {
		throw new RangeError(`wilsonShare needs 0 ≤ p ≤ 1 and n > 0 (got ${p} on ${n})`);
	}
	const z2 = z * z;
	const denominator = 1 + z2 / n;
	const centre = (p + z2 / (2 * n)) / denominator;
	const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
	// At p = 0 or p = 1 the bound is exactly 0 or 1; rounding must not push it past.
	return {
		lower: p === 0 ? 0 : Math.max(0, centre - half),
		upper: p === 1 ? 1 : Math.min(1, centre + half)
	};
}

export interface Difference extends Interval {
	/** The later share minus the earlier one. */
	difference: number;
}

/**
 * Newcombe's hybrid score interval for p1 − p2, where p1 = x1/n1 is the later wave and
 * p2 = x2/n2 the earlier one. Built from each side's Wilson interval.
 */
export function newcombe(x1: number, n1: number, x2: number, n2: number, z = Z95): Difference {
	// The integer checks of wilson, for both sides.
	wilson(x1, n1, z);
	wilson(x2, n2, z);
	return newcombeShares(x1 / n1, n1, x2 / n2, n2, z);
}

/** Newcombe's interval for two shares on (possibly effective, not whole) bases n1 and n2. */
export function newcombeShares(
	p1: number,
	n1: number,
	p2: number,
	n2: number,
	z = Z95
): Difference {
	const a = wilsonShare(p1, n1, z);
	const b = wilsonShare(p2, n2, z);
	const difference = p1 - p2;
	return {
		difference,
		lower: difference - Math.sqrt((p1 - a.lower) ** 2 + (b.upper - p2) ** 2),
		upper: difference + Math.sqrt((a.upper - p1) ** 2 + (p2 - b.lower) ** 2)
	};
}

export type Verdict = 'better' | 'worse' | 'no clear change';

/**
 * A plain reading of a change in a positive share: "better" or "worse" only when the whole 95%
 * interval of the difference is on one side of zero. Callers give no verdict at all when either
 * side is suppressed or below the base (see suppression.ts).
 */
export function verdictOf(change: Interval): Verdict {
	if (change.lower > 0) return 'better';
	if (change.upper < 0) return 'worse';
	return 'no clear change';
}
