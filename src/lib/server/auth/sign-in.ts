/**
 * Signing in: rate limited per account and per client, every failure audited, and the same
 * answer and about the same time whether or not the email belongs to anyone.
 */
import { recordEvent } from '../audit';
import type { Db } from '../db';
import type { User } from '../db/schema';
import { findUserByEmail, normaliseEmail } from '../users/repository';
import { verifyDummyPassword, verifyPassword } from './password';
import { accountSignInBucket, clientSignInBucket, type RefillingTokenBucket } from './rate-limit';
import { passwordSignInAllowed, passwordsOffForEmail } from './oidc/password-policy';
import { accountIsActive } from './session';

export type SignInResult =
	| { ok: true; user: User }
	| { ok: false; reason: 'invalid' | 'limited' | 'inactive' | 'council_only' };

export interface SignInLimits {
	account: RefillingTokenBucket<string>;
	client: RefillingTokenBucket<string>;
}

const defaultLimits: SignInLimits = { account: accountSignInBucket, client: clientSignInBucket };

export async function signIn(
	db: Db,
	attempt: { email: string; password: string; client: string },
	options: { now?: Date; limits?: SignInLimits } = {}
): Promise<SignInResult> {
	const now = options.now ?? new Date();
	const limits = options.limits ?? defaultLimits;
	const email = normaliseEmail(attempt.email);
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

	// An area that signs in only through its provider: say so before any password is checked.
	if (await passwordsOffForEmail(db, email)) {
		await failed('password_sign_in_off');
		return { ok: false, reason: 'council_only' };
	}

	if (
		!limits.account.check(email, 1, now.getTime()) ||
		!limits.client.check(attempt.client, 1, now.getTime())
	) {
		await failed('rate_limited');
		return { ok: false, reason: 'limited' };
	}

	const valid = user
		? await verifyPassword(user.passwordHash, attempt.password)
		: await verifyDummyPassword(attempt.password);
	if (!user || !valid) {
		limits.account.consume(email, 1, now.getTime());
		limits.client.consume(attempt.client, 1, now.getTime());
		await failed(user ? 'wrong_password' : 'unknown_email');
		return { ok: false, reason: 'invalid' };
	}

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

	limits.account.reset(email);
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
