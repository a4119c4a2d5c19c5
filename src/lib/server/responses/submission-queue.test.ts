import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { findSurvey } from '../surveys/repository';
import { createTestDb } from '$testing/db';
import { makeArea, makeSurvey } from '$testing/fixtures';
import type { AnswerSet } from './answers';
import { createBatch } from './batches';
import { hashCode, normaliseCode } from './codes';
import { draftId, newDraftSecret, writeDraft } from './drafts';
import { releasePending } from './release';
import { batched, MAX_BATCH } from './submission-queue';
import { submitResponse } from './submit';

let db: Db;
beforeEach(async () => {
	db = await createTestDb();
});

describe('the queue', () => {
	it('commits what arrives together as one batch and answers each caller with its own result', async () => {
		const batches: number[][] = [];
		const double = batched(async (_db: Db, items: number[]) => {
			batches.push(items);
			return items.map((n) => n * 2);
		});

		const results = await Promise.all([1, 2, 3].map((n) => double(db, n)));

		expect(results).toEqual([2, 4, 6]);
		expect(batches).toEqual([[1, 2, 3]]);
	});

	it('never commits more than the largest batch at once, and what arrives meanwhile goes next', async () => {
		const batches: number[][] = [];
		const echo = batched(async (_db: Db, items: number[]) => {
			batches.push(items);
			return items;
		}, 3);

		const first = Promise.all([1, 2, 3, 4, 5].map((n) => echo(db, n)));
		// Arrives while the first batch is still being committed.
		const later = echo(db, 6);

		expect(await first).toEqual([1, 2, 3, 4, 5]);
		expect(await later).toBe(6);
		expect(batches).toEqual([
			[1, 2, 3],
			[4, 5, 6]
		]);
	});

	it('fails every item of a failed batch, and only that batch', async () => {
		const echo = batched(async (_db: Db, items: number[]) => {
			if (items.includes(13)) throw new Error('unlucky');
			return items;
		});

		const failed = [12, 13].map((n) => echo(db, n));
		await expect(failed[0]).rejects.toThrow('unlucky');
		await expect(failed[1]).rejects.toThrow('unlucky');
		expect(await echo(db, 14)).toBe(14);
	});

	it('keeps one queue per database, so a batch never mixes two', async () => {
		const other = await createTestDb();
		const seen: [Db, number[]][] = [];
		const echo = batched(async (on: Db, items: number[]) => {
			seen.push([on, items]);
			return items;
		});

		await Promise.all([echo(db, 1), echo(other, 2), echo(db, 3)]);

		expect(seen).toHaveLength(2);
		expect(seen.find(([on]) => on === db)![1]).toEqual([1, 3]);
		expect(seen.find(([on]) => on === other)![1]).toEqual([2]);
		await other.destroy();
	});
});

