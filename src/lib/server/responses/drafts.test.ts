import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { createTestDb } from '$testing/db';
import { makeArea, makeSurvey } from '$testing/fixtures';
import {
	DRAFT_SECRET_PATTERN,
	deleteExpiredDrafts,
	draftExists,
	draftId,
	moveDraft,
	newDraftSecret,
	openDraft,
	writeDraft
} from './drafts';

let db: Db;
let surveyId: string;
beforeEach(async () => {
	db = await createTestDb();
	const area = await makeArea(db);
	surveyId = (await makeSurvey(db, area.id)).id;
});

const where = (secret: string, expiresOn = '2999-12-31') => ({ surveyId, secret, expiresOn });
const content = (answers: Record<string, string[]>) => ({ answers, codeHash: null });

describe('drafts', () => {
	it('are found by the secret’s hash and read only with the secret', async () => {
		const secret = newDraftSecret();
		expect(secret).toMatch(DRAFT_SECRET_PATTERN);
		await writeDraft(db, where(secret), content({ a: ['Our son Tom'] }));
		const rows = await db.selectFrom('drafts').selectAll().execute();
		expect(rows).toEqual([
			{ id: draftId(secret), surveyId, sealed: expect.any(String), expiresOn: '2999-12-31' }
		]);
		expect(JSON.stringify(rows)).not.toContain('Tom');
		expect(JSON.stringify(rows)).not.toContain(secret);
		expect(await openDraft(db, surveyId, secret)).toEqual(content({ a: ['Our son Tom'] }));
		expect(await openDraft(db, surveyId, newDraftSecret())).toBeUndefined();
	});

	it('cannot be opened by someone who copies the sealed row under another id', async () => {
		const mine = newDraftSecret();
		const theirs = newDraftSecret();
		await writeDraft(db, where(mine), content({ a: ['mine'] }));
		await writeDraft(db, where(theirs), content({ a: ['theirs'] }));
		const sealed = (
			await db
				.selectFrom('drafts')
				.select('sealed')
				.where('id', '=', draftId(mine))
				.executeTakeFirstOrThrow()
		).sealed;
		await db.updateTable('drafts').set({ sealed }).where('id', '=', draftId(theirs)).execute();
		await expect(openDraft(db, surveyId, theirs)).rejects.toThrow();
	});

	it('belong to one questionnaire', async () => {
		const secret = newDraftSecret();
		await writeDraft(db, where(secret), content({ a: ['agree'] }));
		expect(await openDraft(db, 'another-survey', secret)).toBeUndefined();
	});

	it('move to a new secret once, and the old one opens nothing', async () => {
		const from = newDraftSecret();
		const to = newDraftSecret();
		await writeDraft(db, where(from), content({ a: ['agree'] }));
		const moved = await moveDraft(db, { surveyId, from, to, expiresOn: '2999-12-31' });
		expect(moved).toEqual(content({ a: ['agree'] }));
		expect(await openDraft(db, surveyId, from)).toBeUndefined();
		expect(await openDraft(db, surveyId, to)).toEqual(content({ a: ['agree'] }));
		expect(
			await moveDraft(db, { surveyId, from, to: newDraftSecret(), expiresOn: '2999-12-31' })
		).toBeUndefined();
	});

	it('are not opened after they expire, and expired ones are deleted', async () => {
		const old = newDraftSecret();
		const current = newDraftSecret();
		await writeDraft(db, where(old, '2000-01-01'), content({ a: ['agree'] }));
		await writeDraft(db, where(current), content({ a: ['agree'] }));
		expect(await openDraft(db, surveyId, old)).toBeUndefined();
		expect(await draftExists(db, draftId(old))).toBe(false);
		expect(await deleteExpiredDrafts(db)).toBe(1);
		expect(await db.selectFrom('drafts').select('id').execute()).toEqual([
			{ id: draftId(current) }
		]);
	});
});
