import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db';
import { storeResponses } from '../../responses/store';
import { createTestDb } from '$testing/db';
import { makeArea, makeSurvey } from '$testing/fixtures';
import { nextRefresh, publicationRound, publishSurvey } from './refresh';
import { latestPublication } from './store';

let db: Db;
let survey: Awaited<ReturnType<typeof makeSurvey>>;

beforeEach(async () => {
	db = await createTestDb();
	const area = await makeArea(db);
	survey = await makeSurvey(db, area.id);
});

async function store(n: number) {
	const scale = survey.questions[0]!;
	await storeResponses(
		db,
		survey.id,
		survey.questions,
		Array.from({ length: n }, () => ({
			submittedOn: '2026-11-01',
			channel: 'web' as const,
			answers: { [scale.id]: ['agree'] }
		}))
	);
}

const published = async () => (await latestPublication(db, survey.id))?.responses ?? null;

describe('when figures are published', () => {
	it('waits for the minimum base, then refreshes once that many more have come, once a day', async () => {
		await store(9);
		expect(await nextRefresh(db, survey.id, '2026-11-02')).toEqual({
			kind: 'waiting',
			threshold: 10,
			first: true
		});
		expect((await publishSurvey(db, survey.id, { on: '2026-11-02' })).ok).toBe(false);
		expect(await published()).toBeNull();

		await store(1);
		expect(await nextRefresh(db, survey.id, '2026-11-02')).toEqual({ kind: 'due' });
		expect((await publishSurvey(db, survey.id, { on: '2026-11-02' })).ok).toBe(true);
		expect(await published()).toBe(10);

		// Nine more: nothing moves, whoever asks and however often.
		await store(9);
		expect((await publishSurvey(db, survey.id, { on: '2026-11-03' })).ok).toBe(false);
		expect(await nextRefresh(db, survey.id, '2026-11-03')).toEqual({
			kind: 'waiting',
			threshold: 10,
			first: false
		});

		// The tenth arrives the same day as a publication: it waits for tomorrow.
		await store(1);
		expect((await publishSurvey(db, survey.id, { on: '2026-11-03' })).ok).toBe(true);
		await store(10);
		expect(await nextRefresh(db, survey.id, '2026-11-03')).toEqual({ kind: 'tomorrow' });
		expect((await publishSurvey(db, survey.id, { on: '2026-11-03' })).ok).toBe(false);
		expect(await published()).toBe(20);

		// The hourly round publishes it the next day without anyone asking.
		await publicationRound(db, '2026-11-04');
		expect(await published()).toBe(30);
	});

	it('publishes final figures at close whatever has arrived, and nothing after', async () => {
		await store(3);
		await db.updateTable('surveys').set({ status: 'closed' }).where('id', '=', survey.id).execute();
		await publicationRound(db, '2026-11-02');
		const final = await latestPublication(db, survey.id);
		expect(final).toMatchObject({ final: 1, responses: 3 });
		expect(await nextRefresh(db, survey.id, '2026-11-03')).toEqual({ kind: 'final' });
		expect((await publishSurvey(db, survey.id, { final: true, on: '2026-11-03' })).ok).toBe(false);
	});
});
