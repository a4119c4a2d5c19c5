/**
 * A questionnaire's released responses, a page at a time: what a publication is built from.
 * Each page is 1,000 responses (in id order, which is random) with all their answers, so
 * memory stays small however many there are, and every query is keyed by this questionnaire's
 * own responses: nothing grows with other questionnaires or other areas.
 */
import { sql } from 'kysely';
import type { Db } from '../../db';

/** One family's response: the language it was answered in, and its answers as numbers in the book. */
export interface ResponseAnswers {
	language: string;
	answers: number[];
}

/**
 * Every distinct answer (a question and a value) read so far, numbered as it is first seen. A
 * questionnaire has a few hundred of them however many responses there are, so a response is a
 * short list of small numbers, and whoever counts them works out what each number means once,
 * not once per answer (`perAnswer`).
 */
export class AnswerBook {
	readonly questions: string[] = [];
	readonly values: string[] = [];
	readonly #numbers = new Map<string, number>();

	/** The number of a `question␟value` piece, read from the joined answers of a response. */
	numberOf(piece: string, responseId: string): number {
		const known = this.#numbers.get(piece);
		if (known !== undefined) return known;
		const at = piece.indexOf(UNIT);
		if (at <= 0) throw new Error(`Response ${responseId} has an answer that cannot be read`);
		this.#numbers.set(piece, this.questions.length);
		this.values.push(piece.slice(at + 1));
		return this.questions.push(piece.slice(0, at)) - 1;
	}
}

/**
 * What `make` says of each numbered answer, worked out the first time the number is asked for:
 * asking again is an array read.
 */
export function perAnswer<T>(book: AnswerBook, make: (question: string, value: string) => T) {
	const made: T[] = [];
	return (n: number): T => {
		while (made.length <= n)
			made.push(make(book.questions[made.length]!, book.values[made.length]!));
		return made[n]!;
	};
}

// A read response is a short list of small numbers, so a page's joined strings are all it holds
// for long; a thousand at a time keeps those small while sparing a database server on another
// machine a round trip per few hundred responses.
const PAGE = 1000;

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

/**
 * The questionnaire's ids are split in two and the halves read side by side, a page of each in
 * turn (ids are random base32, `2`–`7` then `a`–`z`, so `k` halves them; no id is `k` itself).
 * Each half asks for its next page before this one is counted, so a database server reads two
 * pages on cores of its own while we count, and pages come in the same order on every build.
 */
const HALVES: [from: string, below: string | null][] = [
	['', 'k'],
	['k', null]
];

export async function* responsePages(
	db: Db,
	surveyId: string,
	book: AnswerBook
): AsyncGenerator<ResponseAnswers[], void, undefined> {
	const halves = HALVES.map(([from, below]) => ({
		below,
		next: readPage(db, surveyId, from, below) as Promise<PageRow[]> | null
	}));
	try {
		while (halves.some((half) => half.next)) {
			for (const half of halves) {
				if (!half.next) continue;
				const rows = await half.next;
				half.next = rows.length < PAGE ? null : readPage(db, surveyId, rows.at(-1)!.id, half.below);
				if (rows.length > 0) yield rows.map((row) => responseOf(row, book));
			}
		}
	} finally {
		// A reader that stops early leaves no query running against a closing pool.
		await Promise.all(halves.map((half) => half.next?.catch(() => undefined)));
	}
}

function readPage(
	db: Db,
	surveyId: string,
	after: string,
	below: string | null
): Promise<PageRow[]> {
	// Without the camel-case plugin: it would copy each row into a new object.
	const read = pageAfter(surveyId, after, below)
		.execute(db.withoutPlugins())
		.then((result) => result.rows);
	// Read while another page is counted: a failure is seen when the page is awaited, not before.
	read.catch(() => undefined);
	return read;
}

/**
 * The next page of a questionnaire's responses after `after` (and below `below`), in the
 * `responses_survey` index, with their answers joined.
 */
export function pageAfter(surveyId: string, after: string, below: string | null = null) {
	return sql<PageRow>`
		select r.id, r.language, (
			select string_agg(a.question_id || ${UNIT} || a.value, ${RECORD})
			from answers a where a.response_id = r.id
		) as answers
		from responses r
		where r.survey_id = ${surveyId} and r.id > ${after}
		${below === null ? sql`` : sql`and r.id < ${below}`}
		order by r.id
		limit ${PAGE}
	`;
}

function responseOf(row: PageRow, book: AnswerBook): ResponseAnswers {
	const answers: number[] = [];
	const text = row.answers;
	if (text) {
		for (let start = 0; start < text.length;) {
			let end = text.indexOf(RECORD, start);
			if (end < 0) end = text.length;
			answers.push(book.numberOf(text.slice(start, end), row.id));
			start = end + 1;
		}
	}
	return { language: row.language, answers };
}
