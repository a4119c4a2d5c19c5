import type { Handle, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { compressed } from '$lib/server/http/compress';
import { getDb } from '$lib/server/db';
import { whenIdle } from '$lib/server/background';
import {
	demoEnabled,
	prepareDatabase,
	publicOrigin,
	schedulePublicationRounds,
	welcomeText
} from '$lib/server/startup';
import { validateSessionToken } from '$lib/server/auth/session';
import { SESSION_COOKIE, deleteSessionCookie, setSessionCookie } from '$lib/server/auth/cookies';
import { LANGUAGES } from '$lib/i18n';

export const init: ServerInit = async () => {
	const db = getDb();
	await prepareDatabase(db, { demo: demoEnabled() });
	schedulePublicationRounds(db);
	console.log(await welcomeText(db, publicOrigin()));
	// SIGTERM or SIGINT: adapter-node stops taking requests and waits for those in flight (their
	// submissions are committed before they answer), then says so here. Finish background work
	// (releases, publications), close the pool, and let the process end.
	process.once('sveltekit:shutdown', () => {
		void whenIdle()
			.then(() => db.destroy())
			.then(
				() => console.log('Heard stopped: every submission in flight was stored.'),
				(error: unknown) => console.error('Shutting down failed:', error)
			);
	});
};

/** Respondent and public pages: no framework script, nothing from other hosts, no referrer to other sites. */
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
	// No address, and so no questionnaire or resume link, is ever sent to another site; the site's
	// own requests keep their Origin, which SvelteKit's cross-site form check relies on.
	response.headers.set('Referrer-Policy', 'same-origin');
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

/** The opening tag as app.html writes it. */
const HTML_OPENING = '<html lang="%heard.lang%" dir="%heard.dir%">';

/**
 * `<html lang dir>` for the page's language: English unless a questionnaire's layout chose the
 * family's language while the page loaded (which is before the page is written out).
 */
const pageLanguage: Handle = async ({ event, resolve }) => {
	event.locals.language = 'en';
	return resolve(event, {
		transformPageChunk: ({ html }) => {
			const at = html.indexOf(HTML_OPENING);
			if (at < 0) return html;
			const language = LANGUAGES[event.locals.language];
			// Joined slices rather than replace(), which would copy the whole page once for each
			// placeholder: a page with one curly quote is held in two bytes a character.
			return (
				html.slice(0, at) +
				`<html lang="${language.html}" dir="${language.dir}">` +
				html.slice(at + HTML_OPENING.length)
			);
		}
	});
};

const compression: Handle = async ({ event, resolve }) =>
	compressed(event.request, await resolve(event));

export const handle = sequence(compression, securityHeaders, pageLanguage, auth);
