/**
 * Roles: a viewer (and an inspector, who is a viewer) reads but never changes anything. Every
 * form action of every staff route is posted to as a viewer with this area's own ids: each is
 * refused (403, or 404 where the page hides itself) and nothing changes.
 */
import {
	createUser,
	expect,
	fingerprint,
	idsOfArea,
	isoDate,
	signInAs,
	staffRoutes,
	test
} from './support/staff';
import { query } from './support/demo';

const SLUG = 'lancashire';

// Actions a viewer may use. Only their own account's: they take no ids and change nobody else.
const VIEWER_ALLOWED = new Set(['/app/account']);

for (const role of ['viewer', 'inspector'] as const) {
	test(`a ${role} cannot reach any officer or admin action`, async ({ page, baseURL }) => {
		test.slow(); // many pages in one test: three times the usual time limit
		const user = createUser({
			slug: SLUG,
			role,
			...(role === 'inspector' ? { expires: isoDate(10) } : {})
		});
		const ours = idsOfArea(SLUG);
		const before = fingerprint(ours);
		await signInAs(page, user);

		// What a viewer sees: the findings, without the buttons that change them.
		await page.goto('/app/findings');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Areas of weakness');
		await expect(page.getByRole('link', { name: 'Add a finding' })).toHaveCount(0);
		await expect(page.getByRole('button', { name: /^Up/ })).toHaveCount(0);
		const nav = page.getByRole('navigation', { name: 'Workspace' });
		await expect(nav.getByRole('link', { name: 'Users' })).toHaveCount(0);
		await expect(nav.getByRole('link', { name: 'Settings' })).toHaveCount(0);

		const headers = { Origin: baseURL!, Accept: 'text/html' };
		const form: Record<string, string> = { direction: 'down', id: ours.finding! };
		for (const name of ['survey', 'finding', 'inspection', 'question', 'batch', 'user', 'wave'])
			form[`${name}Id`] = ours[name]!;
		const refused: string[] = [];
		const allowed: string[] = [];
		for (const route of staffRoutes()) {
			if (VIEWER_ALLOWED.has(route.pattern)) continue;
			const path = route.pattern.replace(/\[([^\]]+)\]/g, (_, name: string) => ours[name] ?? name);
			for (const action of route.actions) {
				const url = action === 'default' ? path : `${path}?/${action}`;
				const response = await page.request.post(url, { form, headers, maxRedirects: 0 });
				const line = `${route.pattern} ${action}`;
				(response.status() === 403 || response.status() === 404 ? refused : allowed).push(
					`${line} → ${response.status()}`
				);
			}
		}
		expect(allowed).toEqual([]);
		expect(refused.length).toBeGreaterThan(10);

		// Officer and admin pages themselves are closed too: the builder, the codes and the
		// responses file (never for an inspector) among them.
		for (const path of [
			`/app/surveys/${ours.survey}`,
			`/app/surveys/${ours.survey}/codes`,
			`/app/exports/surveys/${ours.survey}/responses.csv`,
			'/app/findings/new',
			'/app/inspections/new',
			'/app/users',
			'/app/settings'
		]) {
			const response = await page.request.get(path, { headers, maxRedirects: 0 });
			expect(response.status(), path).toBe(403);
		}
		expect(fingerprint(ours)).toBe(before);
	});
}

// A partner (parent carer forum, youth group) reaches only the pages that grant it access by name
// (auth/roles.ts): published figures, the plan and the log, reviewed comments, and questionnaires
// to comment on and sign off. Every other page and every other action answers 403 or 404.
const PARTNER_PAGES = [
	'/app',
	'/app/account',
	'/app/comments',
	'/app/comments/themes',
	'/app/coproduction',
	'/app/insights/findings/[finding]',
	'/app/insights/questions/[question]',
	'/app/insights/surveys/[survey]',
	'/app/partners',
	'/app/plan',
	'/app/plan/[action]',
	'/app/sign-off',
	'/app/sign-off/[survey]',
	'/app/surveys/[survey]/preview'
];
/** A comment not yet reviewed whose words no reviewed comment shares (demo comments repeat). */
function newComment() {
	return query<{ id: string; body: string }>(
		`select c.id, c.body from comments c join surveys s on s.id = c.survey_id
		 join local_areas a on a.id = s.local_area_id
		 where a.slug = ? and c.status = 'new'
		   and not exists (select 1 from comments r where r.body = c.body and r.status = 'reviewed')
		 order by c.id limit 1`,
		SLUG
	)[0]!;
}

