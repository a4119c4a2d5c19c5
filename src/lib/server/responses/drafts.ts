/**
 * Drafts hold a family's answers while they move through the pages, and let them come back.
 *
 * A draft belongs to a secret that only the family holds: 32 random bytes, kept in their
 * browser's short-lived cookie and, when they save to come back later, in their resume link.
 * The row is found by the secret's SHA-256 and its contents are encrypted under a key derived
 * from the secret, so neither the database nor anyone holding the family's access code (the
 * officer who made the batch, the print contractor, whoever opens the letter) can read or send
 * it. What a draft holds: the answers so far and, on a code questionnaire, the keyed hash of the
 * code it will spend. A draft carries an end date but no time, and goes when the answers are sent
 * or the questionnaire closes.
 */
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { createHash, hkdfSync } from 'node:crypto';
import { inTransaction, today, type Db } from '../db';
import { compiledOnce } from '../db/compiled';
import { sealWithKey, unsealWithKey } from '../secret';
import type { AnswerSet } from './answers';

/** What a draft holds, readable only with its secret. */
export interface DraftContent {
	answers: AnswerSet;
	/** The keyed hash of the access code this draft will spend (code questionnaires). */
	codeHash: string | null;
	/**
	 * The language the family chose, so a resume link brings them back in it (absent in drafts
	 * saved before languages were offered).
	 */
	language?: string | null;
}

/** A family's draft secret: 32 random bytes in lower-case base 32 (52 characters). */
export function newDraftSecret(): string {
	return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(32)));
}

export const DRAFT_SECRET_PATTERN = /^[a-z2-7]{52}$/;

/** The row id of the draft a secret opens. */
export function draftId(secret: string): string {
	// Node's own SHA-256: a draft is opened on every page a family loads.
	return createHash('sha256').update(`heard-draft-id:${secret}`).digest('hex');
}

function draftKey(secret: string): Uint8Array {
	return new Uint8Array(hkdfSync('sha256', secret, 'heard', 'heard-draft-key', 32));
}

const sealedDraft = compiledOnce(3, (db, id, surveyId, today) =>
	db
		.selectFrom('drafts')
		.select('sealed')
		.where('id', '=', id!)
		.where('surveyId', '=', surveyId!)
		.where('expiresOn', '>=', today!)
);

/** The draft a secret opens for this questionnaire, if there is one and it has not expired. */
export async function openDraft(
	db: Db,
	surveyId: string,
	secret: string
): Promise<DraftContent | undefined> {
	const id = draftId(secret);
	const [row] = await sealedDraft(db, id, surveyId, today());
	return row ? readSealedDraft(secret, surveyId, row.sealed, id) : undefined;
}

/** Opens a sealed draft with its secret: what only the family's browser or link can do. */
export function readSealedDraft(
	secret: string,
	surveyId: string,
	sealed: string,
	id = draftId(secret)
): DraftContent {
	return JSON.parse(unsealWithKey(draftKey(secret), sealed, `${surveyId}:${id}`)) as DraftContent;
}

/** Writes (creates or replaces) the draft a secret opens. */
export async function writeDraft(
	db: Db,
	draft: { surveyId: string; secret: string; expiresOn: string },
	content: DraftContent
): Promise<void> {
	const id = draftId(draft.secret);
	const sealed = sealWithKey(
		draftKey(draft.secret),
		JSON.stringify(content),
		`${draft.surveyId}:${id}`
	);
	await db
		.insertInto('drafts')
		.values({ id, surveyId: draft.surveyId, sealed, expiresOn: draft.expiresOn })
		.onConflict((oc) => oc.column('id').doUpdateSet({ sealed }))
		.execute();
}

/**
 * Moves a draft to a new secret and forgets the old one: a resume link works once, and the
 * browser that used it holds the only way back in. Returns the contents, or undefined when the
 * old secret opens nothing.
 */
export async function moveDraft(
	db: Db,
	draft: { surveyId: string; from: string; to: string; expiresOn: string }
): Promise<DraftContent | undefined> {
	return inTransaction(db, async (trx) => {
		const content = await openDraft(trx, draft.surveyId, draft.from);
		if (!content) return undefined;
		const removed = await trx
			.deleteFrom('drafts')
			.where('id', '=', draftId(draft.from))
			.executeTakeFirst();
		// Someone else moved or sent it a moment ago.
		if (Number(removed.numDeletedRows) !== 1) return undefined;
		await writeDraft(
			trx,
			{ surveyId: draft.surveyId, secret: draft.to, expiresOn: draft.expiresOn },
			content
		);
		if (content.codeHash) {
			await trx
				.updateTable('accessCodes')
				.set({ draftId: draftId(draft.to) })
				.where('codeHash', '=', content.codeHash)
				.where('surveyId', '=', draft.surveyId)
				.execute();
		}
		return content;
	});
}

/** Deletes a draft by its id: the only thing that can be done to a draft without its secret. */
export async function discardDraft(db: Db, id: string): Promise<void> {
	await db.deleteFrom('drafts').where('id', '=', id).execute();
}

/** Whether a draft row exists (and has not expired), without being able to read it. */
export async function draftExists(db: Db, id: string): Promise<boolean> {
	const row = await db
		.selectFrom('drafts')
		.select('id')
		.where('id', '=', id)
		.where('expiresOn', '>=', today())
		.executeTakeFirst();
	return row !== undefined;
}

export async function deleteExpiredDrafts(db: Db, on = today()): Promise<number> {
	const result = await db.deleteFrom('drafts').where('expiresOn', '<', on).executeTakeFirst();
	return Number(result.numDeletedRows);
}
