import { createHash } from 'node:crypto';
import { clientHeaders } from './support/clients';
import { query } from './support/demo';
import {
	clientName,
	createUser,
	demoAdmin,
	endAccess,
	expect,
	isoDate,
	signIn,
	signInAs,
	test
} from './support/staff';

const SLUG = 'lancashire';

test('sign in goes back to the page asked for; sign out ends the session', async ({ page }) => {
	const admin = demoAdmin(SLUG);
	await page.goto('/app/findings');
	await expect(page).toHaveURL(/\/login\?next=%2Fapp%2Ffindings$/);
	await page.getByLabel('Email address').fill(admin.email);
	await page.getByLabel('Password', { exact: true }).fill(admin.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(/\/app\/findings$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Areas of weakness');
	const header = page.getByRole('banner');
	await expect(header).toContainText('Lancashire');
	await expect(header).toContainText('Admin');
	await expect(page.getByText('DEMO', { exact: true })).toBeVisible();

	// The cookie: HttpOnly, SameSite=Lax, and the database holds only its SHA-256.
	const cookie = (await page.context().cookies()).find((c) => c.name === 'heard_session');
	expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
	const hash = createHash('sha256').update(cookie!.value).digest('hex');
	expect(query('select id from sessions where id = ?', hash)).toHaveLength(1);
	expect(query('select id from sessions where id = ?', cookie!.value)).toHaveLength(0);

	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page).toHaveURL(/\/login$/);
	expect(query('select id from sessions where id = ?', hash)).toHaveLength(0);
	await page.goto('/app');
	await expect(page).toHaveURL(/\/login\?next=%2Fapp$/);
});

test('a wrong password and an unknown email get the same message', async ({ page }) => {
	const admin = demoAdmin(SLUG);
	await signIn(page, admin.email, 'not the right password');
	const summary = page.getByRole('alert');
	await expect(summary).toContainText('Enter a correct email address and password');
	const wrongPassword = await summary.textContent();
	await expect(page.getByLabel('Email address')).toHaveValue(admin.email);
	await expect(page.getByLabel('Password', { exact: true })).toHaveValue('');

	await signIn(page, 'nobody-at-all@lancashire.demo.example', 'not the right password');
	await expect(page.getByRole('alert')).toHaveText(wrongPassword!);

	await signIn(page, '', '');
	await expect(page.getByRole('alert')).toContainText('Enter your email address');
	await expect(page.getByRole('alert')).toContainText('Enter your password');
});

test('only a path on this site is followed after signing in', async ({ page }) => {
	const admin = demoAdmin(SLUG);
	await signIn(page, admin.email, admin.password, '/login?next=//evil.example/steal');
	await expect(page).toHaveURL(/localhost:\d+\/app$/);
});

test('a form posted from another site is refused; the site’s own posts carry its origin', async ({
	page,
	baseURL
}) => {
	const admin = demoAdmin(SLUG);
	const forged = await page.request.post('/login', {
		form: { email: admin.email, password: admin.password },
		headers: { origin: 'https://evil.example' }
	});
	expect(forged.status()).toBe(403);
	expect(forged.headers()['set-cookie'] ?? '').not.toContain('heard_session');
	// Referrer-Policy: same-origin still lets the browser send the real Origin on our own posts,
	// which is what SvelteKit's unchanged check compares.
	const posted = page.waitForRequest((r) => r.method() === 'POST');
	await signIn(page, admin.email, admin.password);
	expect(await (await posted).headerValue('origin')).toBe(baseURL);
	await expect(page).toHaveURL(/\/app$/);
});

test('an account is locked after five wrong passwords, and the failures are audited', async ({
	page
}) => {
	const officer = createUser({ slug: SLUG, role: 'officer', tag: 'limit' });
	for (let i = 1; i <= 5; i++) {
		await signIn(page, officer.email, `wrong password number ${i}`);
		await expect(page.getByRole('alert')).toContainText('Enter a correct email address');
	}
	await signIn(page, officer.email, officer.password);
	await expect(page.getByRole('alert')).toContainText('Too many attempts to sign in');
	await expect(page).toHaveURL(/\/login/);

	const events = query<{ action: string; detail: string }>(
		`select action, detail from audit_events
		 where subject_id = ? and action = 'sign_in_failed' order by created_at`,
		officer.id
	);
	expect(events.map((e) => JSON.parse(e.detail).reason)).toEqual([
		...Array(5).fill('wrong_password'),
		'rate_limited'
	]);
	expect(JSON.stringify(events)).not.toContain('wrong password number');
});

test('one client guessing many accounts is slowed down too', async ({ page }, testInfo) => {
	// This test's own client name, so the lock-out cannot reach other tests.
	await page.setExtraHTTPHeaders(clientHeaders(`${clientName(testInfo)}:guesser`));
	const request = page.request;
	const guess = (email: string, password: string) =>
		request.post('/login', {
			form: { email, password, next: '/app' },
			headers: {
				Origin: new URL(page.url() === 'about:blank' ? 'http://x' : page.url()).origin,
				...clientHeaders(`${clientName(testInfo)}:guesser`),
				Accept: 'text/html'
			},
			maxRedirects: 0
		});
	await page.goto('/login');
	for (let i = 0; i < 30; i++) {
		expect((await guess(`guess-${i}@nowhere.example`, 'password guess')).status()).toBe(400);
	}
	const admin = demoAdmin(SLUG);
	expect((await guess(admin.email, admin.password)).status()).toBe(429);
});

test('an inspector can sign in until their access ends, then not at all', async ({ browser }) => {
	const inspector = createUser({ slug: SLUG, role: 'inspector', expires: isoDate(30) });
	const context = await browser.newContext();
	const page = await context.newPage();
	await signInAs(page, inspector);
	const nav = page.getByRole('navigation', { name: 'Workspace' });
	await expect(nav.getByRole('link', { name: 'Areas of weakness' })).toBeVisible();
	await expect(nav.getByRole('link', { name: 'Users' })).toHaveCount(0);
	await expect(page.getByRole('banner')).toContainText('Inspector');

	endAccess(inspector.email);
	await page.goto('/app/findings');
	await expect(page).toHaveURL(/\/login\?next=/);
	await signIn(page, inspector.email, inspector.password);
	await expect(page.getByRole('alert')).toContainText('This account is no longer active');
	expect(query('select id from sessions where user_id = ?', inspector.id)).toHaveLength(0);
	await context.close();
});

test('changing the password signs out other devices; sign out everywhere ends them all', async ({
	browser
}) => {
	const officer = createUser({ slug: SLUG, role: 'officer', tag: 'pw' });
	const laptop = await (await browser.newContext()).newPage();
	const phone = await (await browser.newContext()).newPage();
	await signInAs(laptop, officer);
	await signInAs(phone, officer);

	await laptop.goto('/app/account');
	await laptop.getByLabel('Current password').fill(officer.password);
	await laptop.getByLabel('New password', { exact: true }).fill('password123456');
	await laptop.getByLabel('Type the new password again').fill('password123456');
	await laptop.getByRole('button', { name: 'Change password' }).click();
	await expect(laptop.getByRole('alert')).toContainText('Password is too common');

	const fresh = 'amber lantern tugboat meadow';
	await laptop.getByLabel('Current password').fill(officer.password);
	await laptop.getByLabel('New password', { exact: true }).fill(fresh);
	await laptop.getByLabel('Type the new password again').fill(fresh);
	await laptop.getByRole('button', { name: 'Change password' }).click();
	await expect(laptop.getByRole('status')).toContainText('Password changed');

	await phone.goto('/app');
	await expect(phone).toHaveURL(/\/login/);
	await laptop.goto('/app');
	await expect(laptop.getByRole('navigation', { name: 'Workspace' })).toBeVisible();

	await signInAs(phone, { email: officer.email, password: fresh });
	await laptop.goto('/app/account');
	await laptop.getByRole('button', { name: 'Sign out everywhere' }).click();
	await expect(laptop).toHaveURL(/\/login$/);
	await phone.goto('/app');
	await expect(phone).toHaveURL(/\/login/);
	expect(query('select id from sessions where user_id = ?', officer.id)).toHaveLength(0);
});
