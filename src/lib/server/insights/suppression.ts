/**
 * Statistical disclosure control: the one function, `suppress`, that stands between every figure
 * and every page, chart and file. After the GSS guidance:
 *
 * - a percentage needs a base of at least `minBase` (10) valid answers;
 * - a count from 1 to `minCount` − 1 (1–4) is `[c]`: never shown, drawn or exported;
 * - secondary suppression hides further cells, the next-smallest of the same total first, until
 *   no suppressed cell can be recovered from totals, from shares and their bases, or from other
 *   breakdowns of the same question (see protect.ts for how that is checked);
 * - a share on a base under 30, or with an interval wider than ±15 points, is marked `[u]`.
 *
 * Suppressed values do not exist in the objects returned here: a page cannot show by mistake
 * what it was never given.
 *
 * What is protected: counts of respondents choosing an option, within the whole area or within a
 * breakdown group, and the sums behind shares and bases. Shares pooled over several questions
 * (a finding's share) are built only from question shares that are themselves published, so they
 * reveal nothing new. Not protected: how many skipped a question or said "does not apply"; it is
 * the number of respondents minus n wherever both are shown, and says nothing about experience.
 */
import { protectSince, type Earlier, type Figure } from './protect';
import { newcombe, verdictOf, wilson, type Verdict } from './stats';
import { hasPositiveShare, questionType } from '../../questions/registry';
import { sum, type QuestionFigures } from './summarise';

export { MARKERS, type Marker } from '../../components/insights/markers';

export interface Rules {
	/** Smallest base for a percentage (never below 10). */
	minBase: number;
	/** Counts below this are suppressed (never below 5). */
	minCount: number;
}

export const NATIONAL_MINIMUMS: Readonly<Rules> = { minBase: 10, minCount: 5 };
export const LOW_RELIABILITY_BASE = 30;
export const LOW_RELIABILITY_HALF_WIDTH = 0.15;

/** An area's rules: it may raise the thresholds, never lower them. */
export function rulesFor(area?: Partial<Rules> | null): Rules {
	return {
		minBase: Math.max(NATIONAL_MINIMUMS.minBase, area?.minBase ?? 0),
		minCount: Math.max(NATIONAL_MINIMUMS.minCount, area?.minCount ?? 0)
	};
}

/** A count as it may be published. */
export type PublicCount = number | '[c]';
/** A proportion (0–1) as it may be published; `[z]` for "does not apply" (outside the base). */
export type PublicPercent = number | '[c]' | '[z]';

export interface PublicShare {
	/** Positive answers over valid answers, 0–1. */
	share: number;
	lower: number;
	upper: number;
	n: number;
	positive: number;
	/** `[u]`: a base under 30 or an interval wider than ±15 points. */
	unreliable: boolean;
}
/** `[c]` suppressed, `[x]` no answers (or not asked), `[z]` the question has no positive share. */
export type ShareFigure = PublicShare | '[c]' | '[x]' | '[z]';

export interface PublicOption {
	value: string;
	label: string;
	easyRead: string | null;
	positive: boolean;
	notApplicable: boolean;
	count: PublicCount;
	/** Of n (valid answers). */
	percent: PublicPercent;
}

export interface PublicQuestion {
	questionId: string;
	kind: QuestionFigures['kind'];
	options: PublicOption[];
	n: PublicCount;
	notApplicable: PublicCount;
	share: ShareFigure;
}

/** A breakdown group: an option of an about-you question (null: did not answer it), or an audience. */
export interface BreakdownGroup {
	value: string | null;
	label: string;
}

export interface PublicGroup extends BreakdownGroup {
	n: PublicCount;
	share: ShareFigure;
	options: { value: string; count: PublicCount; percent: PublicPercent }[];
}

export interface PublicBreakdown {
	questionId: string;
	/** Valid options of the question, the rows of every group. */
	options: { value: string; label: string; positive: boolean }[];
	groups: PublicGroup[];
}

export interface PooledShare {
	share: ShareFigure;
	/** Questions whose answers are in the share. */
	questions: number;
	/** Questions that could have been: the rest are suppressed on their own. */
	of: number;
}

export interface PublicChange {
	/** Later share minus earlier share. */
	difference: number;
	lower: number;
	upper: number;
	verdict: Verdict;
}
/** `[z]`: no earlier wave to compare with; `[x]`: a side is suppressed or missing. */
export type ChangeFigure = PublicChange | '[x]' | '[z]';

