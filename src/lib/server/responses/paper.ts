/**
 * Paper and telephone responses: an officer types in what a family wrote or said, and a second
 * officer checks it against the paper before it counts.
 *
 * Why two: a typed-in response needs no code, so without a check one officer could add a few
 * answers they know and read the true count of a small group off the next figures (the planting
 * attack on `[c]`). An entry waits, sealed under the server secret, until someone other than the
 * person who typed it approves it; only then does it join the questionnaire's responses, through
 * the same submission as a family's own (channel `paper`, no code). The audit log records who
 * entered, approved or withdrew an entry and when, never what it said.
 */
import { questionType } from '$lib/questions/registry';
import { promptFor } from '$lib/questions/options';
import { recordAction, type Actor } from '../audit';
import { inTransaction, today, type Db } from '../db';
import { newId } from '../ids';
import { seal, unseal } from '../secret';
import { availability } from '../surveys/availability';
import { findAreaSurvey, listQuestions } from '../surveys/repository';
import { parseAnswers, type AnswerSet, type FieldError } from './answers';
import { releaseWhereDue } from './release';
import { submitResponse } from './submit';

export const NOT_OPEN_MESSAGE =
	'This questionnaire is not open today, so responses cannot be added. Paper responses can be typed in between its opening and closing dates.';

export const OWN_ENTRY_MESSAGE =
	'A second officer must check this entry against the paper: you typed it in, so you cannot approve it.';

export type PaperOutcome =
	| { ok: true }
	| { ok: false; status: 404 }
	| { ok: false; status: 400 | 403 | 409; errors: FieldError[]; values: AnswerSet };

const context = (surveyId: string) => `paper:${surveyId}`;

/** Checks a typed-in response and keeps it waiting for a second officer. */
export async function enterPaperResponse(
	db: Db,
	actor: Actor & { id: string },
	surveyId: string,
	raw: Record<string, string[]>
): Promise<PaperOutcome> {
	const survey = await findAreaSurvey(db, actor.localAreaId, surveyId);
	if (!survey) return { ok: false, status: 404 };
	if (availability(survey) !== 'open') {
		return {
			ok: false,
			status: 409,
			errors: [{ questionId: null, message: NOT_OPEN_MESSAGE }],
			values: raw
		};
	}
	const parsed = parseAnswers(await listQuestions(db, survey.id), raw);
	if (parsed.errors.length > 0)
		return { ok: false, status: 400, errors: parsed.errors, values: raw };
	await inTransaction(db, async (trx) => {
		await trx
			.insertInto('paperEntries')
			.values({
				id: newId(),
				localAreaId: actor.localAreaId,
				surveyId: survey.id,
				enteredBy: actor.id,
				enteredOn: today(),
				sealed: seal(JSON.stringify(parsed.values), context(survey.id))
			})
			.execute();
		await recordAction(trx, actor, 'response.paper_entered', 'survey', survey.id);
	});
	return { ok: true };
}

export interface WaitingEntry {
	id: string;
	enteredOn: string;
	enteredBy: string;
	/** Typed in by the officer looking: they can withdraw it, not approve it. */
	mine: boolean;
	answers: { prompt: string; answer: string }[];
}

/** Entries of a questionnaire waiting for approval, with their answers in words to check. */
export async function listWaitingEntries(
	db: Db,
	actor: Actor,
	surveyId: string
): Promise<WaitingEntry[] | undefined> {
	const survey = await findAreaSurvey(db, actor.localAreaId, surveyId);
	if (!survey) return undefined;
	const [questions, rows] = await Promise.all([
		listQuestions(db, survey.id),
		db
			.selectFrom('paperEntries')
			.leftJoin('users', 'users.id', 'paperEntries.enteredBy')
			.select(['paperEntries.id', 'enteredOn', 'enteredBy', 'sealed', 'users.name'])
			.where('paperEntries.surveyId', '=', survey.id)
			.where('paperEntries.localAreaId', '=', actor.localAreaId)
			.orderBy('enteredOn')
			.orderBy('paperEntries.id')
			.execute()
	]);
	const easyRead = survey.audience === 'young_person';
	return rows.map((row) => {
		const answers = JSON.parse(unseal(row.sealed, context(survey.id))) as AnswerSet;
		return {
			id: row.id,
			enteredOn: row.enteredOn,
			enteredBy: row.name ?? 'A former user',
			mine: row.enteredBy === actor.id,
			answers: questions.map((q) => ({
				prompt: promptFor(q, easyRead),
				answer: answers[q.id]?.length
					? questionType(q.kind).display(q, answers[q.id]!, easyRead)
					: 'Not answered'
			}))
		};
	});
}

/** A second officer approves an entry: it becomes a response like any other. */
export async function approvePaperEntry(
	db: Db,
	actor: Actor & { id: string },
	surveyId: string,
	entryId: string
): Promise<PaperOutcome> {
	const survey = await findAreaSurvey(db, actor.localAreaId, surveyId);
	if (!survey) return { ok: false, status: 404 };
	const questions = await listQuestions(db, survey.id);
	const outcome = await inTransaction(db, async (trx): Promise<PaperOutcome> => {
		const entry = await trx
			.deleteFrom('paperEntries')
			.where('id', '=', entryId)
			.where('surveyId', '=', survey.id)
			.where('localAreaId', '=', actor.localAreaId)
			.where('enteredBy', '!=', actor.id)
			.returningAll()
			.executeTakeFirst();
		if (!entry) {
			const own = await trx
				.selectFrom('paperEntries')
				.select('id')
				.where('id', '=', entryId)
				.where('surveyId', '=', survey.id)
				.executeTakeFirst();
			if (!own) return { ok: false, status: 404 };
			return {
				ok: false,
				status: 403,
				errors: [{ questionId: null, message: OWN_ENTRY_MESSAGE }],
				values: {}
			};
		}
		const answers = JSON.parse(unseal(entry.sealed, context(survey.id))) as AnswerSet;
		const sent = await submitResponse(trx, { survey, questions, answers, channel: 'paper' });
		if (!sent.ok) {
			const errors =
				sent.reason === 'invalid' ? sent.errors : [{ questionId: null, message: NOT_OPEN_MESSAGE }];
			// Thrown so that the entry's deletion is rolled back with everything else.
			throw new PaperRefused(sent.reason === 'invalid' ? 400 : 409, errors);
		}
		await recordAction(trx, actor, 'response.paper_approved', 'survey', survey.id);
		return { ok: true };
	}).catch((error: unknown): PaperOutcome => {
		if (error instanceof PaperRefused) {
			return { ok: false, status: error.status, errors: error.errors, values: {} };
		}
		throw error;
	});
	// Outside the transaction, like any submission: enough waiting responses are released.
	if (outcome.ok) await releaseWhereDue(db, [survey.id]);
	return outcome;
}

class PaperRefused extends Error {
	constructor(
		readonly status: 400 | 409,
		readonly errors: FieldError[]
	) {
		super('paper entry refused');
	}
}

/** Withdraws a waiting entry (a mistake in typing, or a second officer who found one). */
export async function withdrawPaperEntry(
	db: Db,
	actor: Actor,
	surveyId: string,
	entryId: string
): Promise<boolean> {
	return inTransaction(db, async (trx) => {
		const removed = await trx
			.deleteFrom('paperEntries')
			.where('id', '=', entryId)
			.where('surveyId', '=', surveyId)
			.where('localAreaId', '=', actor.localAreaId)
			.executeTakeFirst();
		if (Number(removed.numDeletedRows) !== 1) return false;
		await recordAction(trx, actor, 'response.paper_withdrawn', 'survey', surveyId);
		return true;
	});
}
