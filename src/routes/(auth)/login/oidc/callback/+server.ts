import { redirect } from '@sveltejs/kit';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { safeNext } from '$lib/server/auth/input';
import { finishCouncilSignIn } from '$lib/server/auth/oidc/sign-in';
import { createSession, generateSessionToken } from '$lib/server/auth/session';
import { getDb } from '$lib/server/db';
import { takePendingCookie } from '../pending-cookie';

// The provider sends people back here. Everything is checked in finishCouncilSignIn; a refusal
// goes back to the sign-in page with its reason (one of a fixed list), never a session.
export const GET = async ({ url, cookies }) => {
	const pending = takePendingCookie(cookies, url);
	const db = getDb();
	const result = await finishCouncilSignIn(db, pending, url);
	const next = safeNext(pending?.next);
	if (!result.ok) {
		const params = new URLSearchParams({ problem: result.reason, next });
		if (pending) params.set('area', pending.slug);
		redirect(303, `/login?${params}`);
	}
	const token = generateSessionToken();
	const session = await createSession(db, token, result.user.id);
	setSessionCookie(cookies, url, token, session.expiresAt);
	redirect(303, next);
};
