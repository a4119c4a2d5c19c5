/**
 * The raw counts behind one questionnaire's publication, counted in one pass over its responses
 * (answers.ts reads them a page at a time). Each response adds its answers to the totals, to the
 * breakdown by its language, and to the breakdown by each of its about-you answers, so every
 * table of the publication comes out of the same pass, with no query per breakdown.
 *
 * Nothing here is suppressed: these counts go straight into `suppressWithBasis`, and only what
 * that returns is stored where a page can read it.
 */
import { questionType } from '$lib/questions/registry';
import type { Db } from '../../db';
import type { InsightQuestion } from '../repository';
import { AnswerBook, perAnswer, responsePages, type ResponseAnswers } from './answers';

/** Counts per stored value. */
export type ValueCounts = Map<string, number>;

/** What one pass over the responses counts. */
export interface AnswerTallies {
	/** Released responses: the base the publication covers. */
	responses: number;
	/** Per counted question: answers per value. */
	totals: Map<string, ValueCounts>;
	/** Per "choose any" question: respondents who chose anything but "does not apply". */
	choosing: Map<string, number>;
	/** Per about-you question id, per "choose one" question id, per group value: answers per value. */
	cross: Map<string, Map<string, Map<string, ValueCounts>>>;
	/** Per "choose one" question id, per language the family answered in: answers per value. */
	byLanguage: Map<string, Map<string, ValueCounts>>;
}

export interface SurveyTallies extends AnswerTallies {
	/** Free-text answers per question: all of them, and those an officer has reviewed. */
	comments: Map<string, { all: number; reviewed: number }>;
	/** Codes issued and used, per batch, in the order the batches were made. */
	batches: { id: string; label: string; issued: number; used: number }[];
}

/** A question's values as small numbers, so counting is indexing arrays (options first). */
class ValueIndex {
	readonly values: string[];
	readonly #at: Map<string, number>;
	constructor(options: readonly { value: string }[]) {
		this.values = options.map((o) => o.value);
		this.#at = new Map(this.values.map((v, i) => [v, i]));
	}
	/** The value's number; a value that is not an option (an old one) gets the next number. */
	of(value: string): number {
		let i = this.#at.get(value);
		if (i === undefined) {
			i = this.values.push(value) - 1;
			this.#at.set(value, i);
		}
		return i;
	}
}

/** Counts that grow as values appear: `counts[row][value]`, in typed arrays, so adding is cheap. */
class Counts {
	readonly rows: Int32Array[] = [];
	add(row: number, value: number): void {
		let counts = this.rows[row];
		if (counts === undefined || value >= counts.length) counts = this.#grow(row, value);
		counts[value]! += 1;
	}
	#grow(row: number, value: number): Int32Array {
		const old = this.rows[row];
		const counts = new Int32Array(Math.max(8, value + 1, (old?.length ?? 0) * 2));
		if (old) counts.set(old);
		this.rows[row] = counts;
		return counts;
	}
	/** Row `row` as counts per stored value. */
	map(row: number, values: ValueIndex): ValueCounts {
		const counts: ValueCounts = new Map();
		const stored = this.rows[row];
		if (!stored) return counts;
		for (let i = 0; i < values.values.length && i < stored.length; i++) {
			if (stored[i]) counts.set(values.values[i]!, stored[i]!);
		}
		return counts;
	}
}

interface Counted {
	id: string;
	values: ValueIndex;
	totals: Counts;
	/** "Choose any": the values that count as choosing something, and how many did. */
	valid: Set<string> | undefined;
	choosing: number;
	/** "Choose one": by language (a row per language) and by each about-you answer (per group). */
	byLanguage: Counts | undefined;
	cross: Counts[] | undefined;
	/** The about-you breakdown that is this question itself, which it is not broken down by. */
	self: number;
	/** The last response (by its number in the pass) that chose something, and that was crossed. */
	chose: number;
	crossed: number;
}

/** What one numbered answer means to the tally, worked out once per distinct answer. */
interface Slot {
	/** Its question among those counted, or -1, and its value's number there. */
	counted: number;
	value: number;
	/** Whether it counts as choosing something ("choose any" only). */
	choosing: boolean;
	/** Its question among the about-you breakdowns, or -1, and its group there. */
	about: number;
	group: number;
}

