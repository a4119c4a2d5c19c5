/**
 * Council sign-in (OpenID Connect) end to end, against a real provider that the test starts
 * (tests/e2e/support/oidc-provider.ts). Each test sets up its own local area through the
 * settings page, with its own email domain, and signs staff in through the browser. Refusals
 * are tried as an attacker or a broken provider would cause them: a state from another sign-in,
 * a nonce the browser never asked for, an expired ID token, an email outside the domains.
 * Every refusal must say why and leave no session behind.
 */
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { query } from './support/demo';
import {
	signInAtProvider,
	startTestProvider,
	type TestAccount,
	type TestProvider
} from './support/oidc-provider';
import {
	createUser,
	expect,
	expectAccessible,
	freshSlug,
	signIn,
	signInAs,
	test,
	type MadeUser
} from './support/staff';

let idp: TestProvider;

test.beforeAll(async () => {
	idp = await startTestProvider(`${test.info().project.use.baseURL}/login/oidc/callback`);
});
test.afterAll(async () => {
	await idp.stop();
});
// Each test makes its own area and admin (the real user:create command), sets council sign-in
// up through the settings page and then signs in through the provider: three times the usual
// time limit, as the cross-area walk has.
test.beforeEach(() => {
	test.slow();
});

interface CouncilArea {
	slug: string;
	domain: string;
	admin: MadeUser;
}

type NewAccounts = 'viewer' | 'officer' | 'refuse';

/** A new area whose admin (signed in on `page` with a password) sets up council sign-in. */
async function councilArea(page: Page, newAccounts: NewAccounts = 'viewer'): Promise<CouncilArea> {
	const slug = freshSlug('oidc');
	const domain = `${slug}.example`;
	const admin = createUser({
		slug,
		role: 'admin',
		areaName: `Council ${slug}`,
		email: `admin@${domain}`
	});
	await signInAs(page, admin);
	await page.goto('/app/settings/sign-in');
	await fillSettings(page, { domains: domain, newAccounts });
	await page.getByRole('button', { name: 'Save council sign-in' }).click();
	await expect(page.getByRole('status')).toContainText('Council sign-in settings saved');
	return { slug, domain, admin };
}

async function fillSettings(
	page: Page,
	values: { domains: string; newAccounts: NewAccounts; issuer?: string }
) {
	await page.getByLabel('Issuer URL').fill(values.issuer ?? idp.issuer);
	await page.getByLabel('Client ID').fill(idp.clientId);
	await page.getByLabel('Client secret').fill(idp.clientSecret);
	await page.getByLabel('Email domains').fill(values.domains);
	const choice = {
		viewer: 'Create an account as a viewer',
		officer: 'Create an account as an officer',
		refuse: 'Refuse'
	}[values.newAccounts];
	await page.getByRole('radio', { name: choice }).check();
}

/** A test account at the provider, with a login of its own. */
function account(area: CouncilArea, name: string, details: Partial<TestAccount> = {}): string {
	const login = `${name}-${area.slug}`;
	idp.accounts.set(login, { email: `${name}@${area.domain}`, ...details });
	return login;
}

/** A browser with nobody signed in, to sign in as staff. */
async function freshBrowser(
	browser: Browser,
	options: { javaScriptEnabled?: boolean } = {}
): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({
		baseURL: test.info().project.use.baseURL,
		...options
	});
	return { context, page: await context.newPage() };
}

async function councilSignIn(page: Page, area: CouncilArea, login: string) {
	await page.goto(`/login?area=${area.slug}`);
	await page.getByRole('link', { name: 'Sign in with your council account' }).click();
	await signInAtProvider(page, login);
}

async function expectSignedIn(page: Page) {
	await expect(page.getByRole('navigation', { name: 'Workspace' })).toBeVisible();
}

async function expectRefused(page: Page, context: BrowserContext, message: string) {
	await expect(page).toHaveURL(/\/login\?/);
	await expect(page.getByRole('alert')).toContainText(message);
	expect((await context.cookies()).map((c) => c.name)).not.toContain('heard_session');
	await page.goto('/app');
	await expect(page).toHaveURL(/\/login\?next=%2Fapp/);
}

function auditOf(slug: string, action: string) {
	return query<{ detail: string | null; user_id: string | null }>(
		`select detail, user_id from audit_events
		 where action = ? and local_area_id = (select id from local_areas where slug = ?)
		 order by created_at`,
		action,
		slug
	).map((row) => ({ userId: row.user_id, ...JSON.parse(row.detail ?? '{}') }));
}

