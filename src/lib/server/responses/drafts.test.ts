import { beforeEach, describe, expect, it } from 'vitest';
import { today, type Db } from '../db';
import { createTestDb } from '../testing/db';
import { makeArea, makeSurvey } from '../testing/fixtures';
import { hashCode } from './codes';
import {
	deleteExpiredDrafts,
	hashResumeToken,
	loadDraft,
	newResumeToken,
	saveDraft
} from './drafts';

let db: Db;
let surveyId: string;
beforeEach(async () => {
	db = await createTestDb();
	const area = await makeArea(db);
	surveyId = (await makeSurvey(db, area.id)).id;
});

const draft = (keyHash: string, expiresOn = '2999-12-31') => ({ surveyId, keyHash, expiresOn });

describe('drafts', () => {
	it('merge page after page, a page replacing only its own answers', async () => {
		const key = hashCode('K7QM2XRT10');
		await saveDraft(db, draft(key), { a: ['agree'], b: ['north'] });
		await saveDraft(db, draft(key), { c: ['Some words'] });
		const merged = await saveDraft(db, draft(key), { b: ['south'] });
		expect(merged).toEqual({ a: ['agree'], b: ['south'], c: ['Some words'] });
		expect(await loadDraft(db, surveyId, key)).toEqual(merged);
		expect(await db.selectFrom('drafts').select('keyHash').execute()).toHaveLength(1);
	});

	it('are keyed by a hash, never by the code or token itself', async () => {
		const token = newResumeToken();
		expect(token).toMatch(/^[a-z2-7]{24}$/);
		const key = hashResumeToken(token);
		expect(key).toMatch(/^[0-9a-f]{64}$/);
		expect(key).not.toBe(hashCode(token));
		await saveDraft(db, draft(key), { a: ['agree'] });
		const rows = await db.selectFrom('drafts').selectAll().execute();
		expect(JSON.stringify(rows)).not.toContain(token);
		expect(rows[0]!.savedOn).toBe(today());
		expect(await loadDraft(db, surveyId, hashResumeToken(newResumeToken()))).toBeUndefined();
	});

	it('belong to one survey', async () => {
		const key = hashCode('K7QM2XRT10');
		await saveDraft(db, draft(key), { a: ['agree'] });
		expect(await loadDraft(db, 'another-survey', key)).toBeUndefined();
	});

	it('are not loaded after they expire, and expired ones are deleted', async () => {
		await saveDraft(db, draft('old', '2000-01-01'), { a: ['agree'] });
		await saveDraft(db, draft('current'), { a: ['agree'] });
		expect(await loadDraft(db, surveyId, 'old')).toBeUndefined();
		expect(await deleteExpiredDrafts(db)).toBe(1);
		const left = await db.selectFrom('drafts').select('keyHash').execute();
		expect(left).toEqual([{ keyHash: 'current' }]);
	});
});