describe('submitting together', () => {
	async function setUp(codeCount = 4) {
		const area = await makeArea(db);
		const made = await makeSurvey(db, area.id);
		const survey = (await findSurvey(db, made.id))!;
		const { codes } = await createBatch(db, {
			localAreaId: area.id,
			surveyId: survey.id,
			label: 'North',
			size: codeCount,
			createdBy: null
		});
		const [scale, district, text] = made.questions;
		const answersFor = (i: number): AnswerSet => ({
			[scale!.id]: [['strongly-agree', 'agree', 'neither', 'disagree'][i % 4]!],
			[district!.id]: [i % 3 === 0 ? 'south' : 'north'],
			[text!.id]: i % 5 === 0 ? [`Comment ${i}`] : []
		});
		const codeHashes = codes.map((code) => hashCode(normaliseCode(code)));
		const submit = (i: number, extra: { codeHash?: string; draftId?: string } = {}) =>
			submitResponse(db, {
				survey,
				questions: made.questions,
				answers: answersFor(i),
				channel: 'web',
				codeHash: codeHashes[i],
				...extra
			});
		/** A family's draft for one of the codes, as the journey would have made it. */
		const draftFor = async (i: number) => {
			const secret = newDraftSecret();
			await writeDraft(
				db,
				{ surveyId: survey.id, secret, expiresOn: '2999-01-01' },
				{ answers: answersFor(i), codeHash: codeHashes[i]! }
			);
			return draftId(secret);
		};
		const release = () => releasePending(db, survey.id);
		return { survey, questions: made.questions, codeHashes, answersFor, submit, draftFor, release };
	}

	const count = (table: 'responses' | 'answers' | 'comments' | 'drafts' | 'pendingResponses') =>
		db
			.selectFrom(table)
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow()
			.then((row) => Number(row.n));

	/** Stored responses: released ones and those still waiting. */
	const stored = async () => (await count('responses')) + (await count('pendingResponses'));

	const usedCodes = () =>
		db
			.selectFrom('accessCodes')
			.select('codeHash')
			.where('used', '=', 1)
			.execute()
			.then((rows) => rows.map((r) => r.codeHash).sort());

	it('stores every one of many concurrent submissions, with counts exactly equal to the answers', async () => {
		const many = MAX_BATCH + 44; // more than one batch
		const { submit, codeHashes, release } = await setUp(many);

		const outcomes = await Promise.all(codeHashes.map((_, i) => submit(i)));

		expect(outcomes.every((o) => o.ok)).toBe(true);
		expect(await stored()).toBe(many);
		await release();
		expect(await count('responses')).toBe(many);
		expect(await count('pendingResponses')).toBe(0);
		expect(await count('answers')).toBe(many * 2);
		expect(await count('comments')).toBe(Math.ceil(many / 5));
		expect(await usedCodes()).toEqual([...codeHashes].sort());
	});

	it('stores exactly one of two concurrent submissions with the same code', async () => {
		const { submit, codeHashes, release } = await setUp();

		const outcomes = await Promise.all([
			submit(0),
			submit(1, { codeHash: codeHashes[0] }),
			submit(2)
		]);

		expect(outcomes).toEqual([{ ok: true }, { ok: false, reason: 'code_used' }, { ok: true }]);
		expect(await stored()).toBe(2);
		expect(await usedCodes()).toEqual([codeHashes[0], codeHashes[2]].sort());
		await release();
		expect(await count('answers')).toBe(2 * 2);
	});

	it('stores a draft replayed in the same batch once', async () => {
		const { submit, codeHashes, draftFor } = await setUp();
		const draft = await draftFor(0);

		const outcomes = await Promise.all([
			submit(0, { draftId: draft }),
			submit(0, { draftId: draft })
		]);

		expect(outcomes).toEqual([{ ok: true }, { ok: false, reason: 'already_sent' }]);
		expect(await stored()).toBe(1);
		expect(await count('drafts')).toBe(0);
		expect(await usedCodes()).toEqual([codeHashes[0]]);
	});

	it('refuses an invalid or already used submission without touching the others in its batch', async () => {
		const { survey, questions, submit, codeHashes } = await setUp();
		await submit(3);

		const outcomes = await Promise.all([
			submit(0),
			submitResponse(db, {
				survey,
				questions,
				answers: { [questions[0]!.id]: ['very-much'] },
				channel: 'web',
				codeHash: codeHashes[1]
			}),
			submit(3),
			submit(2)
		]);

		expect(outcomes.map((o) => (o.ok ? 'ok' : o.reason))).toEqual([
			'ok',
			'invalid',
			'code_used',
			'ok'
		]);
		expect(await stored()).toBe(3);
		expect(await usedCodes()).toEqual([codeHashes[0], codeHashes[2], codeHashes[3]].sort());
	});

	it('stores nothing of a batch whose transaction fails, and every sender hears so', async () => {
		const { survey, questions, submit, codeHashes, draftFor } = await setUp();
		const draft = await draftFor(1);
		// A questionnaire the database does not hold: its waiting row breaks a foreign key.
		const ghost = { ...survey, id: 'no-such-survey' };

		const outcomes = await Promise.allSettled([
			submit(0),
			submit(1, { draftId: draft }),
			submitResponse(db, {
				survey: ghost,
				questions,
				answers: { [questions[0]!.id]: ['agree'] },
				channel: 'web'
			})
		]);

		expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
		expect(await stored()).toBe(0);
		expect(await count('drafts')).toBe(1);
		expect(await usedCodes()).toEqual([]);

		// The next batch is not held back by the failed one.
		expect(await submit(0)).toEqual({ ok: true });
		expect(codeHashes).toHaveLength(4);
	});

	it('keeps the draft of a submission whose code was used already, as if nothing was sent', async () => {
		const { submit, draftFor } = await setUp();
		await submit(0);
		const draft = await draftFor(0);
		const before = await db.selectFrom('drafts').selectAll().execute();

		const outcomes = await Promise.all([submit(0, { draftId: draft }), submit(1)]);

		expect(outcomes).toEqual([{ ok: false, reason: 'code_used' }, { ok: true }]);
		expect(await db.selectFrom('drafts').selectAll().execute()).toEqual(before);
		expect(await stored()).toBe(2);
	});

	it('leaves the code of a submission refused for a replayed draft unused', async () => {
		// One draft sent twice with different codes: the second finds the draft gone.
		const { submit, codeHashes, draftFor } = await setUp();
		const draft = await draftFor(0);

		const outcomes = await Promise.all([
			submit(0, { draftId: draft }),
			submit(1, { draftId: draft })
		]);

		expect(outcomes).toEqual([{ ok: true }, { ok: false, reason: 'already_sent' }]);
		expect(await usedCodes()).toEqual([codeHashes[0]]);
		expect(await count('drafts')).toBe(0);
		expect(await stored()).toBe(1);
	});

	it('stores submissions to different questionnaires in one batch, each in its own', async () => {
		const first = await setUp();
		const second = await setUp();

		const outcomes = await Promise.all([first.submit(0), second.submit(0), first.submit(1)]);

		expect(outcomes.every((o) => o.ok)).toBe(true);
		await first.release();
		await second.release();
		const perSurvey = await db
			.selectFrom('responses')
			.select((eb) => ['surveyId', eb.fn.countAll<number>().as('n')])
			.groupBy('surveyId')
			.execute();
		expect(Object.fromEntries(perSurvey.map((r) => [r.surveyId, Number(r.n)]))).toEqual({
			[first.survey.id]: 2,
			[second.survey.id]: 1
		});
		expect(await count('answers')).toBe(3 * 2);
	});

	it("runs inside a caller's transaction, which then decides whether it is kept", async () => {
		const { survey, questions, codeHashes, answersFor } = await setUp();
		const submission = {
			survey,
			questions,
			answers: answersFor(0),
			channel: 'paper' as const,
			codeHash: codeHashes[0]
		};

		await expect(
			db.transaction().execute(async (trx) => {
				expect(await submitResponse(trx, submission)).toEqual({ ok: true });
				throw new Error('changed my mind');
			})
		).rejects.toThrow('changed my mind');
		expect(await stored()).toBe(0);
		expect(await usedCodes()).toEqual([]);

		const kept = await db.transaction().execute((trx) => submitResponse(trx, submission));
		expect(kept).toEqual({ ok: true });
		expect(await stored()).toBe(1);
		expect(await usedCodes()).toEqual([codeHashes[0]]);
	});
});
