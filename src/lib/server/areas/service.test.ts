import { describe, expect, it } from 'vitest';
import { moveInList } from '../ordering';
import { createTestDb } from '$testing/db';
import { makeArea, makeInspectionWithFindings, makeSurvey } from '$testing/fixtures';
import type { Db } from '../db';
import { findingSchema, settingsSchema } from './input';
import { getFinding, getInspection, listFindingsOfInspection } from './repository';
import {
	addFinding,
	addInspection,
	canDeleteFinding,
	editFinding,
	editInspection,
	getSettings,
	inspectionsWithFindings,
	moveFinding,
	moveInspection,
	removeFinding,
	setFindingArchived,
	updateSettings
} from './service';

async function setup() {
	const db = await createTestDb();
	const area = await makeArea(db, 'area-a');
	const other = await makeArea(db, 'area-b');
	const mine = await makeInspectionWithFindings(db, area.id, ['COPR', 'EHCQ', 'HLTH']);
	const theirs = await makeInspectionWithFindings(db, other.id, ['COPR']);
	const actor = { id: null, localAreaId: area.id };
	return { db, area, other, mine, theirs, actor };
}

const actions = async (db: Db) =>
	(await db.selectFrom('auditEvents').select('action').orderBy('createdAt').execute()).map(
		(e) => e.action
	);

const findingInput = (inspectionId: string, code = 'N1') =>
	findingSchema.parse({
		inspectionId,
		kind: 'significant_weakness',
		code,
		title: 'Families wait too long for therapy',
		detail: '',
		theme: 'HLTH'
	});

describe('moveInList', () => {
	it('swaps with the neighbour and ignores moves off either end', () => {
		expect(moveInList(['a', 'b', 'c'], 'b', 'up')).toEqual(['b', 'a', 'c']);
		expect(moveInList(['a', 'b', 'c'], 'b', 'down')).toEqual(['a', 'c', 'b']);
		expect(moveInList(['a', 'b', 'c'], 'a', 'up')).toEqual(['a', 'b', 'c']);
		expect(moveInList(['a', 'b', 'c'], 'c', 'down')).toEqual(['a', 'b', 'c']);
		expect(moveInList(['a', 'b'], 'x', 'up')).toEqual(['a', 'b']);
	});
});

describe('findings', () => {
	it('adds a finding at the end of its inspection and audits it', async () => {
		const { db, mine, actor } = await setup();
		const result = await addFinding(db, actor, findingInput(mine.inspectionId));
		expect(result.ok).toBe(true);
		const list = await listFindingsOfInspection(db, actor.localAreaId, mine.inspectionId);
		expect(list.map((f) => f.code)).toEqual(['F1', 'F2', 'F3', 'N1']);
		expect(await actions(db)).toEqual(['finding_created']);
	});

	it('refuses a code already used in the same inspection', async () => {
		const { db, mine, actor } = await setup();
		const result = await addFinding(db, actor, findingInput(mine.inspectionId, 'F2'));
		expect(result).toEqual({
			ok: false,
			errors: { code: 'Another finding of this inspection already has that code' }
		});
		expect(await actions(db)).toEqual([]);
	});

	it('will not add a finding to another area’s inspection', async () => {
		const { db, theirs, actor } = await setup();
		const result = await addFinding(db, actor, findingInput(theirs.inspectionId));
		expect(result.ok).toBe(false);
		expect(
			await listFindingsOfInspection(db, theirs.findings[0]!.localAreaId, theirs.inspectionId)
		).toHaveLength(1);
	});

	it('edits a finding and records what changed', async () => {
		const { db, mine, actor } = await setup();
		const id = mine.findings[0]!.id;
		const result = await editFinding(db, actor, id, {
			...findingInput(mine.inspectionId, 'F1'),
			title: 'A better title'
		});
		expect(result?.ok).toBe(true);
		expect((await getFinding(db, actor.localAreaId, id))?.title).toBe('A better title');
		const event = await db.selectFrom('auditEvents').selectAll().executeTakeFirstOrThrow();
		expect(event.action).toBe('finding_updated');
		expect(JSON.parse(event.detail!).title.to).toBe('A better title');
	});

	it('orders findings by moving one step up or down', async () => {
		const { db, mine, actor } = await setup();
		const [f1, f2, f3] = mine.findings.map((f) => f.id);
		await moveFinding(db, actor, f3!, 'up');
		const codes = async () =>
			(await listFindingsOfInspection(db, actor.localAreaId, mine.inspectionId)).map((f) => f.code);
		expect(await codes()).toEqual(['F1', 'F3', 'F2']);
		await moveFinding(db, actor, f1!, 'down');
		expect(await codes()).toEqual(['F3', 'F1', 'F2']);
		await moveFinding(db, actor, f2!, 'down');
		expect(await codes()).toEqual(['F3', 'F1', 'F2']);
		expect(await actions(db)).toEqual(['finding_moved', 'finding_moved', 'finding_moved']);
	});

	it('archives and unarchives', async () => {
		const { db, mine, actor } = await setup();
		const id = mine.findings[0]!.id;
		await setFindingArchived(db, actor, id, true);
		expect((await getFinding(db, actor.localAreaId, id))?.archived).toBe(1);
		await setFindingArchived(db, actor, id, false);
		expect((await getFinding(db, actor.localAreaId, id))?.archived).toBe(0);
		expect(await actions(db)).toEqual(['finding_archived', 'finding_unarchived']);
	});

	it('deletes an unlinked finding', async () => {
		const { db, mine, actor } = await setup();
		const id = mine.findings[0]!.id;
		expect(await canDeleteFinding(db, actor.localAreaId, id)).toBe(true);
		expect(await removeFinding(db, actor, id)).toEqual({ ok: true });
		expect(await getFinding(db, actor.localAreaId, id)).toBeUndefined();
		expect(await actions(db)).toEqual(['finding_deleted']);
	});

	it('cannot delete a finding that a question links to, only archive it', async () => {
		const { db, area, mine, actor } = await setup();
		const id = mine.findings[0]!.id;
		const survey = await makeSurvey(db, area.id);
		await db
			.insertInto('questionFindings')
			.values({ questionId: survey.questions[0]!.id, findingId: id })
			.execute();
		expect(await canDeleteFinding(db, actor.localAreaId, id)).toBe(false);
		const result = await removeFinding(db, actor, id);
		expect(result?.ok).toBe(false);
		expect(await getFinding(db, actor.localAreaId, id)).toBeDefined();
		expect(await actions(db)).toEqual([]);
		const withCounts = await inspectionsWithFindings(db, area.id);
		expect(withCounts[0]!.findings[0]!.questionCount).toBe(1);
	});

	it('finds nothing of another area: every call returns undefined and changes nothing', async () => {
		const { db, other, theirs, actor } = await setup();
		const id = theirs.findings[0]!.id;
		const before = await getFinding(db, other.id, id);
		expect(await getFinding(db, actor.localAreaId, id)).toBeUndefined();
		expect(
			await editFinding(db, actor, id, findingInput(theirs.inspectionId, 'F1'))
		).toBeUndefined();
		expect(await setFindingArchived(db, actor, id, true)).toBeUndefined();
		expect(await moveFinding(db, actor, id, 'down')).toBeUndefined();
		expect(await removeFinding(db, actor, id)).toBeUndefined();
		expect(await canDeleteFinding(db, actor.localAreaId, id)).toBeUndefined();
		expect(await getFinding(db, other.id, id)).toEqual(before);
		expect(await actions(db)).toEqual([]);
	});
});

