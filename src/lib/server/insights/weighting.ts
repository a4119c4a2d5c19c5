/**
 * Weighting the answers to the area's population by raking (iterative proportional fitting,
 * Deming and Stephan 1940): each respondent starts with weight 1, and the weights are scaled,
 * one margin after another (primary need, then age band, then EHC plan or SEN support), until
 * the weighted share of every group of every margin matches its share of the population. Only
 * the margins are matched, never the joint table, which the population figures do not give.
 *
 * Pure functions over plain counts: respondents are grouped into cells (the same answers to
 * the margins' questions, so the same weight), and every figure here takes cells and counts, so
 * the computation can move to stored publications unchanged. There is no maintained JavaScript
 * library for survey raking (npm has keyword-extraction "RAKE" packages and general matrix
 * balancing, nothing with missing answers, trimming and design effects), so it is written here,
 * small, and tested against a published worked example.
 *
 * Decisions, each the common practice (e.g. the ANES weighting method of DeBell and Krosnick,
 * and the R packages `survey` and `anesrake`):
 * - A respondent with no answer to a margin's question (skipped, or "Not sure") is left out of
 *   that margin's adjustment: their weight is carried through it unchanged, and the margin's
 *   groups are matched among those who did answer. They are still weighted by the other margins.
 * - A population group that no respondent is in cannot be weighted up; it is dropped from its
 *   margin and the other groups' shares are scaled to fill it (and the page says so). An answer
 *   whose group has no population figure is treated like no answer to that margin. A margin with
 *   fewer than two groups left is not used.
 * - Weights are kept within bounds (by default 0.2 to 5 times the mean weight) after every cycle,
 *   so a few respondents cannot carry a group alone; raking then continues against the trimmed
 *   weights. When the bounds and the margins cannot both be met, the weighting stops at the
 *   iteration limit and reports how far the margins are off.
 * - The design effect is Kish's approximation for unequal weights, 1 + CV² of the weights,
 *   and the effective sample size is n divided by it. A weighted share's Wilson interval and
 *   every comparison of weighted shares use the effective sample size, not n.
 *
 * Weighting never resurrects a suppressed cell: the decision to publish is taken on the
 * unweighted counts by `suppress`, a weighted figure is offered only where its unweighted figure
 * is published, and `weightedFigureIsSafe` then checks that the weighted figure, added to what is
 * published, lets nobody work out a hidden count (see there).
 */
import { Basis } from './protect';
import { newcombeShares, verdictOf, wilsonShare, type Verdict } from './stats';

export interface WeightingMargin {
	key: string;
	/** Population count (or any size) per group. Groups not here are outside the margin. */
	targets: ReadonlyMap<string, number>;
}

/** Respondents who gave the same answers to the margins' questions (null: no answer). */
export interface WeightingCell {
	/** One value per margin, in the margins' order. */
	values: readonly (string | null)[];
	n: number;
}

export interface RakeOptions {
	/** Largest gap allowed between a weighted share and its target (a proportion). */
	tolerance: number;
	maxIterations: number;
	/** Lowest and highest weight, relative to a mean weight of 1; null for no trimming. */
	bounds: readonly [number, number] | null;
}

export const RAKE_DEFAULTS: Readonly<RakeOptions> = {
	tolerance: 1e-6,
	maxIterations: 100,
	bounds: [0.2, 5]
};

/** Weighting is only offered when it met the margins to within this (half a point). */
export const USABLE_ERROR = 0.005;

export interface MarginReport {
	key: string;
	used: boolean;
	/** Why it is not used. */
	reason: string | null;
	/** Population groups that no respondent is in (dropped from the margin). */
	empty: string[];
	/** Answers with no population group (treated as no answer to this margin). */
	outside: string[];
	/** Respondents left out of this margin's adjustment (no answer, or an answer outside it). */
	missing: number;
	/** The shares matched, after dropping empty groups. */
	targets: Map<string, number>;
	/** Respondents' shares among those in the margin, unweighted and weighted. */
	before: Map<string, number>;
	after: Map<string, number>;
}

