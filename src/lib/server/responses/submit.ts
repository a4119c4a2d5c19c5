/**
 * Storing a response. The draft is deleted, the code is marked used and the response, its
 * answers, comments and running counts are written in one transaction, so either all of it
 * happens or none. Nothing that could identify the sender is written: no code, no draft key, no
 * time of day. Responses that arrive together share that transaction (see submission-queue.ts).
 */
import type { Question } from '$lib/questions/types';
import { today, type Db } from '../db';
import type { Channel, Survey } from '../db/schema';
import { availability } from '../surveys/availability';
import { parseAnswers, type AnswerSet, type FieldError } from './answers';
import { storeResponses } from './store';
import { batched } from './submission-queue';

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

/** A submission whose answers have been checked, waiting for its transaction. */
interface Checked {
	surveyId: string;
	questions: Question[];
	channel: Channel;
	values: AnswerSet;
	codeHash?: string;
	draftKeyHash?: string;
}

export async function submitResponse(db: Db, submission: Submission): Promise<SubmitOutcome> {
	const { survey, questions, channel, codeHash, draftKeyHash } = submission;
	if (availability(survey) !== 'open') return { ok: false, reason: 'not_open' };

	// Re-check every stored value against the questions, as if it had just been posted.
	const { values, errors } = parseAnswers(questions, submission.answers);
	if (errors.length > 0) return { ok: false, reason: 'invalid', errors };

	const checked: Checked = {
		surveyId: survey.id,
		questions,
		channel,
		values,
		codeHash,
		draftKeyHash
	};
	// Inside a caller's transaction there is nothing to share: that transaction commits it.
	if (db.isTransaction) return (await storeChecked(db, [checked]))[0]!;
	return enqueue(db, checked);
}

const enqueue = batched((db: Db, batch: Checked[]) =>
	db.transaction().execute((trx) => storeChecked(trx, batch))
);

/**
 * Decides and stores a batch inside one transaction. Each submission gets the outcome it would
 * have had if the batch had been sent one at a time in arrival order: a draft that is gone means
 * 'already_sent', then a code that is used means 'code_used', and a refused one changes nothing.
 */
async function storeChecked(trx: Db, batch: Checked[]): Promise<SubmitOutcome[]> {
	const outcomes: SubmitOutcome[] = [];
	const accepted: Checked[] = [];
	const indexed = batch.map((checked, index) => ({ checked, index }));
	for (const [surveyId, group] of groupBy(indexed, (c) => c.checked.surveyId)) {
		const claimed = await claim(
			trx,
			surveyId,
			group.map((c) => c.checked)
		);
		group.forEach(({ checked, index }, i) => {
			outcomes[index] = claimed[i]!;
			if (claimed[i]!.ok) accepted.push(checked);
		});
	}

	// One write per table for each questionnaire, however many responses the batch holds. The
	// questions' ids and kinds are all storeResponses reads, so equal ones can share a call.
	const submittedOn = today();
	const byQuestions = groupBy(
		accepted,
		(c) => `${c.surveyId}\u0000${c.questions.map((q) => `${q.id}:${q.kind}`).join(',')}`
	);
	for (const group of byQuestions.values()) {
		await storeResponses(
			trx,
			group[0]!.surveyId,
			group[0]!.questions,
			group.map((c) => ({ submittedOn, channel: c.channel, answers: c.values }))
		);
	}
	return outcomes;
}

/**
 * Deletes the drafts and marks the codes of one questionnaire's submissions, one statement each,
 * and gives each submission its outcome. The statements report which rows they changed, so two
 * submissions racing for one code or one draft, here or in another process, cannot both win.
 */
async function claim(trx: Db, surveyId: string, group: Checked[]): Promise<SubmitOutcome[]> {
	const draftKeys = unique(group.map((c) => c.draftKeyHash));
	const drafts = new Map(
		draftKeys.length === 0
			? []
			: (
					await trx
						.deleteFrom('drafts')
						.where('surveyId', '=', surveyId)
						.where('keyHash', 'in', draftKeys)
						.returningAll()
						.execute()
				).map((row) => [row.keyHash, row])
	);
	// Only a submission whose draft was there can need its code.
	const codeKeys = unique(
		group.filter((c) => !c.draftKeyHash || drafts.has(c.draftKeyHash)).map((c) => c.codeHash)
	);
	const codes = new Set(
		codeKeys.length === 0
			? []
			: (
					await trx
						.updateTable('accessCodes')
						.set({ used: 1 })
						.where('surveyId', '=', surveyId)
						.where('codeHash', 'in', codeKeys)
						.where('used', '=', 0)
						.returning('codeHash')
						.execute()
				).map((row) => row.codeHash)
	);

	// In arrival order, as if sent one at a time: the first to use a draft or a code wins it.
	const outcomes = group.map((c): SubmitOutcome => {
		if (c.draftKeyHash && !drafts.has(c.draftKeyHash)) return { ok: false, reason: 'already_sent' };
		if (c.codeHash && !codes.has(c.codeHash)) return { ok: false, reason: 'code_used' };
		if (c.draftKeyHash) drafts.delete(c.draftKeyHash);
		if (c.codeHash) codes.delete(c.codeHash);
		return { ok: true };
	});

	// Whatever is left was taken for a submission that was then refused. Put it back, so that a
	// refused submission changes nothing: a draft whose code was used already stays, as it did
	// when each submission had its own transaction to roll back. (Hence the whole draft rows.)
	if (drafts.size > 0) {
		await trx
			.insertInto('drafts')
			.values([...drafts.values()])
			.execute();
	}
	if (codes.size > 0) {
		await trx
			.updateTable('accessCodes')
			.set({ used: 0 })
			.where('codeHash', 'in', [...codes])
			.execute();
	}
	return outcomes;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
	const groups = new Map<string, T[]>();
	for (const item of items) {
		const k = key(item);
		const group = groups.get(k);
		if (group) group.push(item);
		else groups.set(k, [item]);
	}
	return groups;
}

function unique(keys: (string | undefined)[]): string[] {
	return [...new Set(keys.filter((k): k is string => !!k))];
}
