/**
 * The session cookie. HttpOnly so page scripts cannot read it; SameSite=Lax so other sites cannot
 * post forms with it; Secure whenever the site is served over https, and in a production build
 * unless it is on this machine (browsers such as Safari drop Secure cookies on http://localhost,
 * which would break `npm start`).
 */
import type { Cookies } from '@sveltejs/kit';
import { dev } from '$app/environment';

export const SESSION_COOKIE = 'heard_session';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function secureCookies(url: URL, production = !dev): boolean {
	if (url.protocol === 'https:') return true;
	return production && !LOCAL_HOSTS.has(url.hostname);
}

export function setSessionCookie(cookies: Cookies, url: URL, token: string, expiresAt: Date) {
	cookies.set(SESSION_COOKIE, token, {
		httpOnly: true,
		sameSite: 'lax',
		path: '/',
		secure: secureCookies(url),
		expires: expiresAt
	});
}

export function deleteSessionCookie(cookies: Cookies, url: URL) {
	cookies.set(SESSION_COOKIE, '', {
		httpOnly: true,
		sameSite: 'lax',
		path: '/',
		secure: secureCookies(url),
		maxAge: 0
	});
}
