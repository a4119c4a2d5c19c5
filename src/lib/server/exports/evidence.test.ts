import { describe, expect, it } from 'vitest';
import { findingInsights } from '../insights/service';
import { createTestDb } from '$testing/db';
import { makeArea, makeInspectionWithFindings } from '$testing/fixtures';
import { evidencePack } from './evidence';
import { publishAll } from '$testing/fixtures';
import { answer, makeExportArea, reviewAll, times } from './testing';
import { addActivity } from '../coproduction/service';
import { nowIso } from '../db';
import { newId } from '../ids';
import { addStatusUpdate, createAction } from '../plan/service';

async function setUp() {
	const db = await createTestDb();
	const made = await makeExportArea(db);
	// F2 becomes a strength: the pack is about areas of weakness only.
	await db
		.updateTable('findings')
		.set({ kind: 'strength' })
		.where('id', '=', made.findings[1]!.id)
		.execute();
	const [first, second] = made.surveys;
	await answer(db, first!, [
		...times(12, { scale: 'agree', district: 'north', comment: 'They listened this time.' }),
		...times(18, { scale: 'disagree', district: 'south' })
	]);
	await answer(db, second!, [
		...times(30, { scale: 'agree', district: 'north' }),
		...times(10, { scale: 'disagree', district: 'south' })
	]);
	await reviewAll(db, first!.id);
	await db
		.insertInto('commentThemes')
		.values({ id: 'heard', localAreaId: made.area.id, name: 'Being heard' })
		.execute();
	await db
		.insertInto('commentThemeFindings')
		.values({ themeId: 'heard', findingId: made.findings[0]!.id })
		.execute();
	const comments = await db.selectFrom('comments').select('id').execute();
	await db
		.insertInto('commentTags')
		.values(comments.map((c) => ({ commentId: c.id, themeId: 'heard' })))
		.execute();
	await publishAll(db, made.area.id);
	return { db, made };
}

describe('the evidence pack', () => {
	it('has each area of weakness with the finding page’s figures, a verdict per wave and at most five comments', async () => {
		const { db, made } = await setUp();
		const pack = (await evidencePack(db, made.area.id))!;
		expect(pack.findings.map((f) => f.code)).toEqual(['F1']);
		expect(pack.waves).toEqual(['Wave 1', 'Wave 2']);
		const [finding] = pack.findings;
		expect(finding!.dimensions.map((d) => d.dimension)).toEqual(['lived_experience']);
		const page = (await findingInsights(db, made.area.id, made.findings[0]!.id))!;
		const [le] = finding!.dimensions;
		expect(le!.points).toEqual(page.dimensions[0]!.points);
		// The verdict into each wave: none for the first, the finding page's own for the last.
		expect(le!.changes.map((c) => c.waveName)).toEqual(['Wave 1', 'Wave 2']);
		expect(le!.changes[0]!.change).toBe('[z]');
		expect(le!.changes[1]!.change).toEqual(page.dimensions[0]!.change);
		expect(typeof le!.changes[1]!.change === 'object' && le!.changes[1]!.change.verdict).toBe(
			'better'
		);
		expect(finding!.comments).toHaveLength(5);
		expect(finding!.comments.every((c) => c.body === 'They listened this time.')).toBe(true);
		expect(finding!.commentThemes).toEqual(['Being heard']);
	});

	it('notes who was asked, how many answered and the area’s rules', async () => {
		const { db, made } = await setUp();
		await db
			.updateTable('localAreas')
			.set({ minBase: 20 })
			.where('id', '=', made.area.id)
			.execute();
		const pack = (await evidencePack(db, made.area.id))!;
		expect(pack.surveys.map((s) => [s.waveName, s.audience, s.responses])).toEqual([
			['Wave 1', 'parent_carer', 30],
			['Wave 2', 'parent_carer', 40]
		]);
		expect(pack.rules.minBase).toBe(20);
	});

	it('is per inspection, and finds nothing of another local area', async () => {
		const { db, made } = await setUp();
		const other = await makeArea(db);
		const theirs = await makeInspectionWithFindings(db, other.id);
		expect(await evidencePack(db, made.area.id, theirs.inspectionId)).toBeNull();
		const inspection = await db
			.selectFrom('findings')
			.select('inspectionId')
			.where('id', '=', made.findings[0]!.id)
			.executeTakeFirstOrThrow();
		const pack = (await evidencePack(db, made.area.id, inspection.inspectionId))!;
		expect(pack.inspection?.id).toBe(inspection.inspectionId);
		expect(pack.findings.map((f) => f.code)).toEqual(['F1']);
	});

	it('puts each finding’s actions with their history beside its figures, and how it was co-produced', async () => {
		const { db, made } = await setUp();
		const actor = { id: null, localAreaId: made.area.id };
		const partnerId = newId();
		await db
			.insertInto('partners')
			.values({
				id: partnerId,
				localAreaId: made.area.id,
				name: 'Forum',
				kind: 'parent_carer_forum',
				createdAt: nowIso()
			})
			.execute();
		const created = await createAction(
			db,
			actor,
			{
				title: 'Listen better',
				description: 'Training',
				findingIds: [made.findings[0]!.id],
				partnerId,
				lead: 'Lead',
				startsOn: '2026-01-01',
				dueOn: '2026-12-31',
				status: 'not_started'
			},
			new Date('2026-01-01T12:00:00Z')
		);
		const actionId = created.ok ? created.actionId : '';
		await addStatusUpdate(
			db,
			actor,
			actionId,
			{ status: 'on_track', updatedOn: '2026-02-01', note: 'Started' },
			new Date('2026-02-01T12:00:00Z')
		);
		await addActivity(db, actor, {
			heldOn: '2026-01-10',
			title: 'Workshop',
			whatChanged: 'Questions',
			level: 'co_producing',
			partnerIds: [partnerId]
		});
		const pack = (await evidencePack(db, made.area.id))!;
		const [finding] = pack.findings;
		expect(finding!.actions.map((a) => [a.number, a.title, a.status])).toEqual([
			[1, 'Listen better', 'on_track']
		]);
		expect(finding!.actions[0]!.history.map((h) => [h.updatedOn, h.status, h.note])).toEqual([
			['2026-02-01', 'on_track', 'Started'],
			['2026-01-01', 'not_started', 'Added to the plan']
		]);
		expect(finding!.markers.map((m) => m.kind)).toEqual(['start']);
		expect(pack.coproduction.log.map((e) => [e.title, e.partners, e.level])).toEqual([
			['Workshop', ['Forum'], 'co_producing']
		]);
	});
});
