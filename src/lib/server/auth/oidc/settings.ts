/**
 * An admin's council sign-in settings for their own area. Every change is audited with what it
 * changed, never the client secret's value (only whether it was replaced). The secret is sealed
 * under the server secret before it reaches the database.
 *
 * Password sign-in can be turned off only by an admin who has already signed in once through
 * the provider as now configured: a typing mistake in the issuer or the client then cannot lock
 * the whole area out.
 */
import { clientSecretContext } from './provider';
import { recordAction, type Actor } from '../../audit';
import { inTransaction, nowIso, type Db } from '../../db';
import type { NewAccountRole } from '../../db/schema';
import type { FormErrors } from '../../forms';
import { seal } from '../../secret';
import type { SignInSettingsInput } from './input';
import {
	deleteAreaSignIn,
	getAreaSignIn,
	putAreaSignIn,
	subjectOf,
	type AreaSignInRow
} from './repository';

export interface SignInSettingsView {
	enabled: boolean;
	issuer: string;
	clientId: string;
	/** Whether a secret is saved; its value never leaves the server. */
	hasSecret: boolean;
	domains: string[];
	newAccountRole: NewAccountRole | null;
	passwordSignIn: boolean;
	updatedAt: string;
}

type Outcome = { ok: true } | { ok: false; errors: FormErrors };

export async function getSignInSettings(
	db: Db,
	localAreaId: string
): Promise<SignInSettingsView | null> {
	const row = await getAreaSignIn(db, localAreaId);
	return row ? viewOf(row) : null;
}

function viewOf(row: AreaSignInRow): SignInSettingsView {
	return {
		enabled: row.enabled === 1,
		issuer: row.issuer,
		clientId: row.clientId,
		hasSecret: row.clientSecretSealed !== '',
		domains: row.domains,
		newAccountRole: row.newAccountRole,
		passwordSignIn: row.passwordSignIn === 1,
		updatedAt: row.updatedAt
	};
}

export async function saveSignInSettings(
	db: Db,
	actor: Actor,
	input: SignInSettingsInput,
	now = new Date()
): Promise<Outcome> {
	const existing = await getAreaSignIn(db, actor.localAreaId);
	const before = existing ? viewOf(existing) : null;
	const sealed = input.clientSecret
		? seal(input.clientSecret, clientSecretContext(actor.localAreaId))
		: existing?.clientSecretSealed;
	if (!sealed)
		return {
			ok: false,
			errors: { clientSecret: 'Enter the client secret your identity provider gave Heard' }
		};
	if (!input.passwordSignIn) {
		const linked = actor.id ? await subjectOf(db, actor.id, input.issuer) : undefined;
		if (linked === undefined)
			return {
				ok: false,
				errors: {
					passwordSignIn:
						'Before turning password sign-in off, save these settings with it on and sign in once with your council account, so you know council sign-in works'
				}
			};
	}
	const after: Omit<SignInSettingsView, 'hasSecret' | 'updatedAt'> = {
		enabled: input.enabled,
		issuer: input.issuer,
		clientId: input.clientId,
		domains: [...input.domains].sort(),
		newAccountRole: input.newAccountRole,
		passwordSignIn: input.passwordSignIn
	};
	const changed: string[] = (Object.keys(after) as (keyof typeof after)[]).filter(
		(key) => !before || JSON.stringify(before[key]) !== JSON.stringify(after[key])
	);
	if (input.clientSecret) changed.push('clientSecret');

	await inTransaction(db, async (trx) => {
		await putAreaSignIn(
			trx,
			{
				localAreaId: actor.localAreaId,
				enabled: after.enabled ? 1 : 0,
				issuer: after.issuer,
				clientId: after.clientId,
				clientSecretSealed: sealed,
				newAccountRole: after.newAccountRole,
				passwordSignIn: after.passwordSignIn ? 1 : 0,
				updatedAt: nowIso(now)
			},
			after.domains
		);
		await recordAction(trx, actor, 'sign_in_settings_changed', 'local_area', actor.localAreaId, {
			...after,
			// Whether the secret was replaced, never what it is.
			clientSecret: input.clientSecret ? 'replaced' : 'kept',
			changed
		});
	});
	return { ok: true };
}

/** Removes council sign-in from the area: everyone signs in with a password again. */
export async function removeSignInSettings(db: Db, actor: Actor): Promise<boolean> {
	return inTransaction(db, async (trx) => {
		const removed = await deleteAreaSignIn(trx, actor.localAreaId);
		if (removed)
			await recordAction(trx, actor, 'sign_in_settings_removed', 'local_area', actor.localAreaId);
		return removed;
	});
}