export interface PublicRate {
	issued: number;
	used: PublicCount;
	percent: PublicPercent;
}

/**
 * What a publication keeps of a table it published, to protect the next one: the true value of
 * each figure and whether it was hidden (see protectSince). Never shown to anyone.
 */
export type TableBasis = Earlier;
export interface BreakdownBasis {
	question: TableBasis;
	bases: TableBasis;
	cells: TableBasis;
}

export type SuppressInput =
	| { kind: 'question'; figures: QuestionFigures; earlier?: TableBasis }
	| {
			kind: 'breakdown';
			figures: QuestionFigures;
			/** The about-you question's options, in order (a "not answered" group is added). */
			groups: BreakdownGroup[];
			/** Valid answers per group value and option value. */
			cells: ReadonlyMap<string, ReadonlyMap<string, number>>;
			earlier?: BreakdownBasis;
	  }
	| { kind: 'pooled'; parts: readonly ShareFigure[] }
	| { kind: 'change'; later: ShareFigure | undefined; earlier: ShareFigure | undefined }
	| {
			kind: 'rates';
			batches: readonly { issued: number; used: number }[];
			/** The earlier publication's figures, batch by batch in the same order, then the total. */
			earlier?: TableBasis;
	  }
	| { kind: 'count'; value: number };

export function suppress(
	input: Extract<SuppressInput, { kind: 'question' }>,
	rules: Rules
): PublicQuestion;
export function suppress(
	input: Extract<SuppressInput, { kind: 'breakdown' }>,
	rules: Rules
): PublicBreakdown;
export function suppress(
	input: Extract<SuppressInput, { kind: 'pooled' }>,
	rules: Rules
): PooledShare;
export function suppress(
	input: Extract<SuppressInput, { kind: 'change' }>,
	rules: Rules
): ChangeFigure;
export function suppress(
	input: Extract<SuppressInput, { kind: 'rates' }>,
	rules: Rules
): { batches: PublicRate[]; total: PublicRate };
export function suppress(
	input: Extract<SuppressInput, { kind: 'count' }>,
	rules: Rules
): PublicCount;
/** The one gate between figures and what people see. */
export function suppress(input: SuppressInput, rules: Rules): unknown {
	return suppressWithBasis(input, rules).published;
}

type Tabled = Extract<SuppressInput, { kind: 'question' | 'breakdown' | 'rates' }>;

/**
 * The same gate, for a publication: besides what may be shown, what it must remember to protect
 * its next publication of the same tables (the basis; tables only).
 */
export function suppressWithBasis(
	input: Extract<SuppressInput, { kind: 'question' }>,
	rules: Rules
): { published: PublicQuestion; basis: TableBasis };
export function suppressWithBasis(
	input: Extract<SuppressInput, { kind: 'breakdown' }>,
	rules: Rules
): { published: PublicBreakdown; basis: BreakdownBasis | null };
export function suppressWithBasis(
	input: Extract<SuppressInput, { kind: 'rates' }>,
	rules: Rules
): { published: { batches: PublicRate[]; total: PublicRate }; basis: TableBasis };
export function suppressWithBasis(
	input: SuppressInput,
	rules: Rules
): { published: unknown; basis: unknown };
export function suppressWithBasis(
	input: SuppressInput,
	rules: Rules
): { published: unknown; basis: unknown } {
	const safe = rulesFor(rules);
	switch (input.kind) {
		case 'question':
			return publicQuestion(input.figures, safe, input.earlier);
		case 'breakdown':
			return publicBreakdown(input.figures, input.groups, input.cells, safe, input.earlier);
		case 'rates':
			return rates(input.batches, safe, input.earlier);
		case 'pooled':
			return { published: pooled(input.parts, safe), basis: null };
		case 'change':
			return { published: change(input.later, input.earlier, safe), basis: null };
		case 'count':
			// A count on its own (responses to a questionnaire, comments on a question).
			return { published: isSmall(input.value, safe) ? '[c]' : input.value, basis: null };
	}
}
export type { Tabled };

function basisOf(figures: readonly Figure[], hidden: boolean[], sensitive: boolean[]): TableBasis {
	return { values: figures.map((f) => f.value), hidden, sensitive };
}

// ---------------------------------------------------------------------------------------------

function isSmall(value: number, rules: Rules): boolean {
	return value > 0 && value < rules.minCount;
}

