/**
 * The row-level responses file, made once with each publication of a questionnaire (so a
 * download is a straight stream of what was made then, and says nothing a later response
 * changed). One row per response, in random order, with no id, date or channel; one column per
 * question (per option for "choose any"), numbers in bands, and no free text at all: free text
 * lives only in the comments file, unlinked, so it cannot be joined back to an answer set.
 *
 * The file is k-anonymous over every column at once, k being the area's minimum base (see
 * k-anonymity.ts): whatever an insider knows of a family's answers, at least k rows match it.
 */
import { stringify } from 'csv-stringify/sync';
import { questionType } from '$lib/questions/registry';
import type { Question } from '$lib/questions/types';
import type { Db } from '../db';
import type { Rules } from '../insights/suppression';
import {
	AnswerBook,
	perAnswer,
	responsePages,
	type ResponseAnswers
} from '../insights/publish/answers';
import { shuffle } from '../shuffle';
import { listQuestions } from '../surveys/repository';
import { mondrian, type Column, type Generalised } from './k-anonymity';

export const ROW_FILE = 'responses';
/** A value merged away so the row matches at least k others: suppressed, like any small count. */
const MERGED = '[c]';
/** Rows per stored chunk: a few hundred kilobytes. */
const ROWS_PER_CHUNK = 2000;

/** A column of the file: how a response's values become one code, and codes become words. */
export interface FileColumn {
	header: string;
	questionId: string;
	column: Column;
	/** The column's values described in words, for the file's metadata. */
	valuesNote: string;
	code(values: readonly string[]): number;
	words(cell: Generalised): string;
}

/** The file's columns for a questionnaire, as each question's kind makes them. */
export function fileColumns(questions: readonly Question[]): FileColumn[] {
	return questions.flatMap((q) =>
		questionType(q.kind)
			.rowColumns(q)
			.map(({ header, labels, groupOf, groupLabels, valuesNote, code }) => ({
				header,
				questionId: q.id,
				column: { size: labels.length, groupOf },
				valuesNote,
				code,
				words: (cell: Generalised) =>
					'value' in cell
						? labels[cell.value]!
						: 'group' in cell
							? groupLabels[cell.group]!
							: MERGED
			}))
	);
}

/**
 * Codes responses for the file, one code per column. What a question's answer codes its columns
 * as, when it is the question's only answer (as it is for every kind but "choose any"), is worked
 * out once per distinct answer; only a question with several answers has its values gathered.
 */
export function responseEncoder(columns: readonly FileColumn[], book: AnswerBook) {
	const questionIds = [...new Set(columns.map((c) => c.questionId))];
	const at = new Map(questionIds.map((id, i) => [id, i]));
	const columnsOf = questionIds.map((id) =>
		columns.flatMap((c, i) => (c.questionId === id ? [i] : []))
	);
	const unanswered = Uint8Array.from(columns, (c) => c.code([]));
	const alone = perAnswer(book, (question, value) => {
		const q = at.get(question) ?? -1;
		return { question: q, codes: q < 0 ? [] : columnsOf[q]!.map((c) => columns[c]!.code([value])) };
	});
	// Kept from one response to the next: each question's first answer, and its values when it
	// has more than one.
	const first = new Int32Array(questionIds.length).fill(-1);
	const several: string[][] = questionIds.map(() => []);
	const answered: number[] = [];
	return (response: ResponseAnswers): Uint8Array => {
		for (const n of response.answers) {
			const q = alone(n).question;
			if (q < 0) continue;
			if (first[q]! < 0) {
				first[q] = n;
				answered.push(q);
				continue;
			}
			const values = several[q]!;
			if (values.length === 0) values.push(book.values[first[q]!]!);
			values.push(book.values[n]!);
		}
		const codes = unanswered.slice();
		for (const q of answered) {
			const own = columnsOf[q]!;
			const values = several[q]!;
			if (values.length === 0) {
				const one = alone(first[q]!).codes;
				for (let k = 0; k < own.length; k++) codes[own[k]!] = one[k]!;
			} else {
				for (const c of own) codes[c] = columns[c]!.code(values);
				values.length = 0;
			}
			first[q] = -1;
		}
		answered.length = 0;
		return codes;
	};
}

export interface RowFileSurvey {
	wave: { name: string; startsOn: string; endsOn: string | null };
	columns: FileColumn[];
}

/** What the file needs of its questionnaire: its wave, and its columns. */
export async function rowFileSurvey(db: Db, surveyId: string): Promise<RowFileSurvey> {
	const wave = await db
		.selectFrom('surveys')
		.innerJoin('waves', 'waves.id', 'surveys.waveId')
		.select(['waves.name', 'waves.startsOn', 'waves.endsOn'])
		.where('surveys.id', '=', surveyId)
		.executeTakeFirstOrThrow();
	return { wave, columns: fileColumns(await listQuestions(db, surveyId)) };
}

/** The file's CSV (header and rows, no byte-order mark) in chunks, ready to store. */
export function rowFileOf(
	{ wave, columns }: RowFileSurvey,
	encoded: Uint8Array[],
	rules: Rules
): string[] {
	const groups = mondrian(
		encoded,
		columns.map((c) => c.column),
		rules.minBase
	);
	const period = `${wave.startsOn}/${wave.endsOn ?? '..'}`;
	const options = { record_delimiter: 'windows' as const, escape_formulas: true };
	// Every row of a group is the same line: each group's line is written once, then repeated.
	// csv-stringify builds a line piece by piece, and joining such a string walks its pieces
	// again each time; copied flat once, the joins of a hundred thousand rows took 25 ms, not 460.
	const lines: string[] = [];
	for (const group of groups) {
		const cells = [period, wave.name, ...group.cells.map((cell, c) => columns[c]!.words(cell))];
		const line = Buffer.from(stringify([cells], options)).toString();
		for (let i = 0; i < group.rows.length; i++) lines.push(line);
	}
	shuffle(lines);
	const header = ['time_period', 'wave', ...columns.map((c) => c.header)];
	const chunks: string[] = [stringify([header], options)];
	for (let i = 0; i < lines.length; i += ROWS_PER_CHUNK) {
		chunks.push(lines.slice(i, i + ROWS_PER_CHUNK).join(''));
	}
	return chunks;
}

/** The file on its own, reading the responses itself (a publication reads them once for all). */
export async function buildRowFile(db: Db, surveyId: string, rules: Rules): Promise<string[]> {
	const survey = await rowFileSurvey(db, surveyId);
	const book = new AnswerBook();
	const encode = responseEncoder(survey.columns, book);
	const encoded: Uint8Array[] = [];
	for await (const page of responsePages(db, surveyId, book)) encoded.push(...page.map(encode));
	return rowFileOf(survey, encoded, rules);
}
