/**
 * One questionnaire's representativeness and weighted figures, from plain counts (what
 * `readSurveyAnswers` returns) and the area's population: who answered beside who lives in the
 * area, the raking weights, and every question's figures weighted beside the unweighted ones.
 *
 * Pure, so it moves with the figures when they come from stored publications. Every respondent
 * count passes through `suppress` exactly as on the question pages (the same counts, the same
 * rules, so the same cells are hidden), and a weighted figure is given only where its
 * unweighted figure is published and `weightedFigureIsSafe` finds that it reveals nothing more.
 */
import { questionType } from '../../questions/registry';
import type { QuestionOption } from '../../questions/types';
import type { PopulationMargin, QuestionKind } from '../db/schema';
import { summariseQuestion } from '../insights/summarise';
import {
	suppress,
	type PublicBreakdown,
	type PublicCount,
	type PublicPercent,
	type PublicQuestion,
	type Rules
} from '../insights/suppression';
import {
	rake,
	RAKE_DEFAULTS,
	USABLE_ERROR,
	weightedFigureIsSafe,
	weightQuestion,
	type KnownSum,
	type RakeResult,
	type WeightedShare
} from '../insights/weighting';
import { MARGINS, OUTSIDE_POPULATION } from '../population/margins';
import type { SurveyAnswers } from './repository';

export interface WeightedQuestionInput {
	id: string;
	key: string;
	kind: QuestionKind;
	options: QuestionOption[];
}

/** A weighted figure, or why there is none: [c] withheld, [x] no weighting, [z] not applicable. */
export type WeightedFigure = WeightedShare | '[c]' | '[x]' | '[z]';

export interface QuestionWeighting {
	questionId: string;
	/** The unweighted figures, as every page shows them. */
	published: PublicQuestion;
	nEffective: number | null;
	designEffect: number | null;
	share: WeightedFigure;
	options: Map<string, WeightedFigure>;
}

export interface ProfileRow {
	value: string;
	label: string;
	population: number | null;
	/** Of the margin's population. */
	populationShare: number | null;
	respondents: PublicCount;
	/** Of respondents who answered the question (as its own figures give it). */
	respondentShare: PublicPercent;
	/** Respondents over population; [x] where the population has no figure for the group. */
	responseRate: PublicPercent | '[x]';
}

export interface MarginProfile {
	key: PopulationMargin;
	label: string;
	rows: ProfileRow[];
	/** Answers that are no group of the population ("Not sure"), with their counts. */
	outside: { label: string; respondents: PublicCount }[];
	populationTotal: number;
}

export interface MarginUse {
	key: PopulationMargin;
	label: string;
	asked: boolean;
	hasPopulation: boolean;
	used: boolean;
	/** Why it is not used, in words. */
	reason: string | null;
	/** Population groups with no respondents, and answers weighted as no answer (labels). */
	empty: string[];
	outside: string[];
	missing: number;
}

export interface SurveyWeighting {
	respondents: number;
	rake: RakeResult | null;
	usable: boolean;
	/** Why there are no weighted figures. */
	reason: string | null;
	margins: MarginUse[];
	profile: MarginProfile[];
	questions: Map<string, QuestionWeighting>;
	bounds: readonly [number, number] | null;
}

/** Questions with one answer per respondent, counted per option: the ones weighted. */
export function isWeighted(question: { kind: QuestionKind }): boolean {
	return questionType(question.kind).summary === 'one';
}

