/**
 * Inspector access: an inspector reads dashboards, finding pages, reviewed comments, the evidence
 * pack and every aggregate file, but never a family's answers (the responses files), the builder
 * or the codes; a refused attempt is audited; and access ends on the end date, session and all.
 */
import { readZip } from '../../src/lib/server/exports/read-zip';
import { closedSurveyId, query } from './support/demo';
import { createUser, endAccess, expect, isoDate, signInAs, test } from './support/staff';

const SLUG = 'essex';

test('an inspector reaches only what inspectors may, until the end date', async ({ page }) => {
	test.slow(); // many pages in one test: three times the usual time limit
	const inspector = createUser({
		slug: SLUG,
		role: 'inspector',
		expires: isoDate(30),
		tag: 'exports'
	});
	await signInAs(page, inspector);
	const survey = closedSurveyId(SLUG, 'parent_carer', 0);
	const finding = query<{ id: string }>(
		`select f.id from findings f join local_areas a on a.id = f.local_area_id
		 where a.slug = ? and f.kind != 'strength' order by f.position limit 1`,
		SLUG
	)[0]!.id;
	const get = (path: string) => page.request.get(path, { maxRedirects: 0 });

	const allowed = [
		'/app',
		`/app/insights/findings/${finding}`,
		'/app/comments',
		'/app/exports',
		'/app/evidence',
		'/app/exports/results.csv',
		'/app/exports/findings.csv',
		'/app/exports/comments.csv',
		'/app/exports/rates.csv',
		'/app/exports/metadata.csv',
		'/app/exports/all.zip'
	];
	for (const path of allowed) expect((await get(path)).status(), path).toBe(200);

	const refused = [
		`/app/exports/surveys/${survey}/responses.csv`,
		`/app/exports/surveys/${survey}/responses-metadata.csv`,
		`/app/surveys/${survey}`,
		`/app/surveys/${survey}/codes`
	];
	for (const path of refused) expect((await get(path)).status(), path).toBe(403);

	// The zip holds the aggregate files only.
	const names = [...readZip(await (await get('/app/exports/all.zip')).body()).keys()];
	expect(names).toHaveLength(6);
	expect(names.some((n) => n.includes('responses'))).toBe(false);

	// The download page offers no responses file.
	await page.goto('/app/exports');
	await expect(page.locator('a[href*="/responses"]')).toHaveCount(0);

	// Asking for one anyway is on the record; nothing was downloaded.
	const events = query<{ action: string; detail: string }>(
		"select action, detail from audit_events where user_id = ? and action like 'export_%'",
		inspector.id
	);
	const refusedFiles = events
		.filter((e) => e.action === 'export_refused')
		.map((e) => (JSON.parse(e.detail) as { file: string }).file);
	expect(refusedFiles.sort()).toEqual(['responses', 'responses-metadata']);
	const downloaded = events
		.filter((e) => e.action === 'export_downloaded')
		.map((e) => (JSON.parse(e.detail) as { file: string }).file);
	expect(downloaded).not.toContain('responses');

	// The end date passes: the very next request finds the session gone.
	endAccess(inspector.email);
	const after = await get('/app/exports/results.csv');
	expect(after.status()).toBe(303);
	expect(after.headers()['location']).toMatch(/^\/login/);
	await page.goto('/app/evidence');
	await expect(page).toHaveURL(/\/login/);
	expect(query('select id from sessions where user_id = ?', inspector.id)).toHaveLength(0);
});
