import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import type { Actor } from '../audit';
import { createTestDb } from '$testing/db';
import { makeArea, makeSurvey, makeWave, publishAll } from '$testing/fixtures';
import { DOWNLOAD_WINDOW_MS, authoriseDownload, codesView, createCodeBatch } from './code-batches';
import { createBatch } from './batches';
import { hashCode, normaliseCode } from './codes';

let db: Db;
let actor: Actor;
let surveyId: string;

beforeEach(async () => {
	db = await createTestDb();
	const area = await makeArea(db);
	actor = { id: 'officer-1', localAreaId: area.id };
	surveyId = (await makeSurvey(db, area.id, { status: 'draft' })).id;
});

describe('createCodeBatch', () => {
	it('returns the codes once and stores only their hashes, as many as asked for', async () => {
		const made = await createCodeBatch(db, actor, surveyId, { label: 'North letters', size: 25 });

		expect(made.ok).toBe(true);
		const { batch, codes } = made.ok ? made : { batch: null, codes: [] };
		expect(codes).toHaveLength(25);
		expect(new Set(codes).size).toBe(25);
		expect(batch).toMatchObject({ label: 'North letters', size: 25, createdBy: 'officer-1' });
		const rows = await db.selectFrom('accessCodes').selectAll().execute();
		expect(rows).toHaveLength(25);
		expect(rows.map((r) => r.codeHash).sort()).toEqual(
			codes.map((c) => hashCode(normaliseCode(c))).sort()
		);
		const stored = JSON.stringify(await db.selectFrom('accessCodes').selectAll().execute());
		const audit = JSON.stringify(await db.selectFrom('auditEvents').selectAll().execute());
		for (const code of codes) {
			expect(stored).not.toContain(normaliseCode(code));
			expect(audit).not.toContain(normaliseCode(code));
		}
		const events = await db.selectFrom('auditEvents').select(['action', 'subjectId']).execute();
		expect(events).toEqual([{ action: 'codes.batch_created', subjectId: batch!.id }]);
	});

	it('refuses codes for an open-link or closed questionnaire, and another area’s', async () => {
		const area = actor.localAreaId;
		const open = await makeSurvey(db, area, {
			accessMode: 'open',
			waveId: await makeWave(db, area, 1)
		});
		const closed = await makeSurvey(db, area, {
			status: 'closed',
			waveId: await makeWave(db, area, 2)
		});
		const other = await makeSurvey(db, (await makeArea(db)).id);

		const outcomes = [
			await createCodeBatch(db, actor, open.id, { label: 'A', size: 5 }),
			await createCodeBatch(db, actor, closed.id, { label: 'B', size: 5 }),
			await createCodeBatch(db, actor, other.id, { label: 'C', size: 5 })
		];

		expect(outcomes.map((o) => !o.ok && o.status)).toEqual([409, 409, 404]);
		expect(!outcomes[0]!.ok && outcomes[0]!.errors['']).toMatch(/open link/);
		expect(await db.selectFrom('codeBatches').select('id').execute()).toEqual([]);
	});
});

describe('authoriseDownload', () => {
	async function batchOf(size: number) {
		const made = await createCodeBatch(db, actor, surveyId, { label: 'North', size });
		if (!made.ok) throw new Error('no batch');
		return made;
	}

	it('accepts the whole batch, as typed or formatted, in letter order, and audits the download', async () => {
		const { batch, codes } = await batchOf(10);
		const posted = [
			codes[2]!.toLowerCase().replace('-', ''),
			codes[0]!,
			codes[1]!,
			...codes.slice(3)
		];

		const outcome = await authoriseDownload(
			db,
			actor,
			{ surveyId, batchId: batch.id },
			posted,
			'letters',
			{ part: 1 }
		);

		// However they are posted, the codes come back numbered in the order they were made.
		expect(outcome.ok && outcome.codes).toEqual(codes.map((code, i) => ({ letter: i + 1, code })));
		const events = await db.selectFrom('auditEvents').select(['action', 'detail']).execute();
		expect(events.at(-1)).toEqual({
			action: 'codes.letters_downloaded',
			detail: JSON.stringify({ surveyId, part: 1 })
		});
	});

	it('refuses invented codes, part of a batch, a late request and another area', async () => {
		const { batch, codes } = await batchOf(10);
		const ids = { surveyId, batchId: batch.id };
		const rest = codes.slice(2);
		const later = new Date(Date.parse(batch.createdAt) + DOWNLOAD_WINDOW_MS + 1000);
		const otherActor = { id: 'x', localAreaId: (await makeArea(db)).id };

		const outcomes = [
			await authoriseDownload(db, actor, ids, [codes[0]!, ...rest.slice(1), 'ABCDE-FGHJK'], 'csv'),
			await authoriseDownload(db, actor, ids, rest, 'csv'),
			await authoriseDownload(db, actor, ids, [codes[0]!, codes[0]!, ...rest], 'csv'),
			await authoriseDownload(db, actor, ids, codes, 'csv', {}, later),
			await authoriseDownload(db, otherActor, ids, codes, 'csv')
		];

		expect(outcomes.map((o) => !o.ok && o.status)).toEqual([410, 410, 410, 410, 404]);
		const events = await db.selectFrom('auditEvents').select('action').execute();
		expect(events.map((e) => e.action)).toEqual(['codes.batch_created']);
	});
});

