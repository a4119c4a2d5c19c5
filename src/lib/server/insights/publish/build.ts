/**
 * Building one questionnaire's publication: its counts (tallies.ts), through the one suppression
 * function once, against the previous publication of the same tables so that the two together
 * reveal nothing either alone would hide. What comes out is what pages read (`figures`) and what
 * the next publication needs (`basis`, sealed when stored).
 */
import { questionType } from '$lib/questions/registry';
import type { InsightQuestion } from '../repository';
import { summariseQuestion, type QuestionFigures } from '../summarise';
import {
	suppress,
	suppressWithBasis,
	type BreakdownBasis,
	type PublicBreakdown,
	type PublicCount,
	type PublicQuestion,
	type PublicRate,
	type Rules,
	type TableBasis
} from '../suppression';
import { LANGUAGES, type Language } from '$lib/i18n';
import type { SurveyTallies, ValueCounts } from './tallies';

export interface PublishedRates {
	batches: (PublicRate & { id: string; label: string })[];
	total: PublicRate;
}

/** Everything a page may read about one questionnaire, already suppressed. */
export interface SurveyFigures {
	responses: PublicCount;
	questions: Record<string, PublicQuestion>;
	comments: Record<string, { all: PublicCount; reviewed: PublicCount }>;
	rates: PublishedRates | null;
	/** The languages the questionnaire had words in when published (English first). */
	languages: Language[];
	/** Per about-you key (or `language`): per question id, the question broken down by it. */
	breakdowns: Record<string, Record<string, PublicBreakdown>>;
}

/** What the next publication must know of this one. Sealed; never shown. */
export interface SurveyBasis {
	questions: Record<string, TableBasis>;
	breakdowns: Record<string, Record<string, BreakdownBasis>>;
	rates: { batchIds: string[]; table: TableBasis } | null;
}

/** The raw figures of each question that is counted (not free text or numbers). */
export function questionFigures(
	questions: readonly InsightQuestion[],
	tallies: SurveyTallies
): Map<string, QuestionFigures> {
	const figures = new Map<string, QuestionFigures>();
	for (const q of questions) {
		const type = questionType(q.kind);
		if (type.summary === 'none') continue;
		const counts = tallies.totals.get(q.id) ?? new Map<string, number>();
		const answered = type.summary === 'any' ? (tallies.choosing.get(q.id) ?? 0) : undefined;
		figures.set(q.id, summariseQuestion(q, counts, answered));
	}
	return figures;
}

/** The breakdown by the language a family answered in. */
export const LANGUAGE_BREAKDOWN = 'language';

export function buildFigures(
	questions: readonly InsightQuestion[],
	tallies: SurveyTallies,
	rules: Rules,
	earlier: SurveyBasis | null,
	languages: readonly Language[] = ['en']
): { figures: SurveyFigures; basis: SurveyBasis } {
	const raw = questionFigures(questions, tallies);
	const figures: SurveyFigures = {
		responses: suppress({ kind: 'count', value: tallies.responses }, rules),
		languages: [...languages],
		questions: {},
		comments: {},
		rates: null,
		breakdowns: {}
	};
	const basis: SurveyBasis = { questions: {}, breakdowns: {}, rates: null };

	for (const [id, f] of raw) {
		const { published, basis: b } = suppressWithBasis(
			{ kind: 'question', figures: f, earlier: earlier?.questions[id] },
			rules
		);
		figures.questions[id] = published;
		basis.questions[id] = b;
	}

	// Split each "choose one" question by a set of groups, against the same split last time.
	const breakDown = (
		key: string,
		groups: { value: string; label: string }[],
		cellsOf: (questionId: string) => Map<string, ValueCounts> | undefined,
		options: { skip?: string; everyoneHasOne?: boolean } = {}
	) => {
		const published: Record<string, PublicBreakdown> = {};
		const bases: Record<string, BreakdownBasis> = {};
		for (const [id, f] of raw) {
			if (id === options.skip || questionType(f.kind).summary !== 'one') continue;
			const { published: p, basis: b } = suppressWithBasis(
				{
					kind: 'breakdown',
					figures: f,
					groups,
					cells: cellsOf(id) ?? new Map(),
					earlier: earlier?.breakdowns[key]?.[id]
				},
				rules
			);
			// Every family answers in some language: its "not answered" group is always empty.
			published[id] = options.everyoneHasOne
				? { ...p, groups: p.groups.filter((g) => g.value !== null) }
				: p;
			if (b) bases[id] = b;
		}
		figures.breakdowns[key] = published;
		basis.breakdowns[key] = bases;
	};

	for (const about of questions) {
		const byQuestion = tallies.cross.get(about.id);
		if (!byQuestion) continue;
		const groups = about.options.map((o) => ({ value: o.value, label: o.label }));
		breakDown(about.key, groups, (id) => byQuestion.get(id), { skip: about.id });
	}
	// By the language families answered in, once the questionnaire is translated. The groups are
	// the languages it has words in, never the languages that happen to have answers, so the list
	// itself says nothing of who answered. An about-you question keyed "language" comes first.
	if (figures.languages.length > 1 && !(LANGUAGE_BREAKDOWN in figures.breakdowns)) {
		const groups = figures.languages.map((l) => ({ value: l, label: LANGUAGES[l].name }));
		breakDown(LANGUAGE_BREAKDOWN, groups, (id) => tallies.byLanguage.get(id), {
			everyoneHasOne: true
		});
	}

	for (const q of questions) {
		if (questionType(q.kind).storage !== 'comments') continue;
		const counts = tallies.comments.get(q.id) ?? { all: 0, reviewed: 0 };
		figures.comments[q.id] = {
			all: suppress({ kind: 'count', value: counts.all }, rules),
			reviewed: suppress({ kind: 'count', value: counts.reviewed }, rules)
		};
	}

	if (tallies.batches.length > 0) {
		const { published, basis: b } = suppressWithBasis(
			{
				kind: 'rates',
				batches: tallies.batches,
				earlier: ratesEarlier(tallies.batches, earlier?.rates ?? null)
			},
			rules
		);
		figures.rates = {
			batches: published.batches.map((rate, i) => ({
				...rate,
				id: tallies.batches[i]!.id,
				label: tallies.batches[i]!.label
			})),
			total: published.total
		};
		basis.rates = { batchIds: tallies.batches.map((b) => b.id), table: b };
	}
	return { figures, basis };
}

/**
 * The earlier rates lined up with today's batches. A batch made since had no codes used then;
 * the total comes last, as in the table.
 */
function ratesEarlier(
	batches: readonly { id: string }[],
	earlier: SurveyBasis['rates']
): TableBasis | undefined {
	if (!earlier) return undefined;
	const at = new Map(earlier.batchIds.map((id, i) => [id, i]));
	const pick = <T>(list: readonly T[], id: string, otherwise: T) => {
		const i = at.get(id);
		return i === undefined ? otherwise : list[i]!;
	};
	const last = earlier.table.values.length - 1;
	return {
		values: [...batches.map((b) => pick(earlier.table.values, b.id, 0)), earlier.table.values[last]!],
		hidden: [...batches.map((b) => pick(earlier.table.hidden, b.id, false)), earlier.table.hidden[last]!],
		sensitive: [
			...batches.map((b) => pick(earlier.table.sensitive, b.id, false)),
			earlier.table.sensitive[last]!
		]
	};
}