/** A share that passed every check, with its interval and reliability flag. */
function shareOf(positive: number, n: number): PublicShare {
	const { lower, upper } = wilson(positive, n);
	return {
		share: positive / n,
		lower,
		upper,
		n,
		positive,
		unreliable: n < LOW_RELIABILITY_BASE || (upper - lower) / 2 > LOW_RELIABILITY_HALF_WIDTH
	};
}

/** Where a question's figures sit in its one-way table. */
interface QuestionTable {
	valid: QuestionFigures['options'];
	figures: Figure[];
	/** Figure index of each valid option, and of the sums. */
	option: number[];
	positive: number | null;
	negative: number | null;
	base: number;
	hidden: boolean[];
	sensitive: boolean[];
}

/** The question's own table (whole area, one wave), protected. */
function protectQuestion(q: QuestionFigures, rules: Rules, earlier?: TableBasis): QuestionTable {
	const valid = q.options.filter((o) => !o.notApplicable);
	const figures: Figure[] = valid.map((o, i) => ({ cells: [i], value: o.count, tier: 1 }));
	const option = valid.map((_, i) => i);
	let positive: number | null = null;
	let negative: number | null = null;
	const all = valid.map((_, i) => i);
	const overlapping = questionType(q.kind).summary === 'any';
	if (overlapping) {
		// Options of "choose any" overlap, so they add up to nothing: only primary suppression.
		figures.push({ cells: [], value: q.n, tier: 3 });
	} else {
		if (q.positive !== null) {
			const pos = all.filter((i) => valid[i]!.positive);
			const neg = all.filter((i) => !valid[i]!.positive);
			positive =
				figures.push({ cells: pos, value: sum(pos.map((i) => valid[i]!.count)), tier: 2 }) - 1;
			negative =
				figures.push({ cells: neg, value: sum(neg.map((i) => valid[i]!.count)), tier: 2 }) - 1;
		}
		figures.push({ cells: all, value: q.n, tier: 3 });
	}
	const base = figures.length - 1;
	const { hidden, sensitive } = overlapping
		? protectOverlapping(figures, rules, earlier)
		: protectSince(valid.length, figures, earlier, { minCount: rules.minCount });
	return { valid, figures, option, positive, negative, base, hidden, sensitive };
}

/**
 * "Choose any" options overlap and add up to nothing, so only each figure itself can give a small
 * count away: when it is small now, or when it grew by a small number since an earlier
 * publication that showed it.
 */
function protectOverlapping(
	figures: readonly Figure[],
	rules: Rules,
	earlier?: TableBasis
): { hidden: boolean[]; sensitive: boolean[] } {
	const same = earlier && earlier.values.length === figures.length;
	const sensitive = figures.map((f) => isSmall(f.value, rules));
	const hidden = figures.map(
		(f, i) =>
			sensitive[i]! ||
			Boolean(same && !earlier.hidden[i] && isSmall(f.value - earlier.values[i]!, rules))
	);
	return { hidden, sensitive };
}

function publicQuestion(
	q: QuestionFigures,
	rules: Rules,
	earlier?: TableBasis
): { published: PublicQuestion; basis: TableBasis } {
	const t = protectQuestion(q, rules, earlier);
	const baseShown = !t.hidden[t.base];
	const percentBase = baseShown && q.n >= rules.minBase;
	const options: PublicOption[] = q.options.map((o) => {
		const common = {
			value: o.value,
			label: o.label,
			easyRead: o.easyRead,
			positive: o.positive,
			notApplicable: o.notApplicable
		};
		if (o.notApplicable) {
			return { ...common, count: isSmall(o.count, rules) ? '[c]' : o.count, percent: '[z]' };
		}
		const index = t.valid.indexOf(o);
		const shown = !t.hidden[t.option[index]!];
		return {
			...common,
			count: shown ? o.count : '[c]',
			percent: shown && percentBase ? o.count / q.n : '[c]'
		};
	});
	const published: PublicQuestion = {
		questionId: q.questionId,
		kind: q.kind,
		options,
		n: baseShown ? q.n : '[c]',
		notApplicable: isSmall(q.notApplicable, rules) ? '[c]' : q.notApplicable,
		share: shareFigure(q, t, rules)
	};
	return { published, basis: basisOf(t.figures, t.hidden, t.sensitive) };
}

function shareFigure(q: QuestionFigures, t: QuestionTable, rules: Rules): ShareFigure {
	if (!hasPositiveShare(q) || t.positive === null || q.positive === null) return '[z]';
	if (q.n === 0) return '[x]';
	const shown =
		!t.hidden[t.base] &&
		!t.hidden[t.positive] &&
		!(t.negative !== null && t.hidden[t.negative]) &&
		q.n >= rules.minBase;
	return shown ? shareOf(q.positive, q.n) : '[c]';
}

