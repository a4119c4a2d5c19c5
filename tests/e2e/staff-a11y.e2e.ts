/** axe (WCAG 2.2 AA) and a 320px-wide phone on every page of the sign-in and workspace shell. */
import { expect, type Page } from '@playwright/test';
import {
	createUser,
	demoAdmin,
	expectAccessible,
	idsOfArea,
	signIn,
	signInAs,
	test
} from './support/staff';

const SLUG = 'lancashire';

async function fitsWidth(page: Page) {
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow, `sideways scrolling on ${page.url()}`).toBeLessThanOrEqual(0);
}

test('sign-in pages, with and without errors', async ({ page }) => {
	await page.goto('/login');
	await expectAccessible(page);
	await signIn(page, '', '');
	await expect(page.getByRole('alert')).toBeVisible();
	await expectAccessible(page);
	await page.goto('/logout');
	await expectAccessible(page);
});

test('workspace pages of an admin', async ({ page }) => {
	test.slow(); // many pages in one test: three times the usual time limit
	const ids = idsOfArea(SLUG);
	await signInAs(page, demoAdmin(SLUG));
	for (const path of [
		'/app/findings',
		'/app/findings/new',
		`/app/findings/${ids.finding}`,
		'/app/inspections/new',
		`/app/inspections/${ids.inspection}`,
		'/app/users',
		`/app/users/${ids.user}`,
		'/app/audit',
		'/app/settings',
		'/app/account'
	]) {
		const response = await page.goto(path);
		expect(response?.status(), path).toBe(200);
		await expectAccessible(page);
	}
	// A page with its error summary showing.
	await page.goto('/app/findings/new');
	await page.getByRole('button', { name: 'Add finding' }).click();
	await expect(page.getByRole('alert')).toBeVisible();
	await expectAccessible(page);
});

test('error pages inside the workspace', async ({ page }) => {
	await signInAs(page, createUser({ slug: SLUG, role: 'viewer', tag: 'a11y' }));
	expect((await page.goto('/app/users'))?.status()).toBe(403);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'You do not have permission to see this'
	);
	await expectAccessible(page);
	expect((await page.goto('/app/findings/not-a-finding'))?.status()).toBe(403);
	await page.context().clearCookies();
	await signInAs(page, demoAdmin(SLUG));
	expect((await page.goto('/app/findings/not-a-finding'))?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
	await expect(page.getByRole('navigation', { name: 'Workspace' })).toBeVisible();
	await expectAccessible(page);
});

test.describe('on a 320px phone', () => {
	test.use({ viewport: { width: 320, height: 640 } });

	test('nothing scrolls sideways', async ({ page }) => {
		await page.goto('/login');
		await fitsWidth(page);
		await signInAs(page, demoAdmin(SLUG));
		for (const path of [
			'/app/findings',
			'/app/findings/new',
			'/app/users',
			'/app/settings',
			'/app/account'
		]) {
			await page.goto(path);
			await fitsWidth(page);
		}
	});
});