describe('a batch too small to be anonymous', () => {
	it('cannot be made: a batch needs at least the area’s minimum base of codes', async () => {
		const one = await createCodeBatch(db, actor, surveyId, { label: 'The Smith family', size: 1 });
		expect(one).toMatchObject({
			ok: false,
			status: 400,
			errors: { size: expect.stringMatching(/at least 10/) }
		});
		const nine = await createCodeBatch(db, actor, surveyId, { label: 'Nine', size: 9 });
		expect(nine.ok).toBe(false);
		expect(await db.selectFrom('codeBatches').select('id').execute()).toEqual([]);
		expect((await createCodeBatch(db, actor, surveyId, { label: 'Ten', size: 10 })).ok).toBe(true);
	});

	it('made before the minimum existed, shows no used count, not even 0', async () => {
		await createBatch(db, {
			localAreaId: actor.localAreaId,
			surveyId,
			label: 'The Smith family',
			size: 1,
			createdBy: null
		});
		await createCodeBatch(db, actor, surveyId, { label: 'Everyone else', size: 40 });
		await db.updateTable('surveys').set({ status: 'closed' }).where('id', '=', surveyId).execute();
		await publishAll(db, actor.localAreaId);
		const view = await codesView(db, actor.localAreaId, surveyId);
		expect(view!.batches.map((b) => [b.label, b.rate.used])).toEqual([
			['The Smith family', '[c]'],
			['Everyone else', '[c]']
		]);
	});
});

describe('codesView', () => {
	it('shows each batch’s rate through the suppression rules', async () => {
		const small = await createBatch(db, {
			localAreaId: actor.localAreaId,
			surveyId,
			label: 'Small',
			size: 8,
			createdBy: null
		}).then((made) => ({ ok: true as const, ...made }));
		const big = await createCodeBatch(db, actor, surveyId, { label: 'Big', size: 40 });
		const use = async (codes: string[]) => {
			for (const code of codes) {
				await db
					.updateTable('accessCodes')
					.set({ used: 1 })
					.where('codeHash', '=', hashCode(normaliseCode(code)))
					.execute();
			}
		};
		await use(small.ok ? small.codes.slice(0, 2) : []);
		await use(big.ok ? big.codes.slice(0, 12) : []);

		// An officer watching the page learns nothing until the figures are published.
		const live = await codesView(db, actor.localAreaId, surveyId);
		expect(live!.batches.map((b) => b.rate.used)).toEqual(['not counted yet', 'not counted yet']);
		expect(live!.total).toBeNull();

		await db.updateTable('surveys').set({ status: 'closed' }).where('id', '=', surveyId).execute();
		await publishAll(db, actor.localAreaId);
		const view = await codesView(db, actor.localAreaId, surveyId);

		expect(view!.batches.map((b) => [b.label, b.rate])).toEqual([
			['Small', { issued: '8', used: '[c]', percent: null }],
			// Secondary suppression: the total would otherwise give the small batch away.
			['Big', { issued: '40', used: '[c]', percent: null }]
		]);
		expect(view!.total).toEqual({ issued: '48', used: '14', percent: '29%' });
	});
});
