/** Words and numbers for insight figures, shared by the insight components (browser-safe). */
import type {
	ChangeFigure,
	PublicCount,
	PublicPercent,
	ShareFigure
} from '$lib/server/insights/suppression';
import type { Verdict } from '$lib/server/insights/stats';
import type { DivergingOption, Side } from '$lib/charts/diverging';

/**
 * The plain words for a verdict, everywhere one is shown (staff pages, evidence pack, public
 * page): a word and a symbol as well as a colour, and an easy-read phrase for young people.
 */
export const VERDICT_WORDS: Record<Verdict, { label: string; symbol: string; easyRead: string }> = {
	better: { label: 'Better', symbol: '▲', easyRead: 'Better than before' },
	worse: { label: 'Worse', symbol: '▼', easyRead: 'Worse than before' },
	'no clear change': { label: 'No clear change', symbol: '●', easyRead: 'About the same as before' }
};

/** 0.583 → "58%". */
export function pct(x: number): string {
	return `${Math.round(x * 100)}%`;
}

export function intervalText(lower: number, upper: number): string {
	return `${Math.round(lower * 100)}% to ${Math.round(upper * 100)}%`;
}

export function countText(c: PublicCount): string {
	return typeof c === 'number' ? c.toLocaleString('en-GB') : c;
}

export function percentText(p: PublicPercent): string {
	return typeof p === 'number' ? pct(p) : p;
}

/** The value a chart may draw: only a published share; anything else leaves a gap. */
export function drawable(s: ShareFigure | undefined): number | null {
	return typeof s === 'object' ? s.share : null;
}

export function drawableBounds(s: ShareFigure | undefined): [number | null, number | null] {
	return typeof s === 'object' ? [s.lower, s.upper] : [null, null];
}

/** A change in percentage points, signed: "+12 points". */
export function pointsText(d: number): string {
	const p = Math.round(d * 100);
	return `${p > 0 ? '+' : p < 0 ? '−' : ''}${Math.abs(p)} point${Math.abs(p) === 1 ? '' : 's'}`;
}

export function changeWords(c: ChangeFigure): string {
	if (c === '[z]') return 'No earlier wave to compare with';
	if (c === '[x]') return 'Not enough answers to compare';
	return `${pointsText(c.difference)} (${pointsText(c.lower)} to ${pointsText(c.upper)})`;
}

/**
 * Where each option of an ordered scale sits in a diverging bar. Positive options go right;
 * the others left. When there is one more non-positive option than positive ones (a scale with
 * a middle), the one next to the positive block is the middle and straddles the zero line.
 */
export function sidesOf(options: readonly { positive: boolean; notApplicable: boolean }[]): {
	side: Side;
	rank: number;
}[] {
	const valid = options.map((o, i) => ({ ...o, i })).filter((o) => !o.notApplicable);
	const positive = valid.filter((o) => o.positive);
	const other = valid.filter((o) => !o.positive);
	const first = positive[0]?.i ?? 0;
	const positiveFirst = first < (other[0]?.i ?? Infinity);
	// Nearest the positive block first.
	const nearest = positiveFirst ? other : [...other].reverse();
	const hasMiddle = other.length === positive.length + 1 && positive.length > 0;
	const result = options.map(() => ({ side: 'negative' as Side, rank: 0 }));
	nearest.forEach((o, k) => {
		result[o.i] =
			hasMiddle && k === 0
				? { side: 'neutral', rank: 0 }
				: { side: 'negative', rank: hasMiddle ? k - 1 : k };
	});
	const outward = positiveFirst ? [...positive].reverse() : positive;
	outward.forEach((o, k) => (result[o.i] = { side: 'positive', rank: k }));
	return result;
}

/** Diverging-bar options from a question's options and each bar's percentages. */
export function divergingOptions(
	options: readonly { label: string; positive: boolean; notApplicable: boolean }[],
	bars: readonly (readonly PublicPercent[])[]
): DivergingOption[] {
	const sides = sidesOf(options);
	return options.flatMap((o, i) =>
		o.notApplicable
			? []
			: [
					{
						label: o.label,
						...sides[i]!,
						values: bars.map((b) => {
							const p = b[i];
							return typeof p === 'number' ? p : null;
						})
					}
				]
	);
}