/**
 * A question broken down by the groups of an about-you question. Two steps: first the groups'
 * bases, against the question's n; then the cells, against the question's own (already
 * protected) table, which none of them may help to undo. Groups with a base under minBase show
 * their n only.
 */
function publicBreakdown(
	q: QuestionFigures,
	stated: BreakdownGroup[],
	cells: ReadonlyMap<string, ReadonlyMap<string, number>>,
	rules: Rules,
	earlier?: BreakdownBasis
): { published: PublicBreakdown; basis: BreakdownBasis | null } {
	const valid = q.options.filter((o) => !o.notApplicable);
	const rows = valid.map((o) => ({ value: o.value, label: o.label, positive: o.positive }));
	// Only options that each respondent picks one of split into groups that add up.
	if (questionType(q.kind).summary !== 'one') {
		return { published: { questionId: q.questionId, options: rows, groups: [] }, basis: null };
	}
	const t = protectQuestion(q, rules, earlier?.question);
	const groups: BreakdownGroup[] = [...stated, { value: null, label: 'Not answered' }];
	const G = groups.length;
	const k = valid.length;
	// Counts per option and group; the "not answered" group is whatever the groups leave over.
	const count: number[][] = valid.map((o) => {
		const known = stated.map((g) => cells.get(g.value!)?.get(o.value) ?? 0);
		return [...known, Math.max(0, o.count - sum(known))];
	});
	const bases = groups.map((_, g) => sum(count.map((row) => row[g]!)));

	// Step 1: the groups' bases, a one-way table whose total is the question's n.
	const baseFigures: Figure[] = bases.map((value, g) => ({ cells: [g], value, tier: 1 }));
	baseFigures.push({
		cells: groups.map((_, g) => g),
		value: q.n,
		tier: 3,
		fixed: { hidden: t.hidden[t.base]!, sensitive: t.sensitive[t.base]! }
	});
	const baseProtection = protectSince(G, baseFigures, earlier?.bases, {
		minCount: rules.minCount
	});
	const baseHidden = bases.map((_, g) => baseProtection.hidden[g]!);
	const columnHidden = bases.map((value, g) => baseHidden[g]! || value < rules.minBase);

	// Step 2: the cells. Cell (i, g) is i·G + g.
	const figures: Figure[] = [];
	const cellFigure: number[][] = valid.map(() => []);
	for (let i = 0; i < k; i++) {
		for (let g = 0; g < G; g++) {
			cellFigure[i]![g] =
				figures.push({
					cells: [i * G + g],
					value: count[i]![g]!,
					tier: 1,
					preHidden: columnHidden[g]
				}) - 1;
		}
	}
	const hasShare = t.positive !== null;
	const posRows = valid.map((_, i) => i).filter((i) => valid[i]!.positive);
	const negRows = valid.map((_, i) => i).filter((i) => !valid[i]!.positive);
	const groupPositive: (number | null)[] = [];
	const groupNegative: (number | null)[] = [];
	for (let g = 0; g < G; g++) {
		if (!hasShare) {
			groupPositive.push(null);
			groupNegative.push(null);
			continue;
		}
		const block = (rowsOf: number[]): Figure => ({
			cells: rowsOf.map((i) => i * G + g),
			value: sum(rowsOf.map((i) => count[i]![g]!)),
			tier: 2,
			preHidden: columnHidden[g]
		});
		groupPositive.push(figures.push(block(posRows)) - 1);
		groupNegative.push(figures.push(block(negRows)) - 1);
	}
	for (let g = 0; g < G; g++) {
		figures.push({
			cells: valid.map((_, i) => i * G + g),
			value: bases[g]!,
			tier: 3,
			fixed: { hidden: baseHidden[g]!, sensitive: baseProtection.sensitive[g]! }
		});
	}
	// The question's own table, fixed: what it hides must stay hidden.
	const rowCells = (i: number) => groups.map((_, g) => i * G + g);
	t.figures.forEach((f, j) => {
		figures.push({
			cells: f.cells.flatMap(rowCells),
			value: f.value,
			tier: 3,
			fixed: { hidden: t.hidden[j]!, sensitive: t.sensitive[j]! }
		});
	});
	const guard = valid.map((_, i) => {
		const v = new Array<number>(k * G).fill(0);
		for (const c of rowCells(i)) v[c] = 1;
		return v;
	});
	const { hidden, sensitive } = protectSince(k * G, figures, earlier?.cells, {
		minCount: rules.minCount,
		guard
	});
	const basis: BreakdownBasis = {
		question: basisOf(t.figures, t.hidden, t.sensitive),
		bases: basisOf(baseFigures, baseProtection.hidden, baseProtection.sensitive),
		cells: basisOf(figures, hidden, sensitive)
	};

	const published: PublicBreakdown = {
		questionId: q.questionId,
		options: rows,
		groups: groups.map((group, g) => {
			const n = bases[g]!;
			const percentBase = !baseHidden[g] && n >= rules.minBase;
			let share: ShareFigure = '[z]';
			if (hasShare) {
				const pos = groupPositive[g]!;
				const neg = groupNegative[g]!;
				if (n === 0) share = '[x]';
				else if (percentBase && !hidden[pos] && !hidden[neg])
					share = shareOf(figures[pos]!.value, n);
				else share = '[c]';
			}
			return {
				...group,
				n: baseHidden[g] ? '[c]' : n,
				share,
				options: valid.map((o, i) => {
					const shown = !hidden[cellFigure[i]![g]!];
					const value = count[i]![g]!;
					return {
						value: o.value,
						count: shown ? value : '[c]',
						percent: shown && percentBase ? value / n : '[c]'
					};
				})
			};
		})
	};
	return { published, basis };
}

