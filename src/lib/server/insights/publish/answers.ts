/**
 * A questionnaire's released responses, a page at a time: what a publication is built from.
 * Each page is a thousand responses (in id order, which is random) with all their answers, so
 * memory stays small however many there are, and every query is keyed by this questionnaire's
 * own responses: nothing grows with other questionnaires or other areas.
 */
import { sql } from 'kysely';
import type { Db } from '../../db';

/** One family's response: the language it was answered in and its values per question. */
export interface ResponseAnswers {
	language: string;
	values: Map<string, string[]>;
}

const PAGE = 1000;

type AnswerRow = { r: string; q: string; v: string };

export async function* responsePages(
	db: Db,
	surveyId: string
): AsyncGenerator<ResponseAnswers[], void, undefined> {
	let after = '';
	for (;;) {
		const responses = await responsesAfter(db, surveyId, after).execute();
		if (responses.length === 0) return;
		after = responses.at(-1)!.id;
		const byId = new Map(
			responses.map((r) => [r.id, { language: r.language, values: new Map<string, string[]>() }])
		);
		// Without the camel-case plugin: it would copy each of these many rows into a new object.
		const { rows: answers } = await answersOf(responses.map((r) => r.id)).execute(
			db.withoutPlugins()
		);
		for (const a of answers) {
			const values = byId.get(a.r)!.values;
			const list = values.get(a.q);
			if (list) list.push(a.v);
			else values.set(a.q, [a.v]);
		}
		yield [...byId.values()];
	}
}

/** The next page of a questionnaire's responses, in the `responses_survey` index. */
export function responsesAfter(db: Db, surveyId: string, after: string) {
	return db
		.selectFrom('responses')
		.select(['id', 'language'])
		.where('surveyId', '=', surveyId)
		.where('id', '>', after)
		.orderBy('id')
		.limit(PAGE);
}

/** Every answer of some responses, looked up in the answers' primary key (response first). */
export function answersOf(responseIds: readonly string[]) {
	return sql<AnswerRow>`
		select response_id as r, question_id as q, value as v from answers
		where response_id in (${sql.join(responseIds)})
	`;
}
