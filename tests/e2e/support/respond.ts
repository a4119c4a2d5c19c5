/**
 * Helpers for the families' journey tests: a test fixture that names each test to the code
 * limiter and records every request, an accessibility scan, and a way to answer a page.
 */
export { expectAccessible, WCAG_TAGS } from './axe';
import { clientHeaders } from './clients';
import {
	test as base,
	expect,
	type Browser,
	type BrowserContext,
	type Page,
	type Response,
	type TestInfo
} from '@playwright/test';

export { expect };
export { clientHeaders };

export const test = base.extend<{ requests: URL[] }>({
	// Every URL the page asked for, so a test can prove nothing left the origin.
	requests: async ({ page }, use) => {
		const urls: URL[] = [];
		page.on('request', (request) => urls.push(new URL(request.url())));
		await use(urls);
	},
	page: async ({ page }, use, testInfo) => {
		// Each test is a client of its own to the limiters (see clients.ts).
		await page.setExtraHTTPHeaders(
			clientHeaders(`${testInfo.project.name}:${testInfo.testId}:${testInfo.retry}`)
		);
		await use(page);
	}
});

/** The headers every respondent page must send. */
export function expectPrivateHeaders(response: Response | null): void {
	expect(response).not.toBeNull();
	const headers = response!.headers();
	expect(headers['referrer-policy']).toBe('same-origin');
	expect(headers['content-security-policy']).toContain("default-src 'none'");
	expect(headers['content-security-policy']).toContain("script-src 'self'");
	expect(headers['content-security-policy']).not.toContain('unsafe-inline');
}

/** The one script of respondent pages, emitted with a content hash so it is cached for good. */
export const RESPOND_SCRIPT = /^\/_app\/immutable\/assets\/respond\.[\w-]+\.js$/;

/**
 * What the strict policy allows: no inline script or style anywhere, and no script but the
 * small enhancement file (no framework runtime, no chart or staff code).
 */
export async function expectNoInlineCode(page: Page, requests: URL[]): Promise<void> {
	await expect(page.locator('script:not([src]), [style], style')).toHaveCount(0);
	const scripts = requests.filter((url) => /\.m?js$/.test(url.pathname)).map((url) => url.pathname);
	expect([...new Set(scripts)]).toEqual([expect.stringMatching(RESPOND_SCRIPT)]);
}

/** Nothing was requested from another origin. */
export function expectSameOrigin(requests: URL[], baseURL: string | undefined): void {
	const origin = new URL(baseURL!).origin;
	expect(requests.length).toBeGreaterThan(0);
	expect(requests.filter((url) => url.origin !== origin).map(String)).toEqual([]);
}

/**
 * Answer every question on the current page: the first option of each choice (or a given
 * index), the text given for free text. Works with JavaScript on or off.
 */
export async function answerPage(page: Page, text: string, choice = 0): Promise<void> {
	const groups = page.locator('main .form-group');
	for (let i = 0; i < (await groups.count()); i++) {
		const group = groups.nth(i);
		const textarea = group.locator('textarea');
		if ((await textarea.count()) > 0) {
			await textarea.fill(text);
			continue;
		}
		const inputs = group.locator('input[type=radio], input[type=checkbox]');
		const count = await inputs.count();
		if (count > 0) await inputs.nth(Math.min(choice, count - 1)).check();
		else await group.locator('input[type=text]').fill('3');
	}
}

/** Answer page after page (each with answerPage) until the check page. */
export async function answerAllPages(
	page: Page,
	text: string,
	visit?: (page: Page) => Promise<void>
): Promise<void> {
	while (/\/p\/\d+$/.test(new URL(page.url()).pathname)) {
		await page.waitForLoadState('load');
		if (visit) await visit(page);
		await answerPage(page, text);
		const before = page.url();
		await page.getByRole('button', { name: 'Continue' }).click();
		await page.waitForURL((url) => url.href !== before);
	}
	await expect(page).toHaveURL(/\/check$/);
}

/** The form fields of the current page, as the browser would post them (for tampering tests). */
export async function formFields(page: Page): Promise<Record<string, string>> {
	return page.locator('main form').evaluate((form) => {
		const fields: Record<string, string> = {};
		for (const [name, value] of new FormData(form as HTMLFormElement)) fields[name] = String(value);
		return fields;
	});
}

/**
 * A fresh open-wave access code for this test. Respondent tests own batch 0 indices 200–399:
 * the phone project takes 200–299 and the desktop project 300–399; each test passes its own slot.
 */
export function slotIndex(projectName: string, slot: number): number {
	if (slot < 0 || slot > 99) throw new Error('slots are 0–99');
	return (projectName === 'phone' ? 200 : 300) + slot;
}

/** A second, separate browser (no shared cookies), set up like this test's project. */
export async function freshContext(browser: Browser, testInfo: TestInfo): Promise<BrowserContext> {
	const { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch, baseURL, javaScriptEnabled } =
		testInfo.project.use;
	return browser.newContext({
		viewport,
		userAgent,
		deviceScaleFactor,
		isMobile,
		hasTouch,
		baseURL,
		javaScriptEnabled,
		extraHTTPHeaders: clientHeaders(`${testInfo.project.name}:${testInfo.testId}:2nd`)
	});
}