const PARTNER_ACTIONS = [
	'/app/account password',
	'/app/account everywhere',
	'/app/comments/themes review',
	'/app/sign-off/[survey] comment',
	'/app/sign-off/[survey] signOff'
];

test('a partner reaches only its own pages, and never unreviewed comments, codes or row-level files', async ({
	page,
	baseURL
}) => {
	test.slow(); // many pages in one test: three times the usual time limit
	const partner = createUser({
		slug: SLUG,
		role: 'partner',
		partner: 'Lancashire Parent Carer Forum',
		tag: 'walk'
	});
	// The comment the walk asks for is one not yet reviewed: a partner must not find it.
	const ours: Record<string, string> = { ...idsOfArea(SLUG), comment: newComment().id };
	const before = fingerprint(ours);
	await signInAs(page, partner);
	const nav = page.getByRole('navigation', { name: 'Workspace' });
	await expect(nav.getByRole('link')).toHaveText([
		'Dashboard',
		'Improvement plan',
		'Questionnaires to sign off',
		'Comments',
		'Co-production'
	]);

	const headers = { Origin: baseURL!, Accept: 'text/html' };
	const reached: string[] = [];
	const refused: string[] = [];
	const routes = staffRoutes();
	for (const route of routes) {
		const path = route.pattern.replace(/\[([^\]]+)\]/g, (_, name: string) => ours[name] ?? name);
		if (route.hasPage || route.methods.includes('GET')) {
			const status = (await page.request.get(path, { headers, maxRedirects: 0 })).status();
			(status === 403 || status === 404 ? refused : reached).push(route.pattern);
		}
	}
	// The account page's "sign out everywhere" would end this walk's session: it goes last.
	const actions = routes.flatMap((r) => r.actions.map((a) => ({ route: r, action: a })));
	actions.sort((a, b) => Number(a.action === 'everywhere') - Number(b.action === 'everywhere'));
	const allowed: string[] = [];
	for (const { route, action } of actions) {
		const path = route.pattern.replace(/\[([^\]]+)\]/g, (_, name: string) => ours[name] ?? name);
		const url = action === 'default' ? path : `${path}?/${action}`;
		// Empty forms: an allowed action refuses them with 400 and changes nothing.
		const status = (await page.request.post(url, { form: {}, headers, maxRedirects: 0 })).status();
		if (status !== 403 && status !== 404) allowed.push(`${route.pattern} ${action}`);
	}
	expect(reached.sort()).toEqual([...PARTNER_PAGES].sort());
	expect(refused.length).toBeGreaterThan(20);
	expect(allowed.sort()).toEqual([...PARTNER_ACTIONS].sort());
	expect(fingerprint(ours)).toBe(before);
});

test('a partner reads reviewed comments only: a new one is not found and never listed', async ({
	page
}) => {
	const partner = createUser({
		slug: SLUG,
		role: 'partner',
		partner: 'Lancashire Parent Carer Forum',
		tag: 'comments'
	});
	const fresh = newComment();
	await signInAs(page, partner);
	expect((await page.request.get(`/app/comments/${fresh.id}`)).status()).toBe(404);
	await page.goto('/app/comments?status=new');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(page.getByText(fresh.body, { exact: true })).toHaveCount(0);
	for (const path of [
		'/app/exports',
		'/app/exports/all.zip',
		'/app/evidence',
		'/app/audit',
		'/app/users'
	])
		expect((await page.request.get(path)).status(), path).toBe(403);
});
