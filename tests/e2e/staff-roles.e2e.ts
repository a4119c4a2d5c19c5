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
