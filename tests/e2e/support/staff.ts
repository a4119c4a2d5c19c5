/**
 * Helpers for the staff workspace tests: a fixture that names each test to the sign-in limiter,
 * signing in, making users with the real `npm run user:create`, and finding the staff routes and
 * another area's ids for the cross-area walk.
 */
export { expectAccessible, WCAG_TAGS } from './axe';
import { test as base, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { clientHeaders } from './clients';
import { SERVER_DATABASE_URL, write } from './database';
import { query } from './demo';

export { expect };

export const test = base.extend({
	page: async ({ page }, use, testInfo) => {
		// Each test is a client of its own to the limiters (see clients.ts).
		await page.setExtraHTTPHeaders(clientHeaders(clientName(testInfo)));
		await use(page);
	}
});

export function clientName(testInfo: { project: { name: string }; testId: string; retry: number }) {
	return `${testInfo.project.name}:${testInfo.testId}:${testInfo.retry}`;
}

/** The demo admin the seed made for an area (see src/lib/server/demo/seed.ts). */
export function demoAdmin(slug: string) {
	return { email: `admin@${slug}.demo.example`, password: `heard-demo-${slug}` };
}

/** The demo partner user (parent carer forum) the seed made for an area (demo/plan.ts). */
export function demoPartner(slug: string) {
	return { email: `partner@${slug}.demo.example`, password: `heard-demo-partner-${slug}` };
}

export async function signIn(page: Page, email: string, password: string, path = '/login') {
	await page.goto(path);
	await page.getByLabel('Email address').fill(email);
	await page.getByLabel('Password', { exact: true }).fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs in and waits for the workspace. */
export async function signInAs(page: Page, user: { email: string; password: string }) {
	await signIn(page, user.email, user.password);
	await expect(page.getByRole('navigation', { name: 'Workspace' })).toBeVisible();
}

export interface MadeUser {
	id: string;
	email: string;
	password: string;
}

/** A new user of a demo area, made by `npm run user:create` against the e2e database. */
export function createUser(options: {
	slug: string;
	role: 'admin' | 'officer' | 'viewer' | 'inspector' | 'partner';
	expires?: string;
	/** A partner user's organisation, by its name in the area. */
	partner?: string;
	tag?: string;
	/** Creates the area first, with this name, if no area has the slug yet. */
	areaName?: string;
	/** A chosen address (for example in a council's email domain) instead of a random one. */
	email?: string;
}): MadeUser {
	const email =
		options.email ??
		`${options.role}-${options.tag ?? 'e2e'}-${Math.random().toString(36).slice(2, 10)}@e2e.example`;
	const args = ['run', '--silent', 'user:create', '--', '--area', options.slug, '--email', email];
	args.push('--role', options.role, '--name', `E2E ${options.role}`);
	if (options.expires) args.push('--expires', options.expires);
	if (options.partner) args.push('--partner', options.partner);
	if (options.areaName) args.push('--area-name', options.areaName);
	const output = execFileSync('npm', args, {
		env: { ...process.env, DATABASE_URL: SERVER_DATABASE_URL },
		stdio: ['pipe', 'pipe', 'pipe'],
		encoding: 'utf8'
	});
	const password = /Password \(shown once[^)]*\): (\S+)/.exec(output)?.[1];
	if (!password) throw new Error(`user:create printed no password:\n${output}`);
	return { id: userId(email), email, password };
}

/** A slug for a new, empty local area of this test alone (the demo areas stay as seeded). */
export function freshSlug(tag: string): string {
	return `e2e-${tag}-${Math.random().toString(36).slice(2, 8)}`.toLowerCase().slice(0, 40);
}

export function userId(email: string): string {
	const row = query<{ id: string }>('select id from users where email = ?', email)[0];
	if (!row) throw new Error(`No user ${email}`);
	return row.id;
}

/**
 * Ends an inspector's access as of yesterday. No screen can make an account that has already
 * ended (the end date must be today or later), so the test moves the date instead.
 */
export function endAccess(email: string): void {
	const yesterday = new Date(Date.now() - 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
	write([['update users set expires_on = ? where email = ?', [yesterday, email]]]);
}

export function isoDate(daysFromToday: number): string {
	return new Date(Date.now() + daysFromToday * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

// The cross-area walk

/** One staff route found on disk: its URL pattern, params, and what it answers. */
export interface StaffRoute {
	/** For example `/app/surveys/[survey]/codes/[batch]/letters`. */
	pattern: string;
	params: string[];
	/** Named form actions of its +page.server.ts (`default` for an unnamed one). */
	actions: string[];
	/** HTTP methods its +server.ts exports. */
	methods: string[];
	hasPage: boolean;
}

const ROUTES_DIR = 'src/routes';

/**
 * Every staff route, read from the source tree at test time, so routes added later are walked
 * too: everything under a `(staff)` group and any plain `app` folder.
 */
export function staffRoutes(): StaffRoute[] {
	const roots = readdirSync(ROUTES_DIR)
		.filter((name) => name === '(staff)' || name === 'app')
		.map((name) => join(ROUTES_DIR, name));
	const routes: StaffRoute[] = [];
	const visit = (dir: string) => {
		const files = readdirSync(dir, { withFileTypes: true });
		const names = files.filter((f) => f.isFile()).map((f) => f.name);
		const hasPage = names.some(
			(n) => /^\+page(@.*)?\.(svelte|ts)$/.test(n) || n === '+page.server.ts'
		);
		const serverFile = join(dir, '+page.server.ts');
		const endpoint = join(dir, '+server.ts');
		if (hasPage || existsSync(endpoint)) {
			const segments = relative(ROUTES_DIR, dir)
				.split(sep)
				.filter((s) => !/^\(.*\)$/.test(s));
			const pattern = `/${segments.join('/')}`;
			routes.push({
				pattern,
				params: [...pattern.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1]!),
				actions: existsSync(serverFile) ? actionNames(readFileSync(serverFile, 'utf8')) : [],
				methods: existsSync(endpoint) ? endpointMethods(readFileSync(endpoint, 'utf8')) : [],
				hasPage
			});
		}
		for (const f of files) if (f.isDirectory()) visit(join(dir, f.name));
	};
	roots.forEach(visit);
	return routes.sort((a, b) => a.pattern.localeCompare(b.pattern));
}

/**
 * The keys of `export const actions = { … }`. Prettier indents the object's own keys by exactly
 * one tab, which tells them apart from anything nested inside an action.
 */
export function actionNames(source: string): string[] {
	const start = source.search(/export\s+const\s+actions\b/);
	if (start < 0) return [];
	const block = source.slice(start).split(/\n\}/)[0]!;
	return [...block.matchAll(/^\t(?:async\s+)?([A-Za-z_$][\w$]*)\s*[:(]/gm)].map((m) => m[1]!);
}

function endpointMethods(source: string): string[] {
	return [
		...source.matchAll(
			/export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g
		)
	].map((m) => m[1]!);
}

/** One id per route param, all belonging to the given area (its first closed, coded survey). */
export function idsOfArea(slug: string): Record<string, string> {
	const one = (sql: string, ...params: unknown[]) => {
		const row = query<{ id: string }>(sql, ...params)[0];
		if (!row) throw new Error(`No row in ${slug} for ${sql}`);
		return row.id;
	};
	const area = one('select id from local_areas where slug = ?', slug);
	const survey = one(
		`select s.id from surveys s join waves w on w.id = s.wave_id
		 where s.local_area_id = ? and s.status = 'closed' and s.access_mode = 'code'
		 order by w.position limit 1`,
		area
	);
	return {
		area,
		survey,
		// Not an id: a route that names a language (a translators' file) gets a real one.
		language: 'cy',
		wave: one('select wave_id as id from surveys where id = ?', survey),
		question: one('select id from questions where survey_id = ? order by position limit 1', survey),
		batch: one('select id from code_batches where survey_id = ? limit 1', survey),
		comment: one('select id from comments where survey_id = ? limit 1', survey),
		finding: one('select id from findings where local_area_id = ? order by position limit 1', area),
		inspection: one('select id from inspections where local_area_id = ? limit 1', area),
		user: one('select id from users where local_area_id = ? order by created_at limit 1', area),
		theme: one('select id from comment_themes where local_area_id = ? limit 1', area),
		action: one(
			'select id from actions where local_area_id = ? order by created_at, id limit 1',
			area
		),
		partner: one('select id from partners where local_area_id = ? order by name limit 1', area),
		activity: one(
			'select id from coproduction_activities where local_area_id = ? order by held_on, id limit 1',
			area
		)
	};
}

/**
 * A fingerprint of the rows the walk aims at: if any request changed one of them, or added a
 * child row to them, the fingerprint changes.
 */
export function fingerprint(ids: Record<string, string>): string {
	const rows = (sql: string, ...params: unknown[]) => JSON.stringify(query(sql, ...params));
	return [
		rows('select * from local_areas where id = ?', ids.area),
		rows('select * from surveys where id = ?', ids.survey),
		rows('select * from waves where id = ?', ids.wave),
		rows('select * from questions where survey_id = ? order by id', ids.survey),
		rows(
			'select * from survey_translations where survey_id = ? order by language, string_key',
			ids.survey
		),
		rows(
			`select qf.* from question_findings qf join questions q on q.id = qf.question_id
			 where q.survey_id = ? or qf.finding_id = ? order by 1, 2`,
			ids.survey,
			ids.finding
		),
		rows('select * from code_batches where survey_id = ? order by id', ids.survey),
		rows(
			'select batch_id, used, count(*) as n from access_codes where survey_id = ? group by 1, 2 order by 1, 2',
			ids.survey
		),
		rows('select count(*) as n from responses where survey_id = ?', ids.survey),
		rows('select * from comments where survey_id = ? order by id', ids.survey),
		rows('select * from comment_tags where comment_id = ?', ids.comment),
		rows('select * from comment_themes where id = ?', ids.theme),
		rows('select * from findings where id = ?', ids.finding),
		rows('select * from inspections where id = ?', ids.inspection),
		rows(
			'select id, email, role, expires_on, disabled_at, password_hash from users where id = ?',
			ids.user
		),
		rows('select * from actions where id = ?', ids.action),
		rows('select * from action_findings where action_id = ? order by 2', ids.action),
		rows('select * from action_updates where action_id = ? order by id', ids.action),
		rows('select * from partners where id = ?', ids.partner),
		rows('select * from coproduction_activities where id = ?', ids.activity),
		rows('select * from coproduction_partners where activity_id = ? order by 2', ids.activity),
		rows('select * from survey_signoffs where survey_id = ? order by id', ids.survey),
		rows('select * from survey_comments where survey_id = ? order by id', ids.survey),
		rows('select * from theme_reviews where theme_id = ? order by id', ids.theme),
		rows('select * from public_quotes where local_area_id = ? order by 1', ids.area)
	].join('\n');
}
