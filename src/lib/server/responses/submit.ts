/**
 * Storing a response. The draft is deleted, the code is spent and the response is stored sealed
 * in `pending_responses`, in one transaction, so either all of it happens or none, and a family
 * sees the confirmation page only once it has. Nothing that could identify the sender is
 * written: no code, no draft id, no time of day. Responses that arrive together share that
 * transaction (see submission-queue.ts).
 *
 * Why sealed and pending: whatever a transaction writes carries its mark (PostgreSQL stamps
 * every row with the transaction's id; SQLite's log keeps each commit's pages, in order). Had the
 * answers been written beside the spent code, a copy of the database would pair them. So the
 * answers wait, encrypted under the server secret, until enough have arrived to be released
 * together in random order (release.ts): the spent code then sits beside a sealed blob that the
 * copy cannot open, and the readable answers arrive in a crowd.
 */
import type { Question } from '$lib/questions/types';
import { retrying, today, type Db } from '../db';
import type { Channel, Survey } from '../db/schema';
import { availability } from '../surveys/availability';
import type { Language, Text } from '$lib/i18n';
import { parseAnswers, type AnswerSet, type FieldError } from './answers';
import { inBackground } from '../background';
import { refreshWhereDue } from '../insights/publish/refresh';
import { holdForRelease, releaseWhereDue } from './release';
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
	/** The keyed hash of the access code the family used (code surveys, web channel). */
	codeHash?: string;
	/** The draft the answers came from; it must still exist, so a replayed send stores nothing. */
	draftId?: string;
	/** The language the family answered in (kept with the response, for breakdowns). */
	language?: Language;
	/** The family's language, for messages about answers that are no longer allowed. */
	text?: Text;
}

/** A submission whose answers have been checked, waiting for its transaction. */
interface Checked {
	surveyId: string;
	questions: Question[];
	channel: Channel;
	language?: Language;
	values: AnswerSet;
	codeHash?: string;
	draftId?: string;
}

export async function submitResponse(db: Db, submission: Submission): Promise<SubmitOutcome> {
	const { survey, questions, channel, codeHash, draftId } = submission;
	if (availability(survey) !== 'open') return { ok: false, reason: 'not_open' };

	// Re-check every stored value against the questions, as if it had just been posted.
	const { values, errors } = parseAnswers(questions, submission.answers, submission.text);
	if (errors.length > 0) return { ok: false, reason: 'invalid', errors };

	const checked: Checked = {
		surveyId: survey.id,
		questions,
		channel,
		language: submission.language,
		values,
		codeHash,
		draftId
	};
	// Inside a caller's transaction there is nothing to share: that transaction commits it.
	if (db.isTransaction) return (await storeChecked(db, [checked]))[0]!;
	return enqueue(db, checked);
}

const enqueue = batched(async (db: Db, batch: Checked[]) => {
	const outcomes = await retrying(() =>
		db.transaction().execute((trx) => storeChecked(trx, batch))
	);
	// After the commit (the responses are safe), before the next batch: a release is one more
	// transaction, so the queue never has two writers of its own.
	const surveys = [...new Set(batch.filter((_, i) => outcomes[i]!.ok).map((c) => c.surveyId))];
	const released = await releaseWhereDue(db, surveys).catch((error: unknown) => {
		// Nothing is lost: the responses stay waiting, and the next submission or close retries.
		console.error('Releasing waiting responses failed:', error);
		return 0;
	});
	// A release may make a new publication due; making one can take a while, so nobody waits.
	if (released > 0) inBackground('Publishing', () => refreshWhereDue(db, surveys));
	return outcomes;
});

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

	const submittedOn = today();
	await holdForRelease(
		trx,
		accepted.map((c) => ({
			surveyId: c.surveyId,
			response: { submittedOn, channel: c.channel, language: c.language, answers: c.values }
		}))
	);
	return outcomes;
}

/**
 * Deletes the drafts and marks the codes of one questionnaire's submissions, one statement each,
 * and gives each submission its outcome. The statements report which rows they changed, so two
 * submissions racing for one code or one draft, here or in another process, cannot both win.
 */
async function claim(trx: Db, surveyId: string, group: Checked[]): Promise<SubmitOutcome[]> {
	const draftIds = unique(group.map((c) => c.draftId));
	const drafts = new Map(
		draftIds.length === 0
			? []
			: (
					await trx
						.deleteFrom('drafts')
						.where('surveyId', '=', surveyId)
						.where('id', 'in', draftIds)
						.returningAll()
						.execute()
				).map((row) => [row.id, row])
	);
	// Only a submission whose draft was there can need its code.
	const codeKeys = unique(
		group.filter((c) => !c.draftId || drafts.has(c.draftId)).map((c) => c.codeHash)
	);
	const codes = new Set(
		codeKeys.length === 0
			? []
			: (
					await trx
						.updateTable('accessCodes')
						.set({ used: 1, draftId: null })
						.where('surveyId', '=', surveyId)
						.where('codeHash', 'in', codeKeys)
						.where('used', '=', 0)
						.returning('codeHash')
						.execute()
				).map((row) => row.codeHash)
	);

	// In arrival order, as if sent one at a time: the first to use a draft or a code wins it.
	const outcomes = group.map((c): SubmitOutcome => {
		if (c.draftId && !drafts.has(c.draftId)) return { ok: false, reason: 'already_sent' };
		if (c.codeHash && !codes.has(c.codeHash)) return { ok: false, reason: 'code_used' };
		if (c.draftId) drafts.delete(c.draftId);
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
		// Only a code whose own draft was refused can be left here, so its draft goes back with it.
		for (const c of group) {
			if (!c.codeHash || !codes.has(c.codeHash)) continue;
			await trx
				.updateTable('accessCodes')
				.set({ used: 0, draftId: c.draftId ?? null })
				.where('codeHash', '=', c.codeHash)
				.execute();
		}
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
