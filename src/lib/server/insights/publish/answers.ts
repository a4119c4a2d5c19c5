/**
 * A questionnaire's released responses, a page at a time: what a publication is built from.
 * Each page is 250 responses (in id order, which is random) with all their answers, so
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

// Small pages: each page's strings die young, where a thousand responses' outlived the young
// generation and cost more in garbage collection than the reading itself.
const PAGE = 250;

/**
 * A response's answers come joined into one string, `question␟value␞question␟value…`: a row per
 * response instead of one per answer, since building each row's object is what reading costs
 * most (about three times the GROUP BY itself on PostgreSQL). Stored values are option values
 * (`[a-z0-9-]`) and numbers, so neither separator can occur in one; a piece that breaks this is
 * refused rather than counted wrong.
 */
const UNIT = '\u001f';
const RECORD = '\u001e';

type PageRow = { id: string; language: string; answers: string | null };

export async function* responsePages(
	db: Db,
	surveyId: string
): AsyncGenerator<ResponseAnswers[], void, undefined> {
	// Ask for the next page before this one is counted, so a database server reads while we count.
	let next = readPage(db, surveyId, '');
	try {
		for (;;) {
			const rows = await next;
			if (rows.length === 0) return;
			next = readPage(db, surveyId, rows.at(-1)!.id);
			yield rows.map(responseOf);
		}
	} finally {
		// A reader that stops early leaves no query running against a closing pool.
		await next.catch(() => undefined);
	}
}

async function readPage(db: Db, surveyId: string, after: string): Promise<PageRow[]> {
	// Without the camel-case plugin: it would copy each row into a new object.
	return (await pageAfter(surveyId, after).execute(db.withoutPlugins())).rows;
}

/** The next page of a questionnaire's responses (in the `responses_survey` index), answers joined. */
export function pageAfter(surveyId: string, after: string) {
	return sql<PageRow>`
		select r.id, r.language, (
			select string_agg(a.question_id || ${UNIT} || a.value, ${RECORD})
			from answers a where a.response_id = r.id
		) as answers
		from responses r
		where r.survey_id = ${surveyId} and r.id > ${after}
		order by r.id
		limit ${PAGE}
	`;
}

function responseOf(row: PageRow): ResponseAnswers {
	const values = new Map<string, string[]>();
	const text = row.answers;
	if (text) {
		for (let start = 0; start < text.length;) {
			let end = text.indexOf(RECORD, start);
			if (end < 0) end = text.length;
			const at = text.indexOf(UNIT, start);
			if (at <= start || at > end)
				throw new Error(`Response ${row.id} has an answer that cannot be read`);
			const question = text.slice(start, at);
			const value = text.slice(at + 1, end);
			const list = values.get(question);
			if (list) list.push(value);
			else values.set(question, [value]);
			start = end + 1;
		}
	}
	return { language: row.language, values };
}