/** Counts responses as they are added; `tallies()` gives what has been counted so far. */
export function answerTally(questions: readonly InsightQuestion[], book: AnswerBook) {
	const about = questions
		.filter((q) => q.dimension === 'about_you' && questionType(q.kind).canBreakDown)
		.map((q) => ({ id: q.id, groups: new ValueIndex(q.options) }));
	const counted: Counted[] = questions
		.filter((q) => questionType(q.kind).summary !== 'none')
		.map((q) => {
			const summary = questionType(q.kind).summary;
			return {
				id: q.id,
				values: new ValueIndex(q.options),
				totals: new Counts(),
				choosing: 0,
				valid:
					summary === 'any'
						? new Set(q.options.filter((o) => !o.notApplicable).map((o) => o.value))
						: undefined,
				byLanguage: summary === 'one' ? new Counts() : undefined,
				cross: summary === 'one' ? about.map(() => new Counts()) : undefined,
				self: about.findIndex((a) => a.id === q.id),
				chose: -1,
				crossed: -1
			};
		});
	const countedAt = new Map(counted.map((q, i) => [q.id, i]));
	const aboutAt = new Map(about.map((a, i) => [a.id, i]));
	const slot = perAnswer(book, (question, value): Slot => {
		const c = countedAt.get(question) ?? -1;
		const a = aboutAt.get(question) ?? -1;
		const q = counted[c];
		return {
			counted: c,
			value: q ? q.values.of(value) : -1,
			choosing: q?.valid?.has(value) ?? false,
			about: a,
			group: a >= 0 ? about[a]!.groups.of(value) : -1
		};
	});
	const languages = new ValueIndex([]);
	const groups = about.map(() => -1);
	let responses = 0;

	function add(response: ResponseAnswers): void {
		const number = responses++;
		groups.fill(-1);
		for (const n of response.answers) {
			const s = slot(n);
			if (s.about >= 0 && groups[s.about]! < 0) groups[s.about] = s.group;
		}
		const language = languages.of(response.language);
		for (const n of response.answers) {
			const s = slot(n);
			if (s.counted < 0) continue;
			const q = counted[s.counted]!;
			q.totals.add(0, s.value);
			if (s.choosing && q.chose !== number) {
				q.chose = number;
				q.choosing += 1;
			}
			// A "choose one" question is broken down by its first value (it has only one).
			if (!q.cross || q.crossed === number) continue;
			q.crossed = number;
			q.byLanguage!.add(language, s.value);
			for (let k = 0; k < groups.length; k++) {
				if (groups[k]! >= 0 && k !== q.self) q.cross[k]!.add(groups[k]!, s.value);
			}
		}
	}

	function tallies(): AnswerTallies {
		const result: AnswerTallies = {
			responses,
			totals: new Map(),
			choosing: new Map(),
			cross: new Map(about.map((a) => [a.id, new Map()])),
			byLanguage: new Map()
		};
		for (const q of counted) {
			result.totals.set(q.id, q.totals.map(0, q.values));
			if (q.valid) result.choosing.set(q.id, q.choosing);
			if (!q.cross) continue;
			result.byLanguage.set(
				q.id,
				new Map(languages.values.map((l, i) => [l, q.byLanguage!.map(i, q.values)]))
			);
			about.forEach((a, k) => {
				if (k === q.self) return;
				const byGroup = new Map(
					a.groups.values.map((g, i) => [g, q.cross![k]!.map(i, q.values)] as const)
				);
				result.cross.get(a.id)!.set(q.id, byGroup);
			});
		}
		return result;
	}
	return { add, tallies };
}

export async function tallySurvey(
	db: Db,
	surveyId: string,
	questions: readonly InsightQuestion[]
): Promise<SurveyTallies> {
	const book = new AnswerBook();
	const tally = answerTally(questions, book);
	for await (const page of responsePages(db, surveyId, book)) page.forEach(tally.add);
	return surveyTallies(db, surveyId, tally.tallies());
}

/** The answer tallies with what else a publication counts: comments and codes used. */
export async function surveyTallies(
	db: Db,
	surveyId: string,
	answers: AnswerTallies
): Promise<SurveyTallies> {
	const [comments, batches] = await Promise.all([
		commentCounts(db, surveyId),
		batchUse(db, surveyId)
	]);
	return { ...answers, comments, batches };
}

async function commentCounts(
	db: Db,
	surveyId: string
): Promise<Map<string, { all: number; reviewed: number }>> {
	const rows = await db
		.selectFrom('comments')
		.select((eb) => [
			'questionId',
			eb.fn.countAll<number>().as('all'),
			eb.fn
				.sum<number>(eb.case().when('status', '=', 'reviewed').then(1).else(0).end())
				.as('reviewed')
		])
		.where('surveyId', '=', surveyId)
		.groupBy('questionId')
		.execute();
	return new Map(
		rows.map((r) => [r.questionId, { all: Number(r.all), reviewed: Number(r.reviewed ?? 0) }])
	);
}

async function batchUse(db: Db, surveyId: string) {
	const rows = await db
		.selectFrom('codeBatches')
		.leftJoin('accessCodes', 'accessCodes.batchId', 'codeBatches.id')
		.select((eb) => [
			'codeBatches.id',
			'codeBatches.label',
			'codeBatches.createdAt',
			eb.fn.count<number>('accessCodes.codeHash').as('issued'),
			eb.fn.sum<number>('accessCodes.used').as('used')
		])
		.where('codeBatches.surveyId', '=', surveyId)
		.groupBy(['codeBatches.id', 'codeBatches.label', 'codeBatches.createdAt'])
		.orderBy('codeBatches.createdAt')
		.orderBy('codeBatches.id')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		label: r.label,
		issued: Number(r.issued),
		used: Number(r.used ?? 0)
	}));
}
