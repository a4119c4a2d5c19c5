/**
 * Drafts hold answers while a family moves through the pages, and let them come back later.
 * A draft is keyed by the hash of something only the family holds (their access code, or a
 * random resume token for open surveys), carries a date but no time, and is deleted when the
 * response is sent or the survey closes.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { inTransaction, today, type Db } from '../db';
import type { AnswerSet } from './answers';

export function newResumeToken(): string {
	return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(15)));
}

export function hashResumeToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(`resume:${token}`)));
}

export async function loadDraft(
	db: Db,
	surveyId: string,
	keyHash: string
): Promise<AnswerSet | undefined> {
	const row = await db
		.selectFrom('drafts')
		.select('answers')
		.where('keyHash', '=', keyHash)
		.where('surveyId', '=', surveyId)
		.where('expiresOn', '>=', today())
		.executeTakeFirst();
	return row ? (JSON.parse(row.answers) as AnswerSet) : undefined;
}

/** Merge a page's answers into the draft, creating it if needed. */
export async function saveDraft(
	db: Db,
	draft: { surveyId: string; keyHash: string; expiresOn: string },
	answers: AnswerSet
): Promise<AnswerSet> {
	return inTransaction(db, async (trx) => {
		const existing = (await loadDraft(trx, draft.surveyId, draft.keyHash)) ?? {};
		const merged = { ...existing, ...answers };
		await trx
			.insertInto('drafts')
			.values({
				keyHash: draft.keyHash,
				surveyId: draft.surveyId,
				answers: JSON.stringify(merged),
				savedOn: today(),
				expiresOn: draft.expiresOn
			})
			.onConflict((oc) =>
				oc.column('keyHash').doUpdateSet({ answers: JSON.stringify(merged), savedOn: today() })
			)
			.execute();
		return merged;
	});
}

export async function deleteExpiredDrafts(db: Db, on = today()): Promise<number> {
	const result = await db.deleteFrom('drafts').where('expiresOn', '<', on).executeTakeFirst();
	return Number(result.numDeletedRows);
}
