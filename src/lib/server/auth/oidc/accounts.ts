/**
 * Which Heard account a council sign-in is, by these rules, in order:
 * 1. The email must be present, verified by the provider, and in one of the area's domains —
 *    on every sign-in, so narrowing the domains shuts out those no longer listed.
 * 2. A subject already linked at this issuer is that account (the email may have changed since).
 * 3. Otherwise the account with that email, which is then linked to the subject — unless it is
 *    in another area, or already linked to a different subject here (an email address handed on
 *    to someone new must not open its old holder's account).
 * 4. Otherwise, if the area allows it, a new account with the role the admin chose and no
 *    password; if not, refused.
 * An account that is disabled, or an inspector's that has ended, is refused, and not linked.
 */
import { recordAction } from '../../audit';
import { inTransaction, nowIso, type Db } from '../../db';
import type { NewAccountRole, User } from '../../db/schema';
import { newId } from '../../ids';
import { findUserByEmail, insertUser } from '../../users/repository';
import { accountIsActive } from '../session';
import { isAllowedDomain } from './domains';
import type { Identity } from './identity';
import type { FailureReason } from './reasons';
import { findUserBySubject, insertIdentity, subjectOf } from './repository';

export interface AreaRules {
	localAreaId: string;
	domains: readonly string[];
	newAccountRole: NewAccountRole | null;
}

export type MatchedBy = 'subject' | 'email' | 'created';

export type MatchOutcome =
	| { ok: true; user: User; matchedBy: MatchedBy }
	| { ok: false; reason: FailureReason; user?: User };

const MAX_NAME = 120;

function inactive(user: User, now: Date): MatchOutcome | null {
	if (accountIsActive(user, now)) return null;
	return { ok: false, reason: user.disabledAt ? 'disabled' : 'expired', user };
}

export async function matchAccount(
	db: Db,
	area: AreaRules,
	identity: Identity,
	now = new Date()
): Promise<MatchOutcome> {
	if (!identity.email) return { ok: false, reason: 'no_email' };
	if (!identity.emailVerified) return { ok: false, reason: 'email_unverified' };
	if (!isAllowedDomain(identity.email, area.domains))
		return { ok: false, reason: 'domain_not_allowed' };

	const bySubject = await findUserBySubject(db, identity.issuer, identity.subject);
	if (bySubject) {
		if (bySubject.localAreaId !== area.localAreaId) return { ok: false, reason: 'other_area' };
		return inactive(bySubject, now) ?? { ok: true, user: bySubject, matchedBy: 'subject' };
	}

	const byEmail = await findUserByEmail(db, identity.email);
	if (byEmail) {
		if (byEmail.localAreaId !== area.localAreaId) return { ok: false, reason: 'other_area' };
		if ((await subjectOf(db, byEmail.id, identity.issuer)) !== undefined)
			return { ok: false, reason: 'linked_to_other', user: byEmail };
		const refused = inactive(byEmail, now);
		if (refused) return refused;
		await inTransaction(db, async (trx) => {
			await link(trx, byEmail, identity, now);
		});
		return { ok: true, user: byEmail, matchedBy: 'email' };
	}

	if (!area.newAccountRole) return { ok: false, reason: 'no_account' };
	const user: User = {
		id: newId(),
		localAreaId: area.localAreaId,
		email: identity.email,
		name: (identity.name ?? identity.email.split('@')[0]!).slice(0, MAX_NAME),
		role: area.newAccountRole,
		partnerId: null,
		// No password: this account signs in through the council only.
		passwordHash: null,
		canExportRows: 0,
		expiresOn: null,
		disabledAt: null,
		createdAt: nowIso(now)
	};
	await inTransaction(db, async (trx) => {
		await insertUser(trx, user);
		// The system acts here, not a person: no user id, as for the command line.
		await recordAction(
			trx,
			{ id: null, localAreaId: area.localAreaId },
			'user_created',
			'user',
			user.id,
			{
				email: user.email,
				role: user.role,
				method: 'oidc'
			}
		);
		await link(trx, user, identity, now);
	});
	return { ok: true, user, matchedBy: 'created' };
}

async function link(db: Db, user: User, identity: Identity, now: Date): Promise<void> {
	await insertIdentity(db, {
		issuer: identity.issuer,
		subject: identity.subject,
		userId: user.id,
		createdAt: nowIso(now)
	});
	await recordAction(
		db,
		{ id: user.id, localAreaId: user.localAreaId },
		'identity_linked',
		'user',
		user.id,
		{ issuer: identity.issuer }
	);
}
