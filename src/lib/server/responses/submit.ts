/**
 * Storing a response. Everything happens in one transaction: the code is marked used, the
 * response and its answers are written, the running counts move and the draft is deleted.
 * Nothing that could identify the sender is written: no code, no draft key, no time of day.
 */
import type { Question } from '$lib/questions/types';
import { today, type Db } from '../db';
import type { Channel, Survey } from '../db/schema';
import { availability } from '../surveys/availability';
import { parseAnswers, type AnswerSet, type FieldError } from './answers';
import { storeResponses } from './store';

export type SubmitOutcome =
	| { ok: true }
	| { ok: false; reason: 'not_open' | 'code_used' | 'already_sent' }
	| { ok: false; reason: 'invalid'; errors: FieldError[] };

export interface Submission {
	survey: Survey;
	questions: Question[];
	answers: AnswerSet;
	channel: Channel;
	/** The hash of the access code the family used (code surveys, web channel). */
	codeHash?: string;
	/** The draft the answers came from; it must still exist, so a replayed send stores nothing. */
	draftKeyHash?: string;
}

export async function submitResponse(db: Db, submission: Submission): Promise<SubmitOutcome> {
	const { survey, questions, channel } = submission;
	if (availability(survey) !== 'open') return { ok: false, reason: 'not_open' };

	// Re-check every stored value against the questions, as if it had just been posted.
	const { values, errors } = parseAnswers(questions, submission.answers);
	if (errors.length > 0) return { ok: false, reason: 'invalid', errors };

	return db
		.transaction()
		.execute(async (trx): Promise<SubmitOutcome> => {
			if (submission.draftKeyHash) {
				const deleted = await trx
					.deleteFrom('drafts')
					.where('keyHash', '=', submission.draftKeyHash)
					.where('surveyId', '=', survey.id)
					.executeTakeFirst();
				if (Number(deleted.numDeletedRows) !== 1) return { ok: false, reason: 'already_sent' };
			}
			if (submission.codeHash) {
				const marked = await trx
					.updateTable('accessCodes')
					.set({ used: 1 })
					.where('codeHash', '=', submission.codeHash)
					.where('surveyId', '=', survey.id)
					.where('used', '=', 0)
					.executeTakeFirst();
				if (Number(marked.numUpdatedRows) !== 1) {
					// Roll back the draft deletion too: nothing changes.
					throw new CodeAlreadyUsed();
				}
			}
			await storeResponses(trx, survey.id, questions, [
				{ submittedOn: today(), channel, answers: values }
			]);
			return { ok: true };
		})
		.catch((error: unknown) => {
			if (error instanceof CodeAlreadyUsed) return { ok: false, reason: 'code_used' } as const;
			throw error;
		});
}

class CodeAlreadyUsed extends Error {}