/** Leaves for the provider as the council button would, then returns its address. */
async function authorizationUrl(page: Page, area: CouncilArea): Promise<URL> {
	// page.request shares the browser's cookies, so the pending sign-in cookie is kept.
	const start = await page.request.get(`/login/oidc?area=${area.slug}`, { maxRedirects: 0 });
	expect(start.status()).toBe(303);
	const url = new URL(start.headers()['location']!);
	expect(url.origin).toBe(idp.issuer);
	expect(url.searchParams.get('code_challenge_method')).toBe('S256');
	return url;
}

test('an admin sets up council sign-in: checked, the secret kept sealed, audited without it', async ({
	page
}) => {
	const slug = freshSlug('oidc-settings');
	const admin = createUser({ slug, role: 'admin', areaName: `Council ${slug}` });
	await signInAs(page, admin);
	await page.goto('/app/settings');
	await page.getByRole('link', { name: 'Set up council sign-in' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		`Council sign-in for Council ${slug}`
	);
	await expect(page.getByText(/\/login\/oidc\/callback$/)).toBeVisible();
	await expectAccessible(page);

	await fillSettings(page, {
		domains: 'council.example\nnot a domain',
		newAccounts: 'viewer',
		issuer: 'http://idp.example.com'
	});
	await page.getByRole('button', { name: 'Save council sign-in' }).click();
	const summary = page.getByRole('alert');
	await expect(summary).toContainText('The issuer must start with https://');
	await expect(summary).toContainText('“not” is not an email domain');
	// Nothing was saved, and the secret is not shown back, with or without JavaScript.
	await expect(page.getByLabel('Client secret')).toHaveValue('');
	const refused = await page.request.post('/app/settings/sign-in?/save', {
		form: {
			issuer: 'http://idp.example.com',
			clientId: 'x',
			clientSecret: idp.clientSecret,
			domains: 'x'
		},
		headers: { Origin: new URL(page.url()).origin, Accept: 'text/html' }
	});
	expect(refused.status()).toBe(400);
	expect(await refused.text()).not.toContain(idp.clientSecret);
	expect(
		query(
			'select * from area_sign_in where local_area_id = (select id from local_areas where slug = ?)',
			slug
		)
	).toEqual([]);

	await fillSettings(page, { domains: `${slug}.example`, newAccounts: 'officer' });
	await page.getByRole('button', { name: 'Save council sign-in' }).click();
	await expect(page.getByRole('status')).toContainText('Council sign-in settings saved');
	await expect(page.getByLabel('Client secret')).toHaveValue('');
	await expect(page.getByText('A secret is saved')).toBeVisible();
	// The form shows what is saved, ticks included.
	await expect(page.getByLabel('Offer council sign-in')).toBeChecked();
	await expect(page.getByRole('radio', { name: 'Create an account as an officer' })).toBeChecked();

	const [row] = query<{ client_secret_sealed: string; new_account_role: string }>(
		'select client_secret_sealed, new_account_role from area_sign_in where local_area_id = (select id from local_areas where slug = ?)',
		slug
	);
	expect(row?.new_account_role).toBe('officer');
	expect(row?.client_secret_sealed).not.toContain(idp.clientSecret);
	const [change] = auditOf(slug, 'sign_in_settings_changed');
	expect(change).toMatchObject({ userId: admin.id, issuer: idp.issuer, clientSecret: 'replaced' });
	expect(JSON.stringify(query('select * from audit_events'))).not.toContain(idp.clientSecret);

	// Password sign-in cannot go before the admin has proved council sign-in works.
	await page.getByLabel('Staff may also sign in with a password').uncheck();
	await page.getByRole('button', { name: 'Save council sign-in' }).click();
	await expect(page.getByRole('alert')).toContainText('Before turning password sign-in off');
});

test('only an admin reaches the council sign-in settings', async ({ page }) => {
	const slug = freshSlug('oidc-roles');
	createUser({ slug, role: 'admin', areaName: `Council ${slug}` });
	const officer = createUser({ slug, role: 'officer' });
	await signInAs(page, officer);
	const get = await page.request.get('/app/settings/sign-in', { maxRedirects: 0 });
	expect(get.status()).toBe(403);
	const post = await page.request.post('/app/settings/sign-in?/save', {
		form: {
			issuer: 'https://idp.example',
			clientId: 'x',
			clientSecret: 'y',
			domains: 'x.example',
			newAccounts: 'viewer',
			enabled: 'on',
			passwordSignIn: 'on'
		},
		headers: { Origin: new URL(page.url()).origin },
		maxRedirects: 0
	});
	expect(post.status()).toBe(403);
	expect(
		query(
			'select * from area_sign_in where local_area_id = (select id from local_areas where slug = ?)',
			slug
		)
	).toEqual([]);
});

test('an existing account is found by its verified email, from the work email to the page asked for', async ({
	page,
	browser
}) => {
	const area = await councilArea(page);
	const viewer = createUser({ slug: area.slug, role: 'viewer', email: `viewer@${area.domain}` });
	const login = account(area, 'viewer');
	const { context, page: staff } = await freshBrowser(browser);

	await staff.goto('/app/findings');
	await expect(staff).toHaveURL(/\/login\?next=%2Fapp%2Ffindings/);
	await expectAccessible(staff);
	await staff.getByLabel('Work email').fill(`Viewer@${area.domain.toUpperCase()}`);
	await staff.getByRole('button', { name: 'Continue with your council account' }).click();
	await expect(staff.getByRole('heading', { level: 1 })).toHaveText(
		`Sign in to Council ${area.slug}`
	);
	await staff.getByRole('link', { name: 'Sign in with your council account' }).click();
	await signInAtProvider(staff, login);

	await expect(staff).toHaveURL(/\/app\/findings$/);
	await expectSignedIn(staff);
	expect(auditOf(area.slug, 'sign_in')).toContainEqual({
		userId: viewer.id,
		method: 'oidc',
		matchedBy: 'email'
	});
	expect(query('select issuer, subject from user_identities where user_id = ?', viewer.id)).toEqual(
		[{ issuer: idp.issuer, subject: login }]
	);
	await context.close();
});

test('a new email gets an account with the role the admin chose, and no password (no JavaScript)', async ({
	page,
	browser
}) => {
	const area = await councilArea(page, 'officer');
	const login = account(area, 'newcomer', { name: 'Nia Newcomer' });
	// Links and plain forms all the way: the whole sign-in works with JavaScript off.
	const { context, page: staff } = await freshBrowser(browser, { javaScriptEnabled: false });
	await councilSignIn(staff, area, login);
	await expectSignedIn(staff);
	await expect(staff.getByRole('link', { name: 'Questionnaires' })).toBeVisible();

	const [user] = query<{ id: string; role: string; name: string; password_hash: string | null }>(
		'select id, role, name, password_hash from users where email = ?',
		`newcomer@${area.domain}`
	);
	expect(user).toMatchObject({ role: 'officer', name: 'Nia Newcomer', password_hash: null });
	expect(auditOf(area.slug, 'user_created')).toContainEqual(
		expect.objectContaining({ role: 'officer', method: 'oidc' })
	);
	await context.close();
});

test('a new email is refused when the area does not create accounts', async ({ page, browser }) => {
	const area = await councilArea(page, 'refuse');
	const login = account(area, 'stranger');
	const { context, page: staff } = await freshBrowser(browser);
	await councilSignIn(staff, area, login);
	await expectRefused(staff, context, 'You do not have a Heard account yet');
	expect(query('select id from users where email = ?', `stranger@${area.domain}`)).toEqual([]);
	expect(auditOf(area.slug, 'sign_in_failed')).toContainEqual(
		expect.objectContaining({ method: 'oidc', reason: 'no_account' })
	);
	await context.close();
});

test('a disabled account is refused', async ({ page, browser }) => {
	const area = await councilArea(page);
	const viewer = createUser({ slug: area.slug, role: 'viewer', email: `gone@${area.domain}` });
	await page.goto(`/app/users/${viewer.id}`);
	await page.getByRole('button', { name: 'Disable account' }).click();
	await expect(page.getByRole('status')).toContainText('Account disabled');
	const login = account(area, 'gone');
	const { context, page: staff } = await freshBrowser(browser);
	await councilSignIn(staff, area, login);
	await expectRefused(staff, context, 'This account is no longer active');
	await context.close();
});

test('an email outside the area’s domains is refused', async ({ page, browser }) => {
	const area = await councilArea(page, 'officer');
	const login = account(area, 'outsider', { email: `outsider@elsewhere-${area.slug}.example` });
	const { context, page: staff } = await freshBrowser(browser);
	await councilSignIn(staff, area, login);
	await expectRefused(staff, context, 'not in a domain this local area accepts');
	expect(query('select id from users where email like ?', 'outsider@%')).toEqual([]);
	expect(auditOf(area.slug, 'sign_in_failed')).toContainEqual(
		expect.objectContaining({
			reason: 'domain_not_allowed',
			domain: `elsewhere-${area.slug}.example`
		})
	);
	await context.close();
});

test('an unverified email is refused', async ({ page, browser }) => {
	const area = await councilArea(page, 'officer');
	const login = account(area, 'unverified', { emailVerified: false });
	const { context, page: staff } = await freshBrowser(browser);
	await councilSignIn(staff, area, login);
	await expectRefused(staff, context, 'not marked as verified');
	await context.close();
});

test('a state that is not this browser’s sign-in is refused', async ({ page, browser }) => {
	const area = await councilArea(page);
	createUser({ slug: area.slug, role: 'viewer', email: `viewer@${area.domain}` });
	const login = account(area, 'viewer');
	const { context, page: staff } = await freshBrowser(browser);
	const url = await authorizationUrl(staff, area);
	url.searchParams.set('state', 'a-state-this-browser-never-started');
	await staff.goto(url.href);
	await signInAtProvider(staff, login);
	await expectRefused(staff, context, 'did not match the one started from this browser');
	expect(auditOf(area.slug, 'sign_in_failed')).toContainEqual(
		expect.objectContaining({ method: 'oidc', reason: 'state_mismatch' })
	);
	await context.close();
});

test('an ID token with a nonce this browser never asked for is refused', async ({
	page,
	browser
}) => {
	const area = await councilArea(page);
	createUser({ slug: area.slug, role: 'viewer', email: `viewer@${area.domain}` });
	const login = account(area, 'viewer');
	const { context, page: staff } = await freshBrowser(browser);
	const url = await authorizationUrl(staff, area);
	url.searchParams.set('nonce', 'a-nonce-from-someone-elses-sign-in');
	await staff.goto(url.href);
	await signInAtProvider(staff, login);
	await expectRefused(staff, context, 'did not match this sign-in');
	expect(auditOf(area.slug, 'sign_in_failed')).toContainEqual(
		expect.objectContaining({ reason: 'nonce_mismatch' })
	);
	await context.close();
});

test('an expired ID token is refused', async ({ page, browser }) => {
	const area = await councilArea(page);
	createUser({ slug: area.slug, role: 'viewer', email: `viewer@${area.domain}` });
	const login = account(area, 'viewer');
	const { context, page: staff } = await freshBrowser(browser);
	// Two minutes in the past: beyond any allowance for clock skew.
	idp.setIdTokenLifetime(-120);
	try {
		await councilSignIn(staff, area, login);
		await expectRefused(staff, context, 'had expired');
	} finally {
		idp.setIdTokenLifetime(600);
	}
	expect(auditOf(area.slug, 'sign_in_failed')).toContainEqual(
		expect.objectContaining({ reason: 'id_token_expired' })
	);
	await context.close();
});

test('a callback with no sign-in started is refused and writes nothing', async ({ browser }) => {
	const before = query<{ n: number }>(
		"select count(*) as n from audit_events where action = 'sign_in_failed'"
	)[0]!.n;
	const { context, page: staff } = await freshBrowser(browser);
	await staff.goto('/login/oidc/callback?code=stolen-code&state=guessed-state');
	await expectRefused(
		staff,
		context,
		'Your sign-in took too long or was started in another browser'
	);
	const after = query<{ n: number }>(
		"select count(*) as n from audit_events where action = 'sign_in_failed'"
	)[0]!.n;
	expect(after).toBe(before);
	await context.close();
});

test('an area can turn passwords off once its admin has signed in through the council', async ({
	page,
	browser
}) => {
	const area = await councilArea(page);
	const officer = createUser({ slug: area.slug, role: 'officer', email: `officer@${area.domain}` });
	const adminLogin = account(area, 'admin');

	const { context, page: adminViaCouncil } = await freshBrowser(browser);
	await councilSignIn(adminViaCouncil, area, adminLogin);
	await expectSignedIn(adminViaCouncil);
	await adminViaCouncil.goto('/app/settings/sign-in');
	await adminViaCouncil.getByLabel('Staff may also sign in with a password').uncheck();
	await adminViaCouncil.getByRole('button', { name: 'Save council sign-in' }).click();
	await expect(adminViaCouncil.getByRole('status')).toContainText('Council sign-in settings saved');
	await context.close();

	const fresh = await freshBrowser(browser);
	await signIn(fresh.page, officer.email, officer.password);
	await expect(fresh.page.getByRole('alert')).toContainText(
		'Your local area does not use passwords'
	);
	expect((await fresh.context.cookies()).map((c) => c.name)).not.toContain('heard_session');
	await fresh.page.goto(`/login?area=${area.slug}`);
	await expect(fresh.page.getByLabel('Password', { exact: true })).toHaveCount(0);
	await expect(
		fresh.page.getByRole('link', { name: 'Sign in with your council account' })
	).toBeVisible();
	await expectAccessible(fresh.page);
	await fresh.context.close();
});
