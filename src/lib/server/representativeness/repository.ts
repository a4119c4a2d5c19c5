/**
 * What representativeness and weighting read from the answers. It is all behind one function,
 * `readSurveyAnswers`, so that it can be switched to read a stored publication instead of the
 * live answers without touching anything else: its result is plain counts, and everything
 * downstream (the profile, the weights, the weighted figures) is computed from them.
 */
import type { Db } from '../db';

/** The margins' questions in a fixed order: need, age band, EHC plan (null: not asked). */
export type MarginQuestionIds = readonly [string | null, string | null, string | null];

export interface SurveyAnswers {
	/** Respondents per combination of answers to the margins' questions (null: no answer). */
	cells: { values: [string | null, string | null, string | null]; n: number }[];
	/** Per question: per cell index, answers per option value. */
	answers: Map<string, Map<number, Map<string, number>>>;
}

// A question id that matches no answer, for a margin the questionnaire does not ask.
const NONE = '';

/**
 * One questionnaire's answers, counted by the margins' answers: two grouped queries driven by
 * the questionnaire's responses (the `responses_survey_id` index), each response looked up in
 * the answers' primary key for the margins and the questions asked.
 */
export async function readSurveyAnswers(
	db: Db,
	surveyId: string,
	margins: MarginQuestionIds,
	questionIds: readonly string[]
): Promise<SurveyAnswers> {
	const [m0, m1, m2] = margins.map((id) => id ?? NONE);
	const base = db
		.selectFrom('responses as r')
		.leftJoin('answers as m0', (j) =>
			j.onRef('m0.responseId', '=', 'r.id').on('m0.questionId', '=', m0!)
		)
		.leftJoin('answers as m1', (j) =>
			j.onRef('m1.responseId', '=', 'r.id').on('m1.questionId', '=', m1!)
		)
		.leftJoin('answers as m2', (j) =>
			j.onRef('m2.responseId', '=', 'r.id').on('m2.questionId', '=', m2!)
		)
		.where('r.surveyId', '=', surveyId);
	const cellRows = await base
		.select([
			'm0.value as v0',
			'm1.value as v1',
			'm2.value as v2',
			(eb) => eb.fn.countAll<number>().as('n')
		])
		.groupBy(['m0.value', 'm1.value', 'm2.value'])
		.execute();
	const key = (r: { v0: string | null; v1: string | null; v2: string | null }) =>
		JSON.stringify([r.v0, r.v1, r.v2]);
	const index = new Map<string, number>();
	const cells = cellRows.map((r, i) => {
		index.set(key(r), i);
		return {
			values: [r.v0, r.v1, r.v2] as [string | null, string | null, string | null],
			n: Number(r.n)
		};
	});

	const answers = new Map<string, Map<number, Map<string, number>>>();
	if (questionIds.length > 0) {
		const rows = await base
			.innerJoin('answers as a', (j) =>
				j.onRef('a.responseId', '=', 'r.id').on('a.questionId', 'in', questionIds)
			)
			.select([
				'a.questionId as questionId',
				'a.value as value',
				'm0.value as v0',
				'm1.value as v1',
				'm2.value as v2',
				(eb) => eb.fn.countAll<number>().as('n')
			])
			.groupBy(['a.questionId', 'a.value', 'm0.value', 'm1.value', 'm2.value'])
			.execute();
		for (const row of rows) {
			const cell = index.get(key(row));
			if (cell === undefined) continue;
			const byCell = answers.get(row.questionId) ?? new Map<number, Map<string, number>>();
			const counts = byCell.get(cell) ?? new Map<string, number>();
			counts.set(row.value, Number(row.n));
			byCell.set(cell, counts);
			answers.set(row.questionId, byCell);
		}
	}
	return { cells, answers };
}