export function weighSurvey(input: {
	questions: readonly WeightedQuestionInput[];
	/** The about-you questions of the margins, in MARGINS order (null: not asked). */
	marginQuestions: readonly (WeightedQuestionInput | null)[];
	answers: SurveyAnswers;
	targets: ReadonlyMap<PopulationMargin, ReadonlyMap<string, number>>;
	rules: Rules;
}): SurveyWeighting {
	const { answers, rules } = input;
	const cells = answers.cells;
	const respondents = cells.reduce((s, c) => s + c.n, 0);
	const labelOf = (m: number, value: string) =>
		input.marginQuestions[m]?.options.find((o) => o.value === value)?.label ?? value;

	// Who answered, beside who lives in the area.
	const profile: MarginProfile[] = [];
	MARGINS.forEach((margin, m) => {
		const q = input.marginQuestions[m];
		if (!q) return;
		const counts = new Map<string, number>();
		for (const cell of cells) {
			const v = cell.values[m];
			if (v) counts.set(v, (counts.get(v) ?? 0) + cell.n);
		}
		// The same figures, through the same function, as the about-you question's own page.
		const published = suppress({ kind: 'question', figures: summariseQuestion(q, counts) }, rules);
		const population = input.targets.get(margin.key);
		const populationTotal = [...(population?.values() ?? [])].reduce((s, n) => s + n, 0);
		const inside = published.options.filter((o) => !OUTSIDE_POPULATION.has(o.value));
		profile.push({
			key: margin.key,
			label: margin.label,
			populationTotal,
			rows: inside.map((o) => {
				const size = population?.get(o.value) ?? null;
				return {
					value: o.value,
					label: o.label,
					population: size,
					populationShare: size !== null && populationTotal > 0 ? size / populationTotal : null,
					respondents: o.count,
					// The question's own published percentage (of all who answered it, "Not sure"
					// included): a share of only the groups shown could give a hidden one away.
					respondentShare: o.percent,
					responseRate:
						typeof o.count !== 'number' ? '[c]' : size && size > 0 ? o.count / size : '[x]'
				};
			}),
			outside: published.options
				.filter((o) => OUTSIDE_POPULATION.has(o.value))
				.map((o) => ({ label: o.label, respondents: o.count }))
		});
	});

	// The weights.
	const margins: MarginUse[] = MARGINS.map((margin, m) => ({
		key: margin.key,
		label: margin.label,
		asked: input.marginQuestions[m] !== null && input.marginQuestions[m] !== undefined,
		hasPopulation: [...(input.targets.get(margin.key)?.values() ?? [])].some((n) => n > 0),
		used: false,
		reason: null,
		empty: [],
		outside: [],
		missing: 0
	}));
	const candidates = margins
		.map((use, m) => ({ use, m }))
		.filter(({ use }) => use.asked && use.hasPopulation);
	for (const use of margins) {
		if (!use.asked) use.reason = 'Not asked in this questionnaire.';
		else if (!use.hasPopulation) use.reason = 'No population figures for it.';
	}
	let result: RakeResult | null = null;
	if (candidates.length > 0 && respondents > 0) {
		result = rake(
			cells.map((c) => ({ values: candidates.map(({ m }) => c.values[m] ?? null), n: c.n })),
			candidates.map(({ use }) => ({ key: use.key, targets: input.targets.get(use.key)! }))
		);
		candidates.forEach(({ use, m }, j) => {
			const report = result!.margins[j]!;
			use.used = report.used;
			use.reason = report.reason;
			use.empty = report.empty.map(
				(v) => MARGINS[m]!.categories.find((c) => c.value === v)?.label ?? v
			);
			use.outside = report.outside.map((v) => labelOf(m, v));
			use.missing = report.missing;
		});
	}
	const usedAny = margins.some((u) => u.used);
	const usable = result !== null && usedAny && result.maxError <= USABLE_ERROR;
	const reason = !result
		? respondents === 0
			? 'Nobody has answered yet.'
			: 'There are no population figures for the about-you questions this questionnaire asks.'
		: !usedAny
			? 'None of the margins could be used.'
			: !usable
				? `The weights could not meet the population figures within the bounds (the largest gap left is ${(result.maxError * 100).toFixed(1)} points).`
				: null;

	// Every question, unweighted and weighted.
	const marginIds = new Set(input.marginQuestions.filter(Boolean).map((q) => q!.id));
	const questions = new Map<string, QuestionWeighting>();
	for (const q of input.questions) {
		if (!isWeighted(q)) continue;
		const byCell = answers.answers.get(q.id) ?? new Map<number, Map<string, number>>();
		const totals = new Map<string, number>();
		for (const counts of byCell.values())
			for (const [v, n] of counts) totals.set(v, (totals.get(v) ?? 0) + n);
		const figures = summariseQuestion(q, totals);
		const published = suppress({ kind: 'question', figures }, rules);
		// Where the unweighted figure is not published, neither is the weighted one: the same marker.
		const marker = (p: PublicPercent | PublicQuestion['share']): WeightedFigure =>
			typeof p === 'string' ? p : '[x]';
		const entry: QuestionWeighting = {
			questionId: q.id,
			published,
			nEffective: null,
			designEffect: null,
			share: marker(published.share),
			options: new Map(published.options.map((o) => [o.value, marker(o.percent)]))
		};
		questions.set(q.id, entry);
		if (marginIds.has(q.id)) {
			// A margin's own question weighted is the population's shares: nothing to add.
			entry.share = '[z]';
			for (const o of published.options) entry.options.set(o.value, '[z]');
			continue;
		}
		if (!usable || !result) continue;
		const perCell = cells.map((_, i) => byCell.get(i) ?? new Map<string, number>());
		const weighted = weightQuestion(
			result.weights,
			perCell,
			q.options.map((o) => ({
				value: o.value,
				positive: Boolean(o.positive) && !o.notApplicable,
				notApplicable: Boolean(o.notApplicable)
			}))
		);
		if (!weighted) continue;
		if (typeof published.n === 'number') {
			entry.nEffective = weighted.nEffective;
			entry.designEffect = weighted.designEffect;
		}
		const guard = guardFor(
			q,
			perCell,
			result.weights,
			input.marginQuestions,
			cells,
			figures,
			published,
			rules
		);
		if (typeof published.share === 'object' && weighted.positive) {
			entry.share = guard.share() ? weighted.positive : '[c]';
		}
		for (const o of published.options) {
			const w = weighted.options.get(o.value);
			if (!w || typeof o.percent !== 'number') continue;
			entry.options.set(o.value, guard.option(o.value) ? w : '[c]');
		}
	}

	return {
		respondents,
		rake: result,
		usable,
		reason,
		margins,
		profile,
		questions,
		bounds: RAKE_DEFAULTS.bounds
	};
}

