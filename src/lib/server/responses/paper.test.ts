import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { createTestDb } from '$testing/db';
import { makeArea, makeSurvey, makeWave } from '$testing/fixtures';
import { fieldName, readAnswerFields } from './answers';
import {
	NOT_OPEN_MESSAGE,
	OWN_ENTRY_MESSAGE,
	approvePaperEntry,
	enterPaperResponse,
	listWaitingEntries,
	withdrawPaperEntry
} from './paper';
import { countPending } from './release';

let db: Db;
let areaId: string;
const officer = () => ({ id: 'officer-1', localAreaId: areaId });
const second = () => ({ id: 'officer-2', localAreaId: areaId });

beforeEach(async () => {
	db = await createTestDb();
	areaId = (await makeArea(db)).id;
});

function form(entries: [string, string][]): FormData {
	const data = new FormData();
	for (const [name, value] of entries) data.append(name, value);
	return data;
}

async function typedIn(
	text = 'Phoned in: the new key worker helps',
	into?: Awaited<ReturnType<typeof makeSurvey>>
) {
	const survey = into ?? (await makeSurvey(db, areaId));
	const [scale, district, comment] = survey.questions;
	const raw = readAnswerFields(
		form([
			[fieldName(scale!.id), 'agree'],
			[fieldName(district!.id), 'south'],
			[fieldName(comment!.id), text]
		])
	);
	expect(await enterPaperResponse(db, officer(), survey.id, raw)).toEqual({ ok: true });
	return survey;
}

describe('paper entries', () => {
	it('wait, sealed, for a second officer, and count only once approved', async () => {
		const survey = await typedIn();
		expect(await countPending(db, survey.id)).toBe(0);
		const rows = JSON.stringify(await db.selectFrom('paperEntries').selectAll().execute());
		expect(rows).not.toContain('key worker');

		const [entry] = (await listWaitingEntries(db, second(), survey.id))!;
		expect(entry).toMatchObject({ mine: false, enteredOn: expect.any(String) });
		expect(entry!.answers.map((a) => a.answer)).toContain('Phoned in: the new key worker helps');

		expect(await approvePaperEntry(db, second(), survey.id, entry!.id)).toEqual({ ok: true });
		expect(await countPending(db, survey.id)).toBe(1);
		expect(await listWaitingEntries(db, second(), survey.id)).toEqual([]);
	});

	it('cannot be approved by the officer who typed them in (the planting attack)', async () => {
		const survey = await typedIn();
		for (let i = 0; i < 3; i++) await typedIn(`Planted ${i}`, survey);
		const [entry] = (await listWaitingEntries(db, officer(), survey.id))!;
		expect(entry!.mine).toBe(true);
		expect(await approvePaperEntry(db, officer(), survey.id, entry!.id)).toEqual({
			ok: false,
			status: 403,
			errors: [{ questionId: null, message: OWN_ENTRY_MESSAGE }],
			values: {}
		});
		expect(await countPending(db, survey.id)).toBe(0);
		expect(await db.selectFrom('paperEntries').select('id').execute()).toHaveLength(4);
	});

	it('are audited as actions, never with what they said', async () => {
		const survey = await typedIn();
		const [entry] = (await listWaitingEntries(db, second(), survey.id))!;
		await approvePaperEntry(db, second(), survey.id, entry!.id);
		const events = await db.selectFrom('auditEvents').selectAll().orderBy('createdAt').execute();
		expect(events.map((e) => [e.action, e.userId, e.subjectId, e.detail])).toEqual([
			['response.paper_entered', 'officer-1', survey.id, null],
			['response.paper_approved', 'officer-2', survey.id, null]
		]);
		expect(JSON.stringify(events)).not.toContain('key worker');
	});

	it('can be withdrawn, leaving nothing', async () => {
		const survey = await typedIn();
		const [entry] = (await listWaitingEntries(db, officer(), survey.id))!;
		expect(await withdrawPaperEntry(db, officer(), survey.id, entry!.id)).toBe(true);
		expect(await withdrawPaperEntry(db, officer(), survey.id, entry!.id)).toBe(false);
		expect(await db.selectFrom('paperEntries').select('id').execute()).toEqual([]);
		expect(await countPending(db, survey.id)).toBe(0);
	});

	it('refuse answers that fail validation and store nothing', async () => {
		const survey = await makeSurvey(db, areaId);
		const [scale] = survey.questions;
		const missing = await enterPaperResponse(db, officer(), survey.id, {});
		const tampered = await enterPaperResponse(db, officer(), survey.id, { [scale!.id]: ['very'] });
		expect(missing).toMatchObject({ ok: false, status: 400 });
		expect(!missing.ok && missing.status !== 404 && missing.errors[0]!.questionId).toBe(scale!.id);
		expect(tampered).toMatchObject({ ok: false, status: 400 });
		expect(await db.selectFrom('paperEntries').select('id').execute()).toEqual([]);
		expect(await db.selectFrom('auditEvents').select('id').execute()).toEqual([]);
	});

	it('refuse a questionnaire that is not open, and another area’s', async () => {
		const draft = await makeSurvey(db, areaId, { status: 'draft' });
		const closed = await makeSurvey(db, areaId, {
			status: 'closed',
			waveId: await makeWave(db, areaId, 1)
		});
		const theirs = await makeSurvey(db, (await makeArea(db)).id);
		const answers = (id: string) => ({ [id]: ['agree'] });
		const outcomes = [
			await enterPaperResponse(db, officer(), draft.id, answers(draft.questions[0]!.id)),
			await enterPaperResponse(db, officer(), closed.id, answers(closed.questions[0]!.id)),
			await enterPaperResponse(db, officer(), theirs.id, answers(theirs.questions[0]!.id))
		];
		expect(outcomes.map((o) => !o.ok && o.status)).toEqual([409, 409, 404]);
		expect(!outcomes[0]!.ok && outcomes[0]!.status === 409 && outcomes[0]!.errors[0]!.message).toBe(
			NOT_OPEN_MESSAGE
		);
		expect(await listWaitingEntries(db, officer(), theirs.id)).toBeUndefined();
	});

	it('cannot be approved or withdrawn from another area', async () => {
		const survey = await typedIn();
		const [entry] = (await listWaitingEntries(db, second(), survey.id))!;
		const outsider = { id: 'outsider', localAreaId: (await makeArea(db)).id };
		expect(await approvePaperEntry(db, outsider, survey.id, entry!.id)).toEqual({
			ok: false,
			status: 404
		});
		expect(await withdrawPaperEntry(db, outsider, survey.id, entry!.id)).toBe(false);
		expect(await db.selectFrom('paperEntries').select('id').execute()).toHaveLength(1);
	});
});
