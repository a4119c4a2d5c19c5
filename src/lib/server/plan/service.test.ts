import { describe, expect, it } from 'vitest';
import { createTestDb } from '$testing/db';
import { makeWave } from '$testing/fixtures';
import { auditActions, makePlanArea } from '$testing/plan';
import { addStatusUpdate, createAction, editAction } from './service';
import { actionPage, findingPlan, planCounts, planPage } from './view';

const NOW = new Date('2026-06-15T12:00:00Z');
const EARLIER = new Date('2026-04-01T12:00:00Z');

async function setUp() {
	const db = await createTestDb();
	const mine = await makePlanArea(db);
	const theirs = await makePlanArea(db);
	const input = {
		title: 'Refresh the local offer',
		description: 'With families',
		findingIds: [mine.findings[0]!.id],
		partnerId: mine.partners[0]!.id,
		lead: 'Head of SEND',
		startsOn: '2026-01-01',
		dueOn: '2026-05-31',
		status: 'on_track' as const
	};
	return { db, mine, theirs, input };
}

describe('actions', () => {
	it('are created with their first status, linked to findings and audited', async () => {
		const { db, mine, input } = await setUp();
		const outcome = await createAction(db, mine.actor, input, NOW);
		expect(outcome.ok).toBe(true);
		const id = outcome.ok ? outcome.actionId : '';
		const page = (await actionPage(db, mine.area.id, id, '2026-06-15'))!;
		expect(page.action).toMatchObject({
			title: 'Refresh the local offer',
			status: 'on_track',
			overdue: true,
			partner: { name: 'County Council' },
			findings: [{ code: 'L1' }]
		});
		expect(page.history.map((h) => [h.status, h.updatedOn])).toEqual([['on_track', '2026-06-15']]);
		expect(await auditActions(db, mine.area.id)).toEqual(['action_created']);
	});

	it('refuse another area’s findings and partners, and archived findings', async () => {
		const { db, mine, theirs, input } = await setUp();
		const refused = async (patch: Partial<typeof input>) =>
			(await createAction(db, mine.actor, { ...input, ...patch }, NOW)).ok;
		expect(await refused({ findingIds: [theirs.findings[0]!.id] })).toBe(false);
		expect(await refused({ partnerId: theirs.partners[0]!.id })).toBe(false);
		await db
			.updateTable('findings')
			.set({ archived: 1 })
			.where('id', '=', mine.findings[1]!.id)
			.execute();
		expect(await refused({ findingIds: [mine.findings[1]!.id] })).toBe(false);
		expect(await db.selectFrom('actions').selectAll().execute()).toEqual([]);
	});

	it('take dated status updates, never in the future, and keep the whole history', async () => {
		const { db, mine, input } = await setUp();
		const created = await createAction(db, mine.actor, input, EARLIER);
		const id = created.ok ? created.actionId : '';
		expect(
			await addStatusUpdate(
				db,
				mine.actor,
				id,
				{ status: 'done', updatedOn: '2026-06-16', note: 'x' },
				NOW
			)
		).toEqual({
			ok: false,
			errors: { updatedOn: 'The date of the update must be today or earlier' }
		});
		expect(
			await addStatusUpdate(
				db,
				mine.actor,
				id,
				{ status: 'done', updatedOn: '2026-06-10', note: 'Finished' },
				NOW
			)
		).toEqual({ ok: true });
		const page = (await actionPage(db, mine.area.id, id, '2026-06-15'))!;
		expect(page.action).toMatchObject({ status: 'done', doneOn: '2026-06-10', overdue: false });
		// The history is by the date each status held from, newest first.
		expect(page.history.map((h) => [h.status, h.updatedOn])).toEqual([
			['done', '2026-06-10'],
			['on_track', '2026-04-01']
		]);
	});

	it('of another area are not found, for reading or changing', async () => {
		const { db, mine, theirs, input } = await setUp();
		const created = await createAction(db, mine.actor, input, NOW);
		const id = created.ok ? created.actionId : '';
		expect(await actionPage(db, theirs.area.id, id)).toBeNull();
		expect(
			await addStatusUpdate(
				db,
				theirs.actor,
				id,
				{ status: 'done', updatedOn: '2026-06-01', note: 'x' },
				NOW
			)
		).toBeUndefined();
		expect(
			await editAction(db, theirs.actor, id, {
				...input,
				findingIds: [theirs.findings[0]!.id],
				partnerId: theirs.partners[0]!.id
			})
		).toBeUndefined();
		expect((await actionPage(db, mine.area.id, id))!.history).toHaveLength(1);
	});

	it('are counted per finding and for the area, with the list behind each count', async () => {
		const { db, mine, input } = await setUp();
		await createAction(db, mine.actor, input, NOW); // L1, overdue
		await createAction(
			db,
			mine.actor,
			{
				...input,
				title: 'Later',
				status: 'not_started',
				startsOn: '2026-07-01',
				dueOn: '2026-12-31'
			},
			NOW
		);
		await createAction(
			db,
			mine.actor,
			{ ...input, title: 'Late', status: 'not_started', findingIds: [mine.findings[1]!.id] },
			NOW
		);
		const counts = await planCounts(db, mine.area.id, '2026-06-15');
		expect(counts.area).toEqual({ total: 3, notStarted: 2, overdue: 2, done: 0, attention: 3 });
		expect(counts.byFinding[mine.findings[0]!.id]).toMatchObject({
			total: 2,
			notStarted: 1,
			overdue: 1
		});
		const late = await planPage(
			db,
			mine.area.id,
			{ filter: 'not-started', findingId: null, partnerId: null },
			'2026-06-15'
		);
		expect(late.actions.map((a) => [a.title, a.lateToStart])).toEqual([
			['Late', true],
			['Later', false]
		]);
	});

	it('are placed on a finding’s trend axis by the chart’s own waves', async () => {
		const { db, mine, input } = await setUp();
		const waves = [await makeWave(db, mine.area.id, 0), await makeWave(db, mine.area.id, 1)];
		await db
			.updateTable('waves')
			.set({ startsOn: '2026-01-01', endsOn: '2026-01-31' })
			.where('id', '=', waves[0]!)
			.execute();
		await db
			.updateTable('waves')
			.set({ startsOn: '2026-07-01', endsOn: null })
			.where('id', '=', waves[1]!)
			.execute();
		const created = await createAction(
			db,
			mine.actor,
			{ ...input, startsOn: '2026-04-01' },
			EARLIER
		);
		const id = created.ok ? created.actionId : '';
		await addStatusUpdate(
			db,
			mine.actor,
			id,
			{ status: 'done', updatedOn: '2026-06-01', note: 'Done' },
			NOW
		);
		const plan = await findingPlan(db, mine.area.id, mine.findings[0]!.id, waves, '2026-06-15');
		expect(plan.actions.map((a) => [a.number, a.start?.where, a.done?.where])).toEqual([
			[1, 'between Wave 1 and Wave 2', 'between Wave 1 and Wave 2']
		]);
		expect(plan.markers.map((m) => [m.kind, m.label])).toEqual([
			['start', '1'],
			['done', '1']
		]);
		expect(plan.markers[0]!.at).toBeCloseTo(90 / 181, 2);
		expect((await findingPlan(db, mine.area.id, mine.findings[2]!.id, waves)).actions).toEqual([]);
	});
});
