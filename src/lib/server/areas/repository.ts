/**
 * Local areas, their inspections and findings. Every query is keyed by the local area, so an id
 * from another area finds nothing (and the route answers 404).
 */
import type { Db } from '../db';
import type {
	Finding,
	FindingUpdate,
	Inspection,
	LocalArea,
	NewFinding,
	NewInspection
} from '../db/schema';

export async function getArea(db: Db, localAreaId: string): Promise<LocalArea | undefined> {
	return db.selectFrom('localAreas').selectAll().where('id', '=', localAreaId).executeTakeFirst();
}

export async function getAreaBySlug(db: Db, slug: string): Promise<LocalArea | undefined> {
	return db.selectFrom('localAreas').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function updateArea(
	db: Db,
	localAreaId: string,
	patch: Partial<Pick<LocalArea, 'name' | 'districts' | 'flagTerms' | 'minBase' | 'minCount'>>
): Promise<void> {
	await db.updateTable('localAreas').set(patch).where('id', '=', localAreaId).execute();
}

export async function listInspections(db: Db, localAreaId: string): Promise<Inspection[]> {
	return db
		.selectFrom('inspections')
		.selectAll()
		.where('localAreaId', '=', localAreaId)
		.orderBy('position')
		.orderBy('createdAt')
		.orderBy('id')
		.execute();
}

export async function getInspection(
	db: Db,
	localAreaId: string,
	id: string
): Promise<Inspection | undefined> {
	return db
		.selectFrom('inspections')
		.selectAll()
		.where('localAreaId', '=', localAreaId)
		.where('id', '=', id)
		.executeTakeFirst();
}

export async function insertInspection(db: Db, inspection: NewInspection): Promise<void> {
	await db.insertInto('inspections').values(inspection).execute();
}

export async function updateInspection(
	db: Db,
	localAreaId: string,
	id: string,
	patch: Partial<Omit<Inspection, 'id' | 'localAreaId' | 'createdAt'>>
): Promise<void> {
	await db
		.updateTable('inspections')
		.set(patch)
		.where('localAreaId', '=', localAreaId)
		.where('id', '=', id)
		.execute();
}

export async function listFindings(db: Db, localAreaId: string): Promise<Finding[]> {
	return db
		.selectFrom('findings')
		.selectAll()
		.where('localAreaId', '=', localAreaId)
		.orderBy('position')
		.orderBy('createdAt')
		.orderBy('id')
		.execute();
}

/** The area's findings with their inspection, in report order (archived ones included). */
export async function listFindingsInReportOrder(db: Db, areaId: string) {
	return db
		.selectFrom('findings')
		.innerJoin('inspections', 'inspections.id', 'findings.inspectionId')
		.select([
			'findings.id',
			'findings.code',
			'findings.title',
			'findings.kind',
			'findings.theme',
			'findings.archived',
			'inspections.kind as inspectionKind',
			'inspections.startsOn as inspectionStartsOn'
		])
		.where('findings.localAreaId', '=', areaId)
		.orderBy('inspections.position')
		.orderBy('findings.position')
		.execute();
}

export type AreaFinding = Awaited<ReturnType<typeof listFindingsInReportOrder>>[number];

export async function listFindingsOfInspection(
	db: Db,
	localAreaId: string,
	inspectionId: string
): Promise<Finding[]> {
	return db
		.selectFrom('findings')
		.selectAll()
		.where('localAreaId', '=', localAreaId)
		.where('inspectionId', '=', inspectionId)
		.orderBy('position')
		.orderBy('createdAt')
		.orderBy('id')
		.execute();
}

export async function getFinding(
	db: Db,
	localAreaId: string,
	id: string
): Promise<Finding | undefined> {
	return db
		.selectFrom('findings')
		.selectAll()
		.where('localAreaId', '=', localAreaId)
		.where('id', '=', id)
		.executeTakeFirst();
}

export async function findingCodeTaken(
	db: Db,
	inspectionId: string,
	code: string,
	exceptId: string | null
): Promise<boolean> {
	let query = db
		.selectFrom('findings')
		.select('id')
		.where('inspectionId', '=', inspectionId)
		.where('code', '=', code);
	if (exceptId) query = query.where('id', '!=', exceptId);
	return (await query.executeTakeFirst()) !== undefined;
}

export async function insertFinding(db: Db, finding: NewFinding): Promise<void> {
	await db.insertInto('findings').values(finding).execute();
}

export async function updateFinding(
	db: Db,
	localAreaId: string,
	id: string,
	patch: FindingUpdate
): Promise<void> {
	await db
		.updateTable('findings')
		.set(patch)
		.where('localAreaId', '=', localAreaId)
		.where('id', '=', id)
		.execute();
}

export async function deleteFinding(db: Db, localAreaId: string, id: string): Promise<void> {
	await db
		.deleteFrom('findings')
		.where('localAreaId', '=', localAreaId)
		.where('id', '=', id)
		.execute();
}

/** How many questions and comment themes point at a finding (any wave, any status). */
export async function countFindingLinks(db: Db, findingId: string): Promise<number> {
	const questions = await db
		.selectFrom('questionFindings')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('findingId', '=', findingId)
		.executeTakeFirstOrThrow();
	const themes = await db
		.selectFrom('commentThemeFindings')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('findingId', '=', findingId)
		.executeTakeFirstOrThrow();
	return Number(questions.n) + Number(themes.n);
}

/** Finding id → number of linked questions, for the whole area at once. */
export async function questionCountsByFinding(
	db: Db,
	localAreaId: string
): Promise<Map<string, number>> {
	const rows = await db
		.selectFrom('questionFindings')
		.innerJoin('findings', 'findings.id', 'questionFindings.findingId')
		.select(['questionFindings.findingId', (eb) => eb.fn.countAll<number>().as('n')])
		.where('findings.localAreaId', '=', localAreaId)
		.groupBy('questionFindings.findingId')
		.execute();
	return new Map(rows.map((r) => [r.findingId, Number(r.n)]));
}

export async function setInspectionPositions(db: Db, localAreaId: string, ids: string[]) {
	for (const [position, id] of ids.entries()) {
		await updateInspection(db, localAreaId, id, { position });
	}
}

export async function setFindingPositions(db: Db, localAreaId: string, ids: string[]) {
	for (const [position, id] of ids.entries()) {
		await updateFinding(db, localAreaId, id, { position });
	}
}

/** The follow-up dates of the area's inspections still in use (for the next milestone). */
export async function listInspectionDates(db: Db, localAreaId: string) {
	return db
		.selectFrom('inspections')
		.select(['id', 'kind', 'framework', 'startsOn', 'planDueOn', 'monitoringOn', 'nextFullOn'])
		.where('localAreaId', '=', localAreaId)
		.where('archived', '=', 0)
		.execute();
}
