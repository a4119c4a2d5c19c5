import type { Handle, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { getDb } from '$lib/server/db';
import { demoEnabled, prepareDatabase, publicOrigin, welcomeText } from '$lib/server/startup';

export const init: ServerInit = async () => {
	const db = getDb();
	await prepareDatabase(db, { demo: demoEnabled() });
	console.log(await welcomeText(db, publicOrigin()));
};

/** Respondent pages: no framework script, nothing from other hosts, no referrer. */
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

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('Referrer-Policy', 'no-referrer');
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('X-Frame-Options', 'DENY');
	response.headers.set(
		'Permissions-Policy',
		'camera=(), microphone=(), geolocation=(), interest-cohort=()'
	);
	if (event.url.pathname.startsWith('/s/')) {
		response.headers.set('Content-Security-Policy', RESPONDENT_CSP);
		response.headers.set('Cache-Control', 'no-store');
	}
	return response;
};

const auth: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.session = null;
	return resolve(event);
};

export const handle = sequence(securityHeaders, auth);
