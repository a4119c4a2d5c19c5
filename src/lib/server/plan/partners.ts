/**
 * The area's partners: the organisations of its SEND partnership that own actions, take part in
 * co-production and sign off questionnaires. Names are unique within an area (an import matches
 * a plan's "partner" column by name); every change is audited.
 */
import { recordAction, type Actor } from '../audit';
import { inTransaction, nowIso, type Db } from '../db';
import type { Partner } from '../db/schema';
import type { FormErrors } from '../forms';
import { newId } from '../ids';
import type { PartnerInput } from './input';
import * as repo from './repository';

type Outcome<T = object> = ({ ok: true } & T) | { ok: false; errors: FormErrors };

export async function partnersPage(db: Db, areaId: string) {
	const [partners, counts] = await Promise.all([
		repo.listPartners(db, areaId),
		repo.actionCountsByPartner(db, areaId)
	]);
	return partners.map((p) => ({ ...p, actions: counts.get(p.id) ?? 0 }));
}

async function nameTaken(db: Db, areaId: string, name: string, exceptId: string | null) {
	const same = (await repo.listPartners(db, areaId)).find(
		(p) => p.name.toLowerCase() === name.toLowerCase() && p.id !== exceptId
	);
	return same ? { name: `There is already a partner called “${same.name}”` } : null;
}

export async function addPartner(
	db: Db,
	actor: Actor,
	input: PartnerInput,
	now = new Date()
): Promise<Outcome<{ partner: Partner }>> {
	return inTransaction(db, async (trx) => {
		const taken = await nameTaken(trx, actor.localAreaId, input.name, null);
		if (taken) return { ok: false, errors: taken };
		const partner: Partner = {
			id: newId(),
			localAreaId: actor.localAreaId,
			name: input.name,
			kind: input.kind,
			createdAt: nowIso(now)
		};
		await repo.insertPartner(trx, partner);
		await recordAction(trx, actor, 'partner_created', 'partner', partner.id, { ...input });
		return { ok: true, partner };
	});
}

/** Renames a partner or changes its kind. Undefined: no such partner in this area. */
export async function editPartner(
	db: Db,
	actor: Actor,
	partnerId: string,
	input: PartnerInput
): Promise<Outcome | undefined> {
	return inTransaction(db, async (trx) => {
		const partner = await repo.getPartner(trx, actor.localAreaId, partnerId);
		if (!partner) return undefined;
		const taken = await nameTaken(trx, actor.localAreaId, input.name, partnerId);
		if (taken) return { ok: false, errors: taken };
		await repo.updatePartner(trx, actor.localAreaId, partnerId, input);
		await recordAction(trx, actor, 'partner_updated', 'partner', partnerId, {
			from: { name: partner.name, kind: partner.kind },
			to: input
		});
		return { ok: true };
	});
}
