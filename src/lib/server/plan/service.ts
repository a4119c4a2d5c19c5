/**
 * Changing the improvement plan: actions linked to findings and owned by a partner, each with a
 * dated history of status updates (the reads are in view.ts). Rules: every write is scoped to the
 * actor's local area; an action addresses at least one of the area's findings (not an archived
 * one, when linking); a new action starts with a status update; updates are never dated in the
 * future; every change is audited.
 */
import { recordAction, type Actor } from '../audit';
import { listFindingsInReportOrder } from '../areas/repository';
import { inTransaction, nowIso, today as todayOf, type Db } from '../db';
import type { Action } from '../db/schema';
import type { FormErrors } from '../forms';
import { newId } from '../ids';
import type { ActionInput, NewActionInput, StatusUpdateInput } from './input';
import * as repo from './repository';

type Outcome<T = object> = ({ ok: true } & T) | { ok: false; errors: FormErrors };

/** The findings an action may be linked to: this area's, not archived (unless already linked). */
async function findingProblem(
	db: Db,
	areaId: string,
	findingIds: readonly string[],
	keep: readonly string[] = []
): Promise<FormErrors | null> {
	const findings = await listFindingsInReportOrder(db, areaId);
	const allowed = new Set(
		findings.filter((f) => f.archived === 0 || keep.includes(f.id)).map((f) => f.id)
	);
	if (findingIds.some((id) => !allowed.has(id)))
		return { findingIds: 'Choose findings from the list' };
	return null;
}

async function partnerProblem(db: Db, areaId: string, partnerId: string) {
	return (await repo.getPartner(db, areaId, partnerId))
		? null
		: { partnerId: 'Choose a partner from the list' };
}

export async function createAction(
	db: Db,
	actor: Actor,
	input: NewActionInput,
	now = new Date()
): Promise<Outcome<{ actionId: string }>> {
	return inTransaction(db, async (trx) => {
		const problem =
			(await findingProblem(trx, actor.localAreaId, input.findingIds)) ??
			(await partnerProblem(trx, actor.localAreaId, input.partnerId));
		if (problem) return { ok: false, errors: problem };
		const id = await storeAction(trx, actor, input, 'Added to the plan', now);
		await recordAction(trx, actor, 'action_created', 'action', id, {
			title: input.title,
			status: input.status
		});
		return { ok: true, actionId: id };
	});
}

/** Inserts an action, its links and its first status update (no audit: callers audit). */
export async function storeAction(
	db: Db,
	actor: Actor,
	input: NewActionInput,
	note: string,
	now: Date
): Promise<string> {
	const id = newId();
	await repo.insertAction(db, {
		id,
		localAreaId: actor.localAreaId,
		title: input.title,
		description: input.description,
		partnerId: input.partnerId,
		lead: input.lead,
		startsOn: input.startsOn,
		dueOn: input.dueOn,
		createdAt: nowIso(now)
	});
	await repo.setActionFindings(db, id, [...new Set(input.findingIds)]);
	await repo.insertUpdate(db, {
		id: newId(),
		actionId: id,
		status: input.status,
		note,
		updatedOn: todayOf(now),
		createdAt: nowIso(now),
		createdBy: actor.id
	});
	return id;
}

/** Changes an action's details and findings. Undefined: no such action in this area. */
export async function editAction(
	db: Db,
	actor: Actor,
	actionId: string,
	input: ActionInput
): Promise<Outcome | undefined> {
	return inTransaction(db, async (trx) => {
		const action = await repo.getAction(trx, actor.localAreaId, actionId);
		if (!action) return undefined;
		const linked = (await repo.listActionFindings(trx, actor.localAreaId)).get(actionId) ?? [];
		const problem =
			(await findingProblem(trx, actor.localAreaId, input.findingIds, linked)) ??
			(await partnerProblem(trx, actor.localAreaId, input.partnerId));
		if (problem) return { ok: false, errors: problem };
		const { findingIds, ...details } = input;
		await repo.updateAction(trx, actor.localAreaId, actionId, details);
		await repo.setActionFindings(trx, actionId, [...new Set(findingIds)]);
		const changed: Record<string, unknown> = {};
		for (const [key, value] of Object.entries(details))
			if (action[key as keyof Action] !== value)
				changed[key] = { from: action[key as keyof Action], to: value };
		if ([...linked].sort().join() !== [...new Set(findingIds)].sort().join())
			changed.findingIds = { from: linked, to: findingIds };
		await recordAction(trx, actor, 'action_updated', 'action', actionId, changed);
		return { ok: true };
	});
}

/** Adds a dated status update with its note. Undefined: no such action in this area. */
export async function addStatusUpdate(
	db: Db,
	actor: Actor,
	actionId: string,
	input: StatusUpdateInput,
	now = new Date()
): Promise<Outcome | undefined> {
	return inTransaction(db, async (trx) => {
		const action = await repo.getAction(trx, actor.localAreaId, actionId);
		if (!action) return undefined;
		if (input.updatedOn > todayOf(now))
			return {
				ok: false,
				errors: { updatedOn: 'The date of the update must be today or earlier' }
			};
		await repo.insertUpdate(trx, {
			id: newId(),
			actionId,
			status: input.status,
			note: input.note,
			updatedOn: input.updatedOn,
			createdAt: nowIso(now),
			createdBy: actor.id
		});
		await recordAction(trx, actor, 'action_status_updated', 'action', actionId, {
			status: input.status,
			updatedOn: input.updatedOn
		});
		return { ok: true };
	});
}
