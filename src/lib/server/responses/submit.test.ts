import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { createTestDb } from '$testing/db';
import { makeArea, makeSurvey } from '$testing/fixtures';
import { createBatch } from './batches';
import { hashCode, normaliseCode } from './codes';
import { draftId, newDraftSecret, writeDraft } from './drafts';
import { releasePending } from './release';
import { submitResponse } from './submit';
import { findSurvey } from '../surveys/repository';

let db: Db;
beforeEach(async () => {
	db = await createTestDb();
});

async function setUp() {
	const area = await makeArea(db);
	const made = await makeSurvey(db, area.id);
	const survey = (await findSurvey(db, made.id))!;
	const { codes } = await createBatch(db, {
		localAreaId: area.id,
		surveyId: survey.id,
		label: 'North',
		size: 3,
		createdBy: null
	});
	const [scale, district, text] = made.questions;
	const answers = {
		[scale!.id]: ['agree'],
		[district!.id]: ['north'],
		[text!.id]: ['More help please']
	};
	return { survey, questions: made.questions, codes, answers };
}

describe('submitResponse', () => {
	it('stores one anonymous response, marks the code used and deletes the draft in one go', async () => {
		const { survey, questions, codes, answers } = await setUp();
		const codeHash = hashCode(normaliseCode(codes[0]!));
		const secret = newDraftSecret();
		await writeDraft(
			db,
			{ surveyId: survey.id, secret, expiresOn: '2999-01-01' },
			{ answers, codeHash }
		);

		const outcome = await submitResponse(db, {
			survey,
			questions,
			answers,
			channel: 'web',
			codeHash,
			draftId: draftId(secret)
		});

		expect(outcome).toEqual({ ok: true });
		// Sealed and waiting until enough others arrive; released here by hand.
		expect(await db.selectFrom('pendingResponses').select('id').execute()).toHaveLength(1);
		expect(await releasePending(db, survey.id)).toBe(1);
		const responses = await db.selectFrom('responses').selectAll().execute();
		expect(responses).toHaveLength(1);
		expect(Object.keys(responses[0]!).sort()).toEqual([
			'channel',
			'id',
			'language',
			'submittedOn',
			'surveyId'
		]);
		expect(responses[0]!.submittedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect(await db.selectFrom('drafts').selectAll().execute()).toEqual([]);
		const code = await db
			.selectFrom('accessCodes')
			.select('used')
			.where('codeHash', '=', codeHash)
			.executeTakeFirstOrThrow();
		expect(code.used).toBe(1);
		const stored = await db.selectFrom('answers').select('value').orderBy('value').execute();
		expect(stored.map((a) => a.value)).toEqual(['agree', 'north']);
		const comments = await db.selectFrom('comments').select(['body', 'status']).execute();
		expect(comments).toEqual([{ body: 'More help please', status: 'new' }]);
	});

	it('refuses a second submission with the same code and changes nothing', async () => {
		const { survey, questions, codes, answers } = await setUp();
		const codeHash = hashCode(normaliseCode(codes[1]!));
		expect(
			await submitResponse(db, { survey, questions, answers, channel: 'web', codeHash })
		).toEqual({ ok: true });

		const again = await submitResponse(db, {
			survey,
			questions,
			answers,
			channel: 'web',
			codeHash
		});

		expect(again).toEqual({ ok: false, reason: 'code_used' });
		expect(await releasePending(db, survey.id)).toBe(1);
		expect(await db.selectFrom('responses').select('id').execute()).toHaveLength(1);
		const stored = await db.selectFrom('answers').select('value').orderBy('value').execute();
		expect(stored.map((a) => a.value)).toEqual(['agree', 'north']);
	});

	it('refuses answers that are not among the options', async () => {
		const { survey, questions, answers } = await setUp();
		const tampered = { ...answers, [questions[0]!.id]: ['very-much'] };

		const outcome = await submitResponse(db, {
			survey,
			questions,
			answers: tampered,
			channel: 'paper'
		});

		expect(outcome.ok).toBe(false);
		expect(await db.selectFrom('pendingResponses').select('id').execute()).toHaveLength(0);
	});
});
