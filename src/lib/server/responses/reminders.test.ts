import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { publishSurvey } from '../insights/publish/refresh';
import { createTestDb } from '$testing/db';
import { makeArea, makeSurvey } from '$testing/fixtures';
import { createBatch } from './batches';
import { hashCode, normaliseCode } from './codes';
import { reminderList } from './reminders';

let db: Db;
let areaId: string;
let surveyId: string;

beforeEach(async () => {
	db = await createTestDb();
	areaId = (await makeArea(db)).id;
	surveyId = (await makeSurvey(db, areaId)).id;
});

async function batchOf(size: number) {
	return createBatch(db, {
		localAreaId: areaId,
		surveyId,
		label: 'Letters',
		size,
		createdBy: null
	});
}

async function use(code: string) {
	await db
		.updateTable('accessCodes')
		.set({ used: 1 })
		.where('codeHash', '=', hashCode(normaliseCode(code)))
		.execute();
}

const officer = () => ({ id: 'officer-1', localAreaId: areaId });

describe('reminder lists', () => {
	it('number every code by its place in the mail merge', async () => {
		const { batch, codes } = await batchOf(12);
		const rows = await db
			.selectFrom('accessCodes')
			.select(['codeHash', 'letterNumber'])
			.where('batchId', '=', batch.id)
			.execute();
		const byHash = new Map(rows.map((r) => [r.codeHash, r.letterNumber]));
		expect(codes.map((c) => byHash.get(hashCode(normaliseCode(c))))).toEqual(
			Array.from({ length: 12 }, (_, i) => i + 1)
		);
	});

	it('give the unused letter numbers as of the latest publication, never live, and are audited', async () => {
		const { batch, codes } = await batchOf(12);
		expect(await reminderList(db, officer(), batch)).toEqual({ ok: false, reason: 'unpublished' });

		await use(codes[1]!);
		await use(codes[4]!);
		await db.updateTable('surveys').set({ status: 'closed' }).where('id', '=', surveyId).execute();
		await publishSurvey(db, surveyId, { final: true, on: '2026-12-01' });
		const unused = [1, 3, 4, 6, 7, 8, 9, 10, 11, 12];
		expect(await reminderList(db, officer(), batch)).toEqual({
			ok: true,
			publishedOn: '2026-12-01',
			letters: unused
		});

		// A family answering now does not move the list: an officer cannot watch one code go.
		await use(codes[0]!);
		expect(await reminderList(db, officer(), batch)).toMatchObject({ letters: unused });

		const audit = await db
			.selectFrom('auditEvents')
			.select(['action', 'subjectId', 'detail'])
			.where('action', '=', 'codes.reminders_downloaded')
			.execute();
		expect(audit).toHaveLength(2);
		expect(audit[0]).toMatchObject({ subjectId: batch.id });
		// Who took which batch's list and as of when: nothing of any code or response.
		for (const code of codes) expect(JSON.stringify(audit)).not.toContain(normaliseCode(code));
	});
});
