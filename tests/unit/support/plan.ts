/** Test support for the plan: an area with findings L1–L3 and two partners, and an actor in it. */
import { nowIso, type Db } from '$lib/server/db';
import { newId } from '$lib/server/ids';
import { makeArea, makeInspectionWithFindings } from './fixtures';

export async function makePlanArea(db: Db) {
	const area = await makeArea(db);
	const { inspectionId, findings } = await makeInspectionWithFindings(db, area.id, [
		'COPR',
		'EHCQ',
		'HLTH'
	]);
	for (const [i, f] of findings.entries())
		await db
			.updateTable('findings')
			.set({ code: `L${i + 1}` })
			.where('id', '=', f.id)
			.execute();
	const partners = [
		{ id: newId(), localAreaId: area.id, name: 'County Council', kind: 'council' as const },
		{
			id: newId(),
			localAreaId: area.id,
			name: 'Parent Carer Forum',
			kind: 'parent_carer_forum' as const
		}
	];
	await db
		.insertInto('partners')
		.values(partners.map((p) => ({ ...p, createdAt: nowIso() })))
		.execute();
	return {
		area,
		inspectionId,
		findings: findings.map((f, i) => ({ ...f, code: `L${i + 1}` })),
		partners,
		actor: { id: null, localAreaId: area.id }
	};
}

export async function auditActions(db: Db, areaId: string): Promise<string[]> {
	const rows = await db
		.selectFrom('auditEvents')
		.select('action')
		.where('localAreaId', '=', areaId)
		.orderBy('createdAt')
		.execute();
	return rows.map((r) => r.action);
}
