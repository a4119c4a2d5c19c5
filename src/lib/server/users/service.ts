/**
 * Staff accounts within one local area: adding people, changing roles, disabling, resetting and
 * changing passwords. Every change is audited; anything that changes who can sign in as whom ends
 * the sessions it should. The acting admin can never remove their own access, so an area always
 * keeps at least one admin.
 */
import { recordAction, type Actor } from '../audit';
import { hasRole } from '../auth/roles';
import { hashPassword, generatePassword, passwordProblem, verifyPassword } from '../auth/password';
import { invalidateUserSessions } from '../auth/session';
import { inTransaction, nowIso, today, type Db } from '../db';
import type { User } from '../db/schema';
import type { FormErrors } from '../forms';
import { newId } from '../ids';
import type { NewUserInput, RoleChangeInput } from './input';
import { emailTaken, getUser, insertUser, partnerInArea, updateUser } from './repository';

/** Who is acting, and in which area. `id` is null for the command line. */
export type { Actor };

/** The partner organisation is only needed for a partner user (and the command line has none). */
type WithPartner<T extends { partnerId: string | null }> = Omit<T, 'partnerId'> & {
	partnerId?: string | null;
};

type Outcome<T = object> = ({ ok: true } & T) | { ok: false; errors: FormErrors };

function endDateProblem(input: { role: string; expiresOn: string | null }, now: Date) {
	if (input.role === 'inspector' && input.expiresOn && input.expiresOn < today(now))
		return { expiresOn: 'The end date must be today or in the future' };
	return null;
}

/** A partner user belongs to one of the area's own partners; nobody else belongs to one. */
async function partnerOf(
	db: Db,
	localAreaId: string,
	input: { role: string; partnerId?: string | null }
): Promise<{ partnerId: string | null } | { errors: FormErrors }> {
	if (input.role !== 'partner') return { partnerId: null };
	if (input.partnerId && (await partnerInArea(db, localAreaId, input.partnerId)))
		return { partnerId: input.partnerId };
	return { errors: { partnerId: 'Choose the partner organisation they belong to' } };
}

/**
 * Adds a user. With no password given, a strong one is generated and returned once, to be passed
 * on to the person; only its hash is kept.
 */
export async function createUser(
	db: Db,
	actor: Actor,
	input: WithPartner<NewUserInput> & { password?: string },
	now = new Date()
): Promise<Outcome<{ user: User; password: string; generated: boolean }>> {
	const dateProblem = endDateProblem(input, now);
	if (dateProblem) return { ok: false, errors: dateProblem };
	const partner = await partnerOf(db, actor.localAreaId, input);
	if ('errors' in partner) return { ok: false, errors: partner.errors };
	const generated = input.password === undefined;
	const password = input.password ?? generatePassword();
	const problem = passwordProblem(password, input.email);
	if (problem) return { ok: false, errors: { password: problem } };
	if (await emailTaken(db, input.email))
		return { ok: false, errors: { email: 'That email address already has an account' } };
	const user: User = {
		id: newId(),
		localAreaId: actor.localAreaId,
		email: input.email,
		name: input.name,
		role: input.role,
		passwordHash: await hashPassword(password),
		canExportRows: 0,
		partnerId: partner.partnerId,
		expiresOn: input.role === 'inspector' ? input.expiresOn : null,
		disabledAt: null,
		createdAt: nowIso(now)
	};
	await inTransaction(db, async (trx) => {
		await insertUser(trx, user);
		await recordAction(trx, actor, 'user_created', 'user', user.id, {
			email: user.email,
			role: user.role,
			expiresOn: user.expiresOn,
			...(user.partnerId ? { partnerId: user.partnerId } : {})
		});
	});
	return { ok: true, user, password, generated };
}

/** Changes a user's role (and an inspector's end date). Undefined: no such user in this area. */
export async function changeRole(
	db: Db,
	actor: Actor,
	userId: string,
	input: WithPartner<RoleChangeInput>,
	now = new Date()
): Promise<Outcome | undefined> {
	const user = await getUser(db, actor.localAreaId, userId);
	if (!user) return undefined;
	if (user.id === actor.id)
		return { ok: false, errors: { role: 'You cannot change your own role' } };
	const dateProblem = endDateProblem(input, now);
	if (dateProblem) return { ok: false, errors: dateProblem };
	const partner = await partnerOf(db, actor.localAreaId, input);
	if ('errors' in partner) return { ok: false, errors: partner.errors };
	const expiresOn = input.role === 'inspector' ? input.expiresOn : null;
	await inTransaction(db, async (trx) => {
		await updateUser(trx, actor.localAreaId, user.id, {
			role: input.role,
			expiresOn,
			partnerId: partner.partnerId
		});
		await recordAction(trx, actor, 'user_role_changed', 'user', user.id, {
			email: user.email,
			from: user.role,
			to: input.role,
			expiresOn,
			partnerId: partner.partnerId
		});
	});
	return { ok: true };
}

