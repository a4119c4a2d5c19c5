/**
 * axe (WCAG 2.2 AA) on the pages of the plan, the co-production log, sign-off and the public
 * page's settings. (The dashboard, finding pages and evidence pack have their own axe checks.)
 */
import {
	demoAdmin,
	demoPartner,
	expect,
	expectAccessible,
	idsOfArea,
	signInAs,
	test
} from './support/staff';

const SLUG = 'lancashire';

async function checkAll(page: import('@playwright/test').Page, paths: string[]) {
	for (const path of paths) {
		const response = await page.goto(path);
		expect(response?.status(), path).toBe(200);
		await expectAccessible(page);
	}
}

test('the plan’s pages pass axe', async ({ page }) => {
	test.slow(); // many pages in one test: three times the usual time limit
	const ids = idsOfArea(SLUG);
	await signInAs(page, demoAdmin(SLUG));
	await checkAll(page, [
		'/app/plan',
		'/app/plan?show=attention',
		'/app/plan/new',
		`/app/plan/${ids.action}`,
		'/app/partners',
		`/app/partners/${ids.partner}`,
		`/app/inspections/${ids.inspection}`
	]);
	await page.goto('/app/plan/new');
	await page.getByRole('button', { name: 'Add action' }).click();
	await expect(page.getByRole('alert')).toBeVisible();
	await expectAccessible(page);
	// An import's preview, with a row it refuses.
	await page.goto('/app/plan/import');
	await expectAccessible(page);
	await page.getByLabel('CSV file').setInputFiles({
		name: 'plan.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(
			'title,description,finding_codes,partner,lead,start_date,due_date\nA,B,L99,Nobody,C,2026-01-01,2026-02-01\n'
		)
	});
	await page.getByRole('button', { name: 'Check the file' }).click();
	await expect(
		page.getByRole('heading', { level: 2, name: '1 of 1 row cannot be imported' })
	).toBeVisible();
	await expectAccessible(page);
});

test('co-production, sign-off and public page settings pass axe', async ({ page }) => {
	test.slow(); // many pages in one test: three times the usual time limit
	const ids = idsOfArea(SLUG);
	await signInAs(page, demoAdmin(SLUG));
	await checkAll(page, [
		'/app/coproduction',
		'/app/coproduction/new',
		`/app/coproduction/${ids.activity}`,
		'/app/sign-off',
		`/app/sign-off/${ids.survey}`,
		'/app/public',
		'/app/public/preview'
	]);
	await page.goto('/app/coproduction/new');
	await page.getByLabel('Date').fill('');
	await page.getByRole('button', { name: 'Add to the log' }).click();
	await expect(page.getByRole('alert')).toBeVisible();
	await expectAccessible(page);
});

test('a partner’s pages pass axe', async ({ page }) => {
	test.slow(); // many pages in one test: three times the usual time limit
	await signInAs(page, demoPartner(SLUG));
	await checkAll(page, ['/app/sign-off', '/app/comments/themes', '/app/coproduction', '/app/plan']);
});