export interface WeightSummary {
	/** Respondents. */
	n: number;
	min: number;
	max: number;
	/** Kish: 1 + CV² of the weights. */
	designEffect: number;
	/** n / design effect. */
	nEffective: number;
}

export interface RakeResult {
	/** One weight per cell, a mean of 1 over respondents. */
	weights: number[];
	converged: boolean;
	iterations: number;
	/** The largest gap left between a weighted share and its target. */
	maxError: number;
	/** Respondents whose weight was held at a bound in the last cycle. */
	trimmed: number;
	margins: MarginReport[];
	summary: WeightSummary;
}

/** Weighted shares of a margin's groups among the cells in it. */
function sharesOf(
	cells: readonly WeightingCell[],
	weights: readonly number[],
	m: number,
	groups: ReadonlySet<string>
): Map<string, number> {
	const totals = new Map<string, number>([...groups].map((g) => [g, 0]));
	let all = 0;
	cells.forEach((cell, i) => {
		const v = cell.values[m];
		if (v === null || v === undefined || !groups.has(v)) return;
		const w = cell.n * weights[i]!;
		totals.set(v, totals.get(v)! + w);
		all += w;
	});
	for (const [g, t] of totals) totals.set(g, all > 0 ? t / all : 0);
	return totals;
}

export function rake(
	cells: readonly WeightingCell[],
	margins: readonly WeightingMargin[],
	options: Partial<RakeOptions> = {}
): RakeResult {
	const { tolerance, maxIterations, bounds } = { ...RAKE_DEFAULTS, ...options };
	const weights = cells.map(() => 1);
	const n = cells.reduce((s, c) => s + c.n, 0);

	const reports: MarginReport[] = margins.map((margin, m) => {
		const answered = new Map<string, number>();
		for (const cell of cells) {
			const v = cell.values[m];
			if (v !== null && v !== undefined && cell.n > 0)
				answered.set(v, (answered.get(v) ?? 0) + cell.n);
		}
		const populated = [...margin.targets].filter(([, size]) => size > 0);
		const empty = populated.filter(([g]) => !answered.has(g)).map(([g]) => g);
		const kept = populated.filter(([g]) => answered.has(g));
		const outside = [...answered.keys()].filter((v) => !kept.some(([g]) => g === v));
		const inMargin = kept.reduce((s, [g]) => s + answered.get(g)!, 0);
		const total = kept.reduce((s, [, size]) => s + size, 0);
		const reason =
			kept.length < 2
				? populated.length < 2
					? 'The population figures give fewer than two groups.'
					: 'Respondents are in fewer than two of its population groups.'
				: null;
		return {
			key: margin.key,
			used: reason === null,
			reason,
			empty,
			outside,
			missing: n - inMargin,
			targets: new Map(kept.map(([g, size]) => [g, size / total])),
			before: new Map(),
			after: new Map()
		};
	});
	const used = reports.map((r, m) => ({ r, m })).filter(({ r }) => r.used);
	const groupsOf = (r: MarginReport) => new Set(r.targets.keys());

	const errorNow = () => {
		let worst = 0;
		for (const { r, m } of used) {
			for (const [g, share] of sharesOf(cells, weights, m, groupsOf(r)))
				worst = Math.max(worst, Math.abs(share - r.targets.get(g)!));
		}
		return worst;
	};

	let iterations = 0;
	let clipped = 0;
	let maxError = errorNow();
	while (used.length > 0 && maxError > tolerance && iterations < maxIterations) {
		iterations++;
		for (const { r, m } of used) {
			// Scale each group to its share of those answering this margin; the others keep theirs.
			const shares = sharesOf(cells, weights, m, groupsOf(r));
			cells.forEach((cell, i) => {
				const v = cell.values[m];
				if (v === null || v === undefined || !r.targets.has(v)) return;
				weights[i]! *= r.targets.get(v)! / shares.get(v)!;
			});
		}
		normalise(cells, weights, n);
		if (bounds) clipped = trim(cells, weights, n, bounds);
		maxError = errorNow();
	}
	normalise(cells, weights, n);
	if (bounds) clipped = trim(cells, weights, n, bounds);
	maxError = errorNow();

	for (const { r, m } of used) {
		r.before = sharesOf(
			cells,
			cells.map(() => 1),
			m,
			groupsOf(r)
		);
		r.after = sharesOf(cells, weights, m, groupsOf(r));
	}
	return {
		weights,
		converged: maxError <= tolerance,
		iterations,
		maxError,
		trimmed: clipped,
		margins: reports,
		summary: summariseWeights(
			cells.map((c) => c.n),
			weights
		)
	};
}

