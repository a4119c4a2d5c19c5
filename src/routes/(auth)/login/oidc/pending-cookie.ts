/**
 * The cookie that carries a pending council sign-in (sealed: see flow-state.ts) from the start
 * to the callback. HttpOnly; SameSite=Lax, which still sends it on the provider's top-level
 * redirect back; scoped to the callback path, so no other request carries it; ten minutes.
 */
import type { Cookies } from '@sveltejs/kit';
import { secureCookies } from '$lib/server/auth/cookies';
import {
	FLOW_MINUTES,
	openPending,
	sealPending,
	type PendingSignIn
} from '$lib/server/auth/oidc/flow-state';
import { CALLBACK_PATH } from '$lib/server/auth/oidc/redirect-uri';

const COOKIE = 'heard_oidc';

export function setPendingCookie(cookies: Cookies, url: URL, pending: PendingSignIn) {
	cookies.set(COOKIE, sealPending(pending), {
		httpOnly: true,
		sameSite: 'lax',
		path: CALLBACK_PATH,
		secure: secureCookies(url),
		maxAge: FLOW_MINUTES * 60
	});
}

/** The pending sign-in, if any; the cookie is deleted either way, so it is used once. */
export function takePendingCookie(cookies: Cookies, url: URL): PendingSignIn | null {
	const pending = openPending(cookies.get(COOKIE));
	cookies.delete(COOKIE, {
		httpOnly: true,
		sameSite: 'lax',
		path: CALLBACK_PATH,
		secure: secureCookies(url)
	});
	return pending;
}
