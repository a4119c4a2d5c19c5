/**
 * Writing responses: answer rows and free-text comments. Used inside the release transaction and
 * by the demo and load generators, so every path stores answers the same way. Nothing else is
 * written: figures are counted from the answers when a publication is made.
 */
import { questionType } from '$lib/questions/registry';
import type { Question } from '$lib/questions/types';
import type { Db } from '../db';
import type { Channel } from '../db/schema';
import type { Language } from '$lib/i18n';
import { newId } from '../ids';
import type { AnswerSet } from './answers';

export interface NewResponse {
	submittedOn: string;
	channel: Channel;
	/** The language the family answered in; English when not given (paper, older pending ones). */
	language?: Language;
	answers: AnswerSet;
}

// Stored values are option values and numbers; a publication reads them joined with these
// (publish/answers.ts), so one holding them would be read wrong.
const SEPARATORS = ['\u001e', '\u001f'];

// SQLite allows 32,766 bound values per statement; stay well below it.
const ROWS_PER_INSERT = 2000;

export async function storeResponses(
	trx: Db,
	surveyId: string,
	questions: Question[],
	responses: NewResponse[]
): Promise<void> {
	const responseRows: {
		id: string;
		surveyId: string;
		submittedOn: string;
		channel: Channel;
		language: Language;
	}[] = [];
	const answerRows: { responseId: string; questionId: string; value: string }[] = [];
	const commentRows: {
		id: string;
		responseId: string;
		questionId: string;
		surveyId: string;
		body: string;
	}[] = [];

	for (const response of responses) {
		const responseId = newId();
		responseRows.push({
			id: responseId,
			surveyId,
			submittedOn: response.submittedOn,
			channel: response.channel,
			language: response.language ?? 'en'
		});
		for (const question of questions) {
			const type = questionType(question.kind);
			for (const value of response.answers[question.id] ?? []) {
				if (type.storage === 'comments') {
					commentRows.push({
						id: newId(),
						responseId,
						questionId: question.id,
						surveyId,
						body: value
					});
				} else {
					if (SEPARATORS.some((s) => value.includes(s)))
						throw new Error(`An answer to ${question.id} holds a control character`);
					answerRows.push({ responseId, questionId: question.id, value });
				}
			}
		}
	}

	for (const rows of chunks(responseRows, ROWS_PER_INSERT)) {
		await trx.insertInto('responses').values(rows).execute();
	}
	for (const rows of chunks(answerRows, ROWS_PER_INSERT)) {
		await trx.insertInto('answers').values(rows).execute();
	}
	for (const rows of chunks(commentRows, ROWS_PER_INSERT)) {
		await trx.insertInto('comments').values(rows).execute();
	}
}

function* chunks<T>(rows: T[], size: number): Generator<T[]> {
	for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}