/**
 * Holds weights within the bounds at a mean of 1: cap, scale the rest back to the mean, and
 * again until nothing moves (the capped ones stay capped). Returns the respondents held at a
 * bound.
 */
function trim(
	cells: readonly WeightingCell[],
	weights: number[],
	n: number,
	[low, high]: readonly [number, number]
): number {
	const held = new Array<boolean>(weights.length).fill(false);
	for (let pass = 0; pass < 100; pass++) {
		let moved = false;
		weights.forEach((w, i) => {
			if (w > high * (1 + 1e-12) || w < low * (1 - 1e-12)) {
				weights[i] = w > high ? high : low;
				held[i] = true;
				moved = true;
			}
		});
		// Rescale only the free weights, so the capped ones keep their bound.
		const fixed = cells.reduce((s, c, i) => s + (held[i] ? c.n * weights[i]! : 0), 0);
		const free = cells.reduce((s, c, i) => s + (held[i] ? 0 : c.n * weights[i]!), 0);
		if (free > 0) {
			const factor = (n - fixed) / free;
			if (Math.abs(factor - 1) > 1e-12) moved = true;
			weights.forEach((w, i) => {
				if (!held[i]) weights[i] = w * factor;
			});
		}
		if (!moved) break;
	}
	return cells.reduce((s, c, i) => s + (held[i] ? c.n : 0), 0);
}

/** Scales weights to a mean of 1 over the respondents. */
function normalise(cells: readonly WeightingCell[], weights: number[], n: number) {
	const total = cells.reduce((s, c, i) => s + c.n * weights[i]!, 0);
	if (total <= 0) return;
	for (let i = 0; i < weights.length; i++) weights[i]! *= n / total;
}

/**
 * Kish's design effect for unequal weights, n·Σw²/(Σw)² = 1 + CV², and the effective sample
 * size (Σw)²/Σw², over groups of `counts[i]` respondents who each have weight `weights[i]`.
 */
export function summariseWeights(
	counts: readonly number[],
	weights: readonly number[]
): WeightSummary {
	let n = 0;
	let sum = 0;
	let squares = 0;
	let min = Infinity;
	let max = -Infinity;
	counts.forEach((c, i) => {
		if (c <= 0) return;
		const w = weights[i]!;
		n += c;
		sum += c * w;
		squares += c * w * w;
		min = Math.min(min, w);
		max = Math.max(max, w);
	});
	if (n === 0) return { n: 0, min: 1, max: 1, designEffect: 1, nEffective: 0 };
	const nEffective = (sum * sum) / squares;
	return { n, min, max, designEffect: n / nEffective, nEffective };
}

export interface WeightedShare {
	/** Weighted proportion, 0–1. */
	share: number;
	/** 95% Wilson interval on the effective sample size. */
	lower: number;
	upper: number;
}

export interface WeightedQuestion {
	/** Valid answers (unweighted). */
	n: number;
	nEffective: number;
	designEffect: number;
	/** Per valid option value. */
	options: Map<string, WeightedShare>;
	/** The positive share; null when the question has none. */
	positive: WeightedShare | null;
}

export interface WeightedOption {
	value: string;
	positive: boolean;
	notApplicable: boolean;
}