/** Disables (ending every session at once) or re-enables a user. */
export async function setDisabled(
	db: Db,
	actor: Actor,
	userId: string,
	disabled: boolean,
	now = new Date()
): Promise<Outcome | undefined> {
	const user = await getUser(db, actor.localAreaId, userId);
	if (!user) return undefined;
	if (user.id === actor.id)
		return { ok: false, errors: { '': 'You cannot disable your own account' } };
	await inTransaction(db, async (trx) => {
		await updateUser(trx, actor.localAreaId, user.id, {
			disabledAt: disabled ? nowIso(now) : null
		});
		if (disabled) await invalidateUserSessions(trx, user.id);
		await recordAction(trx, actor, disabled ? 'user_disabled' : 'user_enabled', 'user', user.id, {
			email: user.email
		});
	});
	return { ok: true };
}

/**
 * Gives or takes away the right to download row-level responses files. Only officers (and
 * admins) can hold it: a row per family is the most revealing file there is, even k-anonymous,
 * so it is granted one person at a time, and each grant, each removal and each download is in
 * the audit log.
 */
export async function setRowExport(
	db: Db,
	actor: Actor,
	userId: string,
	allowed: boolean
): Promise<Outcome | undefined> {
	const user = await getUser(db, actor.localAreaId, userId);
	if (!user) return undefined;
	if (allowed && !hasRole(user.role, 'officer')) {
		return {
			ok: false,
			errors: { rows: 'Only an officer or an admin can be allowed to take row-level files' }
		};
	}
	await inTransaction(db, async (trx) => {
		await updateUser(trx, actor.localAreaId, user.id, { canExportRows: allowed ? 1 : 0 });
		await recordAction(
			trx,
			actor,
			allowed ? 'user_row_export_granted' : 'user_row_export_removed',
			'user',
			user.id,
			{ email: user.email }
		);
	});
	return { ok: true };
}

/** Gives a user a new generated password (shown once to the admin) and ends their sessions. */
export async function resetPassword(
	db: Db,
	actor: Actor,
	userId: string
): Promise<Outcome<{ password: string; email: string }> | undefined> {
	const user = await getUser(db, actor.localAreaId, userId);
	if (!user) return undefined;
	if (user.id === actor.id)
		return { ok: false, errors: { '': 'Change your own password from your account page' } };
	const password = generatePassword();
	const passwordHash = await hashPassword(password);
	await inTransaction(db, async (trx) => {
		await updateUser(trx, actor.localAreaId, user.id, { passwordHash });
		await invalidateUserSessions(trx, user.id);
		await recordAction(trx, actor, 'user_password_reset', 'user', user.id, { email: user.email });
	});
	return { ok: true, password, email: user.email };
}

/**
 * The signed-in user changes their own password. Every session ends, this one included; the
 * route then starts a fresh session for this browser.
 */
export async function changeOwnPassword(
	db: Db,
	actor: { id: string; localAreaId: string },
	input: { current: string; password: string }
): Promise<Outcome> {
	const user = await getUser(db, actor.localAreaId, actor.id);
	if (!user || !(await verifyPassword(user.passwordHash, input.current)))
		return { ok: false, errors: { current: 'Your current password is not right' } };
	const problem = passwordProblem(input.password, user.email);
	if (problem) return { ok: false, errors: { password: problem } };
	if (input.password === input.current)
		return {
			ok: false,
			errors: { password: 'Your new password must be different from your current one' }
		};
	const passwordHash = await hashPassword(input.password);
	await inTransaction(db, async (trx) => {
		await updateUser(trx, actor.localAreaId, user.id, { passwordHash });
		await invalidateUserSessions(trx, user.id);
		await recordAction(trx, actor, 'password_changed', 'user', user.id);
	});
	return { ok: true };
}

/** "Sign out everywhere": ends every session of the user, on every device. */
export async function signOutEverywhere(db: Db, actor: { id: string; localAreaId: string }) {
	await inTransaction(db, async (trx) => {
		await invalidateUserSessions(trx, actor.id);
		await recordAction(trx, actor, 'signed_out_everywhere', 'user', actor.id);
	});
}