describe('inspections', () => {
	it('adds, edits, orders and keeps other areas apart', async () => {
		const { db, area, other, mine, theirs, actor } = await setup();
		const input = {
			kind: 'revisit' as const,
			framework: null,
			startsOn: '2023-05-22',
			endsOn: '2023-05-26',
			outcome: null,
			outcomeKind: null,
			planDueOn: null,
			monitoringOn: null,
			nextFullOn: null
		};
		const added = await addInspection(db, actor, input);
		expect(added.position).toBe(1);
		await moveInspection(db, actor, added.id, 'up');
		const order = (await inspectionsWithFindings(db, area.id)).map((i) => i.id);
		expect(order).toEqual([added.id, mine.inspectionId]);
		expect(
			await editInspection(db, actor, added.id, { ...input, outcome: 'Improved' })
		).toBeDefined();
		expect((await getInspection(db, area.id, added.id))?.outcome).toBe('Improved');

		expect(await editInspection(db, actor, theirs.inspectionId, input)).toBeUndefined();
		expect(await moveInspection(db, actor, theirs.inspectionId, 'up')).toBeUndefined();
		expect((await getInspection(db, other.id, theirs.inspectionId))?.kind).toBe('initial');
		expect(await actions(db)).toEqual([
			'inspection_created',
			'inspection_moved',
			'inspection_updated'
		]);
	});
});

describe('settings', () => {
	const form = (values: Partial<Record<string, string>>) => ({
		name: 'Area A',
		districts: 'North\r\n South \n\nNorth\nEast',
		flagTerms: 'Greenfield Academy',
		minBase: '10',
		minCount: '5',
		...values
	});

	it('parses one entry a line, without blanks or repeats', () => {
		const parsed = settingsSchema.parse(form({}));
		expect(parsed.districts).toEqual(['North', 'South', 'East']);
		expect(parsed.minBase).toBe(10);
	});

	it('may raise the thresholds but never below 10 and 5', () => {
		expect(settingsSchema.safeParse(form({ minBase: '30', minCount: '10' })).success).toBe(true);
		const low = settingsSchema.safeParse(form({ minBase: '9', minCount: '4' }));
		expect(low.success).toBe(false);
		expect(low.error?.issues.map((i) => i.message)).toEqual([
			'The smallest base for a percentage must be 10 or more',
			'The smallest count shown must be 5 or more'
		]);
		expect(settingsSchema.safeParse(form({ minBase: '12.5' })).success).toBe(false);
	});

	it('saves and audits the change', async () => {
		const { db, area, actor } = await setup();
		await updateSettings(db, actor, settingsSchema.parse(form({ minBase: '20' })));
		const settings = await getSettings(db, area.id);
		expect(settings).toMatchObject({
			name: 'Area A',
			minBase: 20,
			districts: ['North', 'South', 'East']
		});
		const event = await db.selectFrom('auditEvents').selectAll().executeTakeFirstOrThrow();
		expect(event.action).toBe('area_settings_updated');
		expect(JSON.parse(event.detail!).minBase).toEqual({ from: 10, to: 20 });
	});
});