/**
 * One question's weighted figures from its answers per cell (`answers[i]`: option value → count
 * of respondents in cell i), with the cells' weights. "Does not apply" stays outside the base,
 * as in the unweighted figures. Null when nobody gave a valid answer.
 */
export function weightQuestion(
	weights: readonly number[],
	answers: readonly ReadonlyMap<string, number>[],
	options: readonly WeightedOption[]
): WeightedQuestion | null {
	const valid = options.filter((o) => !o.notApplicable);
	const counts = answers.map((a) => valid.reduce((s, o) => s + (a.get(o.value) ?? 0), 0));
	const summary = summariseWeights(counts, weights);
	if (summary.n === 0) return null;
	const base = counts.reduce((s, c, i) => s + c * weights[i]!, 0);
	const shareOf = (values: readonly string[]): WeightedShare => {
		const part = answers.reduce(
			(s, a, i) => s + weights[i]! * values.reduce((t, v) => t + (a.get(v) ?? 0), 0),
			0
		);
		const share = Math.min(1, Math.max(0, part / base));
		return { share, ...wilsonShare(share, summary.nEffective) };
	};
	const positives = valid.filter((o) => o.positive).map((o) => o.value);
	return {
		n: summary.n,
		nEffective: summary.nEffective,
		designEffect: summary.designEffect,
		options: new Map(valid.map((o) => [o.value, shareOf([o.value])])),
		positive: positives.length > 0 ? shareOf(positives) : null
	};
}

export interface WeightedChange {
	difference: number;
	lower: number;
	upper: number;
	verdict: Verdict;
}

/**
 * The change between two weighted shares (later minus earlier), with Newcombe's interval on the
 * two effective sample sizes, and the plain verdict: clearly better or worse only when the whole
 * interval is on one side of zero.
 */
export function weightedChange(
	later: WeightedShare & { nEffective: number },
	earlier: WeightedShare & { nEffective: number }
): WeightedChange {
	const d = newcombeShares(later.share, later.nEffective, earlier.share, earlier.nEffective);
	return { difference: d.difference, lower: d.lower, upper: d.upper, verdict: verdictOf(d) };
}

/** A count the published figures give about a question's answers: the respondents in `cells`. */
export interface KnownSum {
	/** Indices of the weighting cells it adds up. */
	cells: readonly number[];
	/** Whether it is published (false: it is hidden, and must stay hidden). */
	published: boolean;
}

/**
 * Whether publishing a weighted figure of a question (its weighted share, or one option's
 * weighted percentage) keeps everything hidden hidden. The unknowns are how many respondents
 * of each weighting cell gave the figure's answer. What anyone may know, taken generously: each
 * cell's size and weight (both follow from answers to the about-you questions), and every
 * published count of the figure's answer (the question's own, and each breakdown group's). The
 * weighted figure adds one equation, Σ weight·count. It is safe when that equation, with the
 * rest, gives away no hidden group's count and no single cell's count (a cell is a combination
 * of need, age and plan that is published nowhere). With one margin the weights are constant
 * within its groups, so the equation can only ever narrow down hidden groups of that margin;
 * with several, it can pin down single cells when there are few of them.
 */
export function weightedFigureIsSafe(
	weights: readonly number[],
	known: readonly KnownSum[]
): boolean {
	const size = weights.length;
	if (size === 0) return true;
	const vector = (cells: readonly number[]) => {
		const v = new Float64Array(size);
		for (const c of cells) v[c] = 1;
		return v;
	};
	const published = new Basis(size);
	for (const k of known) if (k.published) published.add(vector(k.cells));
	const weighted = Float64Array.from(weights);
	if (published.contains(weighted)) return true;
	const secrets = [
		...known.filter((k) => !k.published).map((k) => vector(k.cells)),
		...weights.map((_, c) => vector([c]))
	].filter((v) => !published.contains(v));
	const withWeighted = new Basis(size);
	for (const k of known) if (k.published) withWeighted.add(vector(k.cells));
	withWeighted.add(weighted);
	return !secrets.some((v) => withWeighted.contains(v));
}
