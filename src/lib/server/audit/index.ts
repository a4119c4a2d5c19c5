/**
 * Append-only audit events: who did what to which thing, and when. Never respondent data.
 * There is no update or delete here on purpose.
 */
import type { Db } from '../db';
import { nowIso } from '../db';
import { newId } from '../ids';

export interface AuditInput {
	localAreaId: string | null;
	userId: string | null;
	action: string;
	subjectType?: string | null;
	subjectId?: string | null;
	detail?: Record<string, unknown> | null;
}

export async function recordEvent(db: Db, event: AuditInput): Promise<void> {
	await db
		.insertInto('auditEvents')
		.values({
			id: newId(),
			localAreaId: event.localAreaId,
			userId: event.userId,
			action: event.action,
			subjectType: event.subjectType ?? null,
			subjectId: event.subjectId ?? null,
			detail: event.detail ? JSON.stringify(event.detail) : null,
			createdAt: nowIso()
		})
		.execute();
}

/** Who did something: a signed-in user, or a command-line tool (no user), in one local area. */
export interface Actor {
	id: string | null;
	localAreaId: string;
}

/** What an actor did to one subject (a finding, a survey, a user …) in their own area. */
export async function recordAction(
	db: Db,
	actor: Actor,
	action: string,
	subjectType: string,
	subjectId: string | null,
	detail?: Record<string, unknown>
): Promise<void> {
	await recordEvent(db, {
		localAreaId: actor.localAreaId,
		userId: actor.id,
		action,
		subjectType,
		subjectId,
		detail: detail ?? null
	});
}

export async function listEvents(db: Db, localAreaId: string, limit = 200, offset = 0) {
	return db
		.selectFrom('auditEvents')
		.leftJoin('users', 'users.id', 'auditEvents.userId')
		.select([
			'auditEvents.id',
			'auditEvents.action',
			'auditEvents.subjectType',
			'auditEvents.subjectId',
			'auditEvents.detail',
			'auditEvents.createdAt',
			'users.email as userEmail'
		])
		.where('auditEvents.localAreaId', '=', localAreaId)
		.orderBy('auditEvents.createdAt', 'desc')
		.limit(limit)
		.offset(offset)
		.execute();
}

/** One page of an area's events, newest first, optionally of one action, with the total. */
export async function pageEvents(
	db: Db,
	localAreaId: string,
	options: { action?: string | null; limit: number; offset: number }
) {
	let base = db.selectFrom('auditEvents').where('auditEvents.localAreaId', '=', localAreaId);
	if (options.action) base = base.where('auditEvents.action', '=', options.action);
	const total = await base
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	const events = await base
		.leftJoin('users', 'users.id', 'auditEvents.userId')
		.select([
			'auditEvents.id',
			'auditEvents.action',
			'auditEvents.subjectType',
			'auditEvents.subjectId',
			'auditEvents.detail',
			'auditEvents.createdAt',
			'users.email as userEmail'
		])
		.orderBy('auditEvents.createdAt', 'desc')
		.orderBy('auditEvents.id')
		.limit(options.limit)
		.offset(options.offset)
		.execute();
	return { events, total: Number(total.n) };
}

/** The actions that occur in an area's log, for a filter list. */
export async function listActions(db: Db, localAreaId: string): Promise<string[]> {
	const rows = await db
		.selectFrom('auditEvents')
		.select('action')
		.distinct()
		.where('localAreaId', '=', localAreaId)
		.orderBy('action')
		.execute();
	return rows.map((r) => r.action);
}
