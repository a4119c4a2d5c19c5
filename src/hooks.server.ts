import type { Handle, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { getDb } from '$lib/server/db';
import { demoEnabled, prepareDatabase, publicOrigin, welcomeText } from '$lib/server/startup';
import { validateSessionToken } from '$lib/server/auth/session';
import { isForgedFormPost } from '$lib/server/same-origin';
import { SESSION_COOKIE, deleteSessionCookie, setSessionCookie } from '$lib/server/auth/cookies';

export const init: ServerInit = async () => {
	const db = getDb();
	await prepareDatabase(db, { demo: demoEnabled() });
	console.log(await welcomeText(db, publicOrigin()));
};

/** Respondent and public pages: no framework script, nothing from other hosts, no referrer. */
const RESPONDENT_CSP = [
	"default-src 'none'",
	"script-src 'self'",
	"style-src 'self'",
	"img-src 'self' data:",
	"font-src 'self'",
	"connect-src 'self'",
	"form-action 'self'",
	"frame-ancestors 'none'",
	"base-uri 'none'"
].join('; ');

/**
 * Pages for the public, read without signing in: the questionnaires (/s/) and the "You said, we
 * did" pages (/areas/). Never cached, so a withdrawn page is gone at once.
 */
const isPublicPath = (path: string) => path.startsWith('/s/') || path.startsWith('/areas/');

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('Referrer-Policy', 'no-referrer');
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('X-Frame-Options', 'DENY');
	response.headers.set(
		'Permissions-Policy',
		'camera=(), microphone=(), geolocation=(), interest-cohort=()'
	);
	if (isPublicPath(event.url.pathname)) {
		response.headers.set('Content-Security-Policy', RESPONDENT_CSP);
		response.headers.set('Cache-Control', 'no-store');
	}
	return response;
};

/** Form posts must come from this site's own pages (see same-origin.ts for why not Origin). */
const sameOriginForms: Handle = async ({ event, resolve }) => {
	if (isForgedFormPost(event.request, event.url)) {
		return new Response('Cross-site form submissions are forbidden', { status: 403 });
	}
	return resolve(event);
};

/** Fills locals from the session cookie on every request; guards in loads and actions decide. */
const auth: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.session = null;
	// Respondent and public pages never read or refresh a staff session.
	if (isPublicPath(event.url.pathname)) return resolve(event);
	const token = event.cookies.get(SESSION_COOKIE);
	if (!token) return resolve(event);
	const { session, user } = await validateSessionToken(getDb(), token);
	if (session) {
		setSessionCookie(event.cookies, event.url, token, session.expiresAt);
	} else {
		deleteSessionCookie(event.cookies, event.url);
	}
	event.locals.user = user;
	event.locals.session = session;
	const response = await resolve(event);
	// Staff pages show people's names, one-off passwords and unpublished figures: keep them out
	// of shared and back-button caches unless a route chose its own policy.
	if (!response.headers.has('Cache-Control'))
		response.headers.set('Cache-Control', 'private, no-store');
	return response;
};

export const handle = sequence(securityHeaders, sameOriginForms, auth);
