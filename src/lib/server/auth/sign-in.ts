/**
 * Signing in: rate limited per account and per client, and the same answer and about the same
 * time whether or not the email belongs to anyone.
 *
 * Each try takes its hit from the shared limiter before the password is checked and gives it
 * back only when the password was right, so parallel guesses cannot all slip past a check made
 * before any of them counted. Failures are audited against the account they were aimed at, and
 * a flood is recorded once, when it trips the limit, rather than as a row per guess.
 */
import { recordEvent } from '../audit';
import type { Db } from '../db';
import type { User } from '../db/schema';
import { LIMITS, clear, giveBack, take } from '../limits/limiter';
import { findUserByEmail, normaliseEmail } from '../users/repository';
import { passwordSignInAllowed, passwordsOffForEmail } from './oidc/password-policy';
import { verifyPassword } from './password';
import { accountIsActive } from './session';

export type SignInResult =
	| { ok: true; user: User }
	| { ok: false; reason: 'invalid' | 'limited' | 'inactive' | 'council_only' };

export async function signIn(
	db: Db,
	attempt: { email: string; password: string; client: string },
	options: { now?: Date } = {}
): Promise<SignInResult> {
	const now = options.now ?? new Date();
	const email = normaliseEmail(attempt.email);
	const [account, client] = await Promise.all([
		take(db, LIMITS.signInAccount, email, now),
		take(db, LIMITS.signInClient, attempt.client, now)
	]);
	const user = await findUserByEmail(db, email);
	const failed = (reason: string) =>
		recordEvent(db, {
			localAreaId: user?.localAreaId ?? null,
			userId: user?.id ?? null,
			action: 'sign_in_failed',
			subjectType: user ? 'user' : null,
			subjectId: user?.id ?? null,
			detail: { reason }
		});

	if (!account.ok || !client.ok) {
		// Only the try that first goes over a limit is written down.
		if (account.justOver || client.justOver) await failed('rate_limited');
		return { ok: false, reason: 'limited' };
	}

	// An area that signs in only through its provider: say so before any password is checked.
	if (await passwordsOffForEmail(db, email)) {
		if (user) await failed('password_sign_in_off');
		return { ok: false, reason: 'council_only' };
	}

	// A missing user and an account without a password both spend a dummy verification.
	const valid = await verifyPassword(user?.passwordHash ?? null, attempt.password);
	if (!user || !valid) {
		// Guesses at emails that are no account are junk: the limiter counts them, the log does not.
		if (user) await failed('wrong_password');
		return { ok: false, reason: 'invalid' };
	}

	await Promise.all([
		clear(db, LIMITS.signInAccount, email),
		giveBack(db, LIMITS.signInClient, attempt.client)
	]);
	// Only someone who knows the password learns that the account has ended, or that their area
	// has turned passwords off (for an account whose email is outside the area's domains).
	if (!(await passwordSignInAllowed(db, user.localAreaId))) {
		await failed('password_sign_in_off');
		return { ok: false, reason: 'council_only' };
	}
	if (!accountIsActive(user, now)) {
		await failed(user.disabledAt ? 'disabled' : 'expired');
		return { ok: false, reason: 'inactive' };
	}
	await recordEvent(db, {
		localAreaId: user.localAreaId,
		userId: user.id,
		action: 'sign_in',
		subjectType: 'user',
		subjectId: user.id,
		detail: { method: 'password' }
	});
	return { ok: true, user };
}
