/**
 * "You said, we did": the public page per area, read by anyone without signing in, with
 * JavaScript off, on a phone and a desktop; GOV.UK patterns, axe clean, nothing from other hosts,
 * no cookies; only published figures, actions in the officer's words without the named lead,
 * and quotes chosen from reviewed comments; nothing of another area. An officer chooses a quote,
 * previews, confirms, and withdraws it again (the address then answers 404); each step audited.
 */
import type { Browser, TestInfo } from '@playwright/test';
import { clientHeaders } from './support/clients';
import { query } from './support/demo';
import { clientName, createUser, expect, expectAccessible, signInAs, test } from './support/staff';

const READ = 'worcestershire';
// Each project publishes and withdraws its own area, so two runs at once never race.
const publishing = (testInfo: TestInfo) =>
	testInfo.project.name === 'phone' ? 'lancashire' : 'essex';

/**
 * A visitor who has never signed in, on this project's device, with JavaScript off (axe needs it
 * on to run, so its checks use a second visitor: the pages carry no script either way).
 */
async function anonymous(
	browser: Browser,
	baseURL: string,
	testInfo: TestInfo,
	javaScriptEnabled = false
) {
	const { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch } = testInfo.project.use;
	const context = await browser.newContext({
		javaScriptEnabled,
		baseURL,
		viewport,
		userAgent,
		deviceScaleFactor,
		isMobile,
		hasTouch,
		extraHTTPHeaders: clientHeaders(`${clientName(testInfo)}:public:${javaScriptEnabled}`)
	});
	const requests: string[] = [];
	context.on('request', (r) => requests.push(r.url()));
	return { context, page: await context.newPage(), requests };
}

function weaknessTitles(slug: string) {
	return query<{ title: string }>(
		`select f.title from findings f join local_areas a on a.id = f.local_area_id
		 join inspections i on i.id = f.inspection_id
		 where a.slug = ? and f.kind != 'strength' and f.archived = 0 and i.archived = 0
		 order by i.position, f.position`,
		slug
	).map((r) => r.title);
}

test('anyone reads the published page, without JavaScript, and it holds only what a viewer may see', async ({
	browser,
	baseURL
}, testInfo) => {
	const { context, page, requests } = await anonymous(browser, baseURL!, testInfo);
	const response = await page.goto(`/areas/${READ}`);
	expect(response?.status()).toBe(200);
	expect(response?.headers()['cache-control']).toBe('no-store');
	expect(response?.headers()['content-security-policy']).toContain("default-src 'none'");
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('You said, we did');
	await expect(page.getByRole('heading', { level: 2 })).toHaveText(weaknessTitles(READ));
	await expect(page.getByRole('heading', { level: 3, name: 'You said' }).first()).toBeVisible();
	await expect(page.getByRole('heading', { level: 3, name: 'We did' }).first()).toBeVisible();
	await expect(page.getByText(/% of answers were positive/).first()).toBeVisible();
	await expect(page.locator('script')).toHaveCount(0);

	const html = await page.content();
	// The named leads of the area's actions stay on the staff pages.
	for (const lead of ['Assistant director, education', 'SEND improvement lead'])
		expect(html, lead).not.toContain(lead);
	// Nothing of another area.
	for (const title of [...weaknessTitles('lancashire'), ...weaknessTitles('essex')])
		expect(html).not.toContain(title);
	// Free text only as quotes, each a reviewed comment of this area.
	const reviewed = new Set(
		query<{ body: string }>(
			`select c.body from comments c join surveys s on s.id = c.survey_id
			 join local_areas a on a.id = s.local_area_id where a.slug = ? and c.status = 'reviewed'`,
			READ
		).map((r) => `“${r.body}”`)
	);
	const quotes = await page.locator('blockquote').allTextContents();
	expect(quotes.length).toBeGreaterThan(0);
	for (const q of quotes) expect(reviewed.has(q.trim()), q).toBe(true);

	await page.getByRole('link', { name: 'Easy read version for young people' }).click();
	await expect(page).toHaveURL(new RegExp(`/areas/${READ}/easy-read$`));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('You said, we did');
	await expect(page.getByRole('link', { name: 'Full version' })).toBeVisible();

	const missing = await page.goto('/areas/no-such-area');
	expect(missing?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');

	// The same pages pass axe on this device; nothing is fetched from elsewhere, no cookie set.
	const checker = await anonymous(browser, baseURL!, testInfo, true);
	for (const path of [`/areas/${READ}`, `/areas/${READ}/easy-read`, '/areas/no-such-area']) {
		await checker.page.goto(path);
		await expectAccessible(checker.page);
	}
	for (const url of [...requests, ...checker.requests])
		expect(new URL(url).origin, url).toBe(new URL(baseURL!).origin);
	expect(requests.length).toBeGreaterThan(1);
	expect(await context.cookies()).toEqual([]);
	expect(await checker.context.cookies()).toEqual([]);
	await context.close();
	await checker.context.close();
});

test('an officer chooses a quote, previews and publishes the page, then withdraws it', async ({
	page,
	browser,
	baseURL
}, testInfo) => {
	test.slow(); // many pages in one test: three times the usual time limit
	const PUBLISH = publishing(testInfo);
	const officer = createUser({ slug: PUBLISH, role: 'officer', tag: 'public' });
	const started = new Date(Date.now() - 1000).toISOString();
	await signInAs(page, officer);
	await page.goto('/app/public');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('the public page');
	await expectAccessible(page);

	// One quote, chosen from a finding's reviewed comments.
	const choice = page.locator('.quote-finding', { has: page.getByText('Choose a quote') }).first();
	await choice.getByText('Choose a quote').click();
	const candidate = choice.locator('form[action="?/quote"]').first();
	const words = (await candidate.locator('xpath=..').locator('blockquote').textContent())!.trim();
	await candidate.getByRole('button').click();
	await expect(page.getByRole('status')).toContainText('Quote chosen.');

	await page.getByRole('link', { name: /^Preview and publish/ }).click();
	await expect(page).toHaveURL(/\/app\/public\/preview$/);
	await expect(page.getByText(`“${words}”`).first()).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Confirm and publish' }).click();
	await expect(page.getByRole('status')).toContainText('The public page is published.');

	const visitor = await anonymous(browser, baseURL!, testInfo);
	const published = await visitor.page.goto(`/areas/${PUBLISH}`);
	expect(published?.status()).toBe(200);
	await expect(visitor.page.getByText(`“${words}”`).first()).toBeVisible();

	await page.getByRole('button', { name: 'Withdraw the page' }).click();
	await expect(page.getByRole('status')).toContainText('The public page is withdrawn.');
	const withdrawn = await visitor.page.goto(`/areas/${PUBLISH}`);
	expect(withdrawn?.status()).toBe(404);
	expect((await visitor.page.goto(`/areas/${PUBLISH}/easy-read`))?.status()).toBe(404);
	await visitor.context.close();

	const audited = query<{ action: string }>(
		`select e.action from audit_events e join local_areas a on a.id = e.local_area_id
		 join users u on u.id = e.user_id
		 where a.slug = ? and u.email = ? and e.created_at >= ? and e.action like 'public%'
		 order by e.created_at`,
		PUBLISH,
		officer.email,
		started
	).map((e) => e.action);
	expect(audited).toEqual([
		'public_quote_chosen',
		'public_page_published',
		'public_page_withdrawn'
	]);
});