/**
 * A share pooled over several questions (a finding's, an audience's): only published shares go
 * in, so the pool can be worked back to nothing that is not already public.
 */
function pooled(parts: readonly ShareFigure[], rules: Rules): PooledShare {
	const counted = parts.filter((p) => p !== '[z]');
	const shown = counted.filter((p): p is PublicShare => typeof p === 'object');
	const positive = sum(shown.map((p) => p.positive));
	const n = sum(shown.map((p) => p.n));
	let share: ShareFigure;
	if (counted.length === 0) share = '[x]';
	else if (shown.length === 0) share = counted.every((p) => p === '[x]') ? '[x]' : '[c]';
	else if (n < rules.minBase || isSmall(positive, rules) || isSmall(n - positive, rules))
		share = '[c]';
	else share = shareOf(positive, n);
	return { share, questions: shown.length, of: counted.length };
}

/** The change between two published shares, with a verdict only when both are published. */
function change(
	later: ShareFigure | undefined,
	earlier: ShareFigure | undefined,
	rules: Rules
): ChangeFigure {
	if (earlier === undefined || earlier === '[z]' || later === '[z]') return '[z]';
	if (typeof later !== 'object' || typeof earlier !== 'object') return '[x]';
	if (later.n < rules.minBase || earlier.n < rules.minBase) return '[x]';
	const d = newcombe(later.positive, later.n, earlier.positive, earlier.n);
	return { difference: d.difference, lower: d.lower, upper: d.upper, verdict: verdictOf(d) };
}

/** Codes used per batch: a small number of used codes in one district's batch could point at a family. */
function rates(
	batches: readonly { issued: number; used: number }[],
	rules: Rules,
	earlier?: TableBasis
): { published: { batches: PublicRate[]; total: PublicRate }; basis: TableBasis } {
	// A batch smaller than the minimum base says too much whatever its count: a batch of one
	// letter, named after a family, would tell whether they answered even when the count is 0. Its
	// used count is hidden and treated as sensitive, so the total cannot give it away either.
	const figures: Figure[] = batches.map((b, i) => ({
		cells: [i],
		value: b.used,
		tier: 1,
		...(b.issued < rules.minBase ? { fixed: { hidden: true, sensitive: true } } : {})
	}));
	const total = sum(batches.map((b) => b.used));
	const issued = sum(batches.map((b) => b.issued));
	figures.push({ cells: batches.map((_, i) => i), value: total, tier: 3 });
	const { hidden, sensitive } = protectSince(batches.length, figures, earlier, {
		minCount: rules.minCount
	});
	const rate = (i: number, used: number, of: number): PublicRate => ({
		issued: of,
		used: hidden[i] ? '[c]' : used,
		percent: hidden[i] || of < rules.minBase ? '[c]' : used / of
	});
	return {
		published: {
			batches: batches.map((b, i) => rate(i, b.used, b.issued)),
			total: rate(batches.length, total, issued)
		},
		basis: basisOf(figures, hidden, sensitive)
	};
}
