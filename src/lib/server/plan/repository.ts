/**
 * The plan's queries: partners, actions, their finding links and status updates. Every read is
 * keyed by the local area, so another area's id finds nothing (and the route answers 404).
 */
import type { Db } from '../db';
import type { Action, ActionStatus, Partner, PartnerKind } from '../db/schema';

// Partners

export async function listPartners(db: Db, areaId: string): Promise<Partner[]> {
	return db
		.selectFrom('partners')
		.selectAll()
		.where('localAreaId', '=', areaId)
		.orderBy('name')
		.execute();
}

export async function getPartner(db: Db, areaId: string, id: string): Promise<Partner | undefined> {
	return db
		.selectFrom('partners')
		.selectAll()
		.where('localAreaId', '=', areaId)
		.where('id', '=', id)
		.executeTakeFirst();
}

export async function insertPartner(db: Db, partner: Partner): Promise<void> {
	await db.insertInto('partners').values(partner).execute();
}

export async function updatePartner(
	db: Db,
	areaId: string,
	id: string,
	patch: { name: string; kind: PartnerKind }
): Promise<void> {
	await db
		.updateTable('partners')
		.set(patch)
		.where('localAreaId', '=', areaId)
		.where('id', '=', id)
		.execute();
}

/** Partner id → how many actions it owns. */
export async function actionCountsByPartner(db: Db, areaId: string): Promise<Map<string, number>> {
	const rows = await db
		.selectFrom('actions')
		.select(['partnerId', (eb) => eb.fn.countAll<number>().as('n')])
		.where('localAreaId', '=', areaId)
		.groupBy('partnerId')
		.execute();
	return new Map(rows.map((r) => [r.partnerId, Number(r.n)]));
}

// Actions

export async function listActions(db: Db, areaId: string): Promise<Action[]> {
	return db
		.selectFrom('actions')
		.selectAll()
		.where('localAreaId', '=', areaId)
		.orderBy('dueOn')
		.orderBy('title')
		.orderBy('id')
		.execute();
}

export async function getAction(db: Db, areaId: string, id: string): Promise<Action | undefined> {
	return db
		.selectFrom('actions')
		.selectAll()
		.where('localAreaId', '=', areaId)
		.where('id', '=', id)
		.executeTakeFirst();
}

export async function insertAction(db: Db, action: Action): Promise<void> {
	await db.insertInto('actions').values(action).execute();
}

export async function updateAction(
	db: Db,
	areaId: string,
	id: string,
	patch: Pick<Action, 'title' | 'description' | 'partnerId' | 'lead' | 'startsOn' | 'dueOn'>
): Promise<void> {
	await db
		.updateTable('actions')
		.set(patch)
		.where('localAreaId', '=', areaId)
		.where('id', '=', id)
		.execute();
}

/** Action id → the findings it addresses, for every action of the area. */
export async function listActionFindings(db: Db, areaId: string): Promise<Map<string, string[]>> {
	const rows = await db
		.selectFrom('actionFindings')
		.innerJoin('actions', 'actions.id', 'actionFindings.actionId')
		.select(['actionFindings.actionId', 'actionFindings.findingId'])
		.where('actions.localAreaId', '=', areaId)
		.execute();
	const links = new Map<string, string[]>();
	for (const r of rows) links.set(r.actionId, [...(links.get(r.actionId) ?? []), r.findingId]);
	return links;
}

export async function setActionFindings(
	db: Db,
	actionId: string,
	findingIds: readonly string[]
): Promise<void> {
	await db.deleteFrom('actionFindings').where('actionId', '=', actionId).execute();
	if (findingIds.length > 0)
		await db
			.insertInto('actionFindings')
			.values(findingIds.map((findingId) => ({ actionId, findingId })))
			.execute();
}

export interface UpdateRow {
	id: string;
	actionId: string;
	status: ActionStatus;
	note: string;
	updatedOn: string;
	createdAt: string;
	createdBy: string | null;
	authorName: string | null;
}

/** Every status update of the area's actions (or of one action), oldest first. */
export async function listUpdates(
	db: Db,
	areaId: string,
	actionId: string | null = null
): Promise<UpdateRow[]> {
	let query = db
		.selectFrom('actionUpdates')
		.innerJoin('actions', 'actions.id', 'actionUpdates.actionId')
		.leftJoin('users', 'users.id', 'actionUpdates.createdBy')
		.select([
			'actionUpdates.id',
			'actionUpdates.actionId',
			'actionUpdates.status',
			'actionUpdates.note',
			'actionUpdates.updatedOn',
			'actionUpdates.createdAt',
			'actionUpdates.createdBy',
			'users.name as authorName'
		])
		.where('actions.localAreaId', '=', areaId);
	if (actionId) query = query.where('actions.id', '=', actionId);
	return query.orderBy('actionUpdates.updatedOn').orderBy('actionUpdates.createdAt').execute();
}

export async function insertUpdate(
	db: Db,
	update: {
		id: string;
		actionId: string;
		status: ActionStatus;
		note: string;
		updatedOn: string;
		createdAt: string;
		createdBy: string | null;
	}
): Promise<void> {
	await db.insertInto('actionUpdates').values(update).execute();
}

/** The area's waves with their dates, in order, for placing actions on a trend's axis. */
export async function listWaveDates(db: Db, areaId: string) {
	return db
		.selectFrom('waves')
		.select(['id', 'name', 'startsOn', 'endsOn'])
		.where('localAreaId', '=', areaId)
		.orderBy('position')
		.orderBy('startsOn')
		.execute();
}
