import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { fieldName, readAnswerFields } from '../responses/answers';
import { createTestDb } from '../testing/db';
import { makeArea, makeSurvey, makeWave } from '../testing/fixtures';
import { NOT_OPEN_MESSAGE, enterPaperResponse } from './builder-paper';
import type { Actor } from './service';

let db: Db;
let actor: Actor;

beforeEach(async () => {
	db = await createTestDb();
	actor = { id: 'officer-1', localAreaId: (await makeArea(db)).id };
});

function form(entries: [string, string][]): FormData {
	const data = new FormData();
	for (const [name, value] of entries) data.append(name, value);
	return data;
}

describe('enterPaperResponse', () => {
	it('stores a paper response through the normal submission, and audits only the action', async () => {
		const survey = await makeSurvey(db, actor.localAreaId);
		const [scale, district, text] = survey.questions;
		const raw = readAnswerFields(
			form([
				[fieldName(scale!.id), 'agree'],
				[fieldName(district!.id), 'south'],
				[fieldName(text!.id), 'Phoned in: the new key worker helps']
			])
		);

		expect(await enterPaperResponse(db, actor, survey.id, raw)).toEqual({ ok: true });

		const responses = await db.selectFrom('responses').selectAll().execute();
		expect(responses.map((r) => r.channel)).toEqual(['paper']);
		expect(
			await db.selectFrom('answerCounts').select(['value', 'n']).orderBy('value').execute()
		).toEqual([
			{ value: 'agree', n: 1 },
			{ value: 'south', n: 1 }
		]);
		const events = await db.selectFrom('auditEvents').selectAll().execute();
		expect(events.map((e) => [e.action, e.subjectId, e.detail])).toEqual([
			['response.paper_entered', survey.id, null]
		]);
		expect(JSON.stringify(events)).not.toContain('key worker');
	});

	it('refuses answers that fail validation and stores nothing', async () => {
		const survey = await makeSurvey(db, actor.localAreaId);
		const [scale] = survey.questions;

		const missing = await enterPaperResponse(db, actor, survey.id, {});
		const tampered = await enterPaperResponse(db, actor, survey.id, { [scale!.id]: ['very'] });

		expect(missing).toMatchObject({ ok: false, status: 400 });
		expect(!missing.ok && missing.status !== 404 && missing.errors[0]!.questionId).toBe(scale!.id);
		expect(tampered).toMatchObject({ ok: false, status: 400 });
		expect(await db.selectFrom('responses').select('id').execute()).toEqual([]);
		expect(await db.selectFrom('auditEvents').select('id').execute()).toEqual([]);
	});

	it('refuses a questionnaire that is not open, and another area’s', async () => {
		const draft = await makeSurvey(db, actor.localAreaId, { status: 'draft' });
		const closed = await makeSurvey(db, actor.localAreaId, {
			status: 'closed',
			waveId: await makeWave(db, actor.localAreaId, 1)
		});
		const theirs = await makeSurvey(db, (await makeArea(db)).id);
		const answers = (id: string) => ({ [id]: ['agree'] });

		const outcomes = [
			await enterPaperResponse(db, actor, draft.id, answers(draft.questions[0]!.id)),
			await enterPaperResponse(db, actor, closed.id, answers(closed.questions[0]!.id)),
			await enterPaperResponse(db, actor, theirs.id, answers(theirs.questions[0]!.id))
		];

		expect(outcomes.map((o) => !o.ok && o.status)).toEqual([409, 409, 404]);
		expect(!outcomes[0]!.ok && outcomes[0]!.status === 409 && outcomes[0]!.errors[0]!.message).toBe(
			NOT_OPEN_MESSAGE
		);
		expect(await db.selectFrom('responses').select('id').execute()).toEqual([]);
	});
});