/**
 * What is published about a question's answers, as sums over the weighting cells that have
 * answers to it: the question's own counts, and each margin's breakdown of it.
 */
function guardFor(
	q: WeightedQuestionInput,
	perCell: readonly ReadonlyMap<string, number>[],
	weights: readonly number[],
	marginQuestions: readonly (WeightedQuestionInput | null)[],
	cells: SurveyAnswers['cells'],
	figures: ReturnType<typeof summariseQuestion>,
	published: PublicQuestion,
	rules: Rules
) {
	const valid = q.options.filter((o) => !o.notApplicable).map((o) => o.value);
	const present = perCell
		.map((counts, i) => ({ i, n: valid.reduce((s, v) => s + (counts.get(v) ?? 0), 0) }))
		.filter((c) => c.n > 0)
		.map((c) => c.i);
	const local = present.map((i) => weights[i]!);
	const breakdowns: { members: (value: string | null) => number[]; table: PublicBreakdown }[] = [];
	marginQuestions.forEach((about, m) => {
		if (!about) return;
		const cellsByGroup = new Map<string, Map<string, number>>();
		perCell.forEach((counts, i) => {
			const g = cells[i]!.values[m];
			if (!g) return;
			const map = cellsByGroup.get(g) ?? new Map<string, number>();
			for (const [v, n] of counts) map.set(v, (map.get(v) ?? 0) + n);
			cellsByGroup.set(g, map);
		});
		const table = suppress(
			{
				kind: 'breakdown',
				figures,
				groups: about.options.map((o) => ({ value: o.value, label: o.label })),
				cells: cellsByGroup
			},
			rules
		);
		breakdowns.push({
			table,
			members: (value) =>
				present
					.map((i, k) => ({ i, k }))
					.filter(({ i }) => (cells[i]!.values[m] ?? null) === value)
					.map(({ k }) => k)
		});
	});
	const everyone = present.map((_, k) => k);
	const known = (
		total: boolean,
		group: (g: PublicBreakdown['groups'][number]) => boolean
	): KnownSum[] => [
		{ cells: everyone, published: total },
		...breakdowns.flatMap((b) =>
			b.table.groups.map((g) => ({ cells: b.members(g.value), published: group(g) }))
		)
	];
	return {
		share: () =>
			weightedFigureIsSafe(
				local,
				known(typeof published.share === 'object', (g) => typeof g.share === 'object')
			),
		option: (value: string) =>
			weightedFigureIsSafe(
				local,
				known(
					typeof published.options.find((o) => o.value === value)?.count === 'number',
					(g) => typeof g.options.find((o) => o.value === value)?.count === 'number'
				)
			)
	};
}
