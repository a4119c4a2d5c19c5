import { query } from './support/demo';
import {
	createUser,
	expect,
	freshSlug,
	isoDate,
	signIn,
	signInAs,
	test,
	userId
} from './support/staff';

test('an admin adds a user, changes their role, resets their password and disables them', async ({
	page,
	browser
}, testInfo) => {
	const slug = freshSlug(`users-${testInfo.project.name}`);
	const admin = createUser({ slug, role: 'admin', areaName: 'Testshire' });
	await signInAs(page, admin);
	await page
		.getByRole('navigation', { name: 'Workspace' })
		.getByRole('link', { name: 'Users' })
		.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Users');

	// An inspector needs an end date.
	const email = `new-${slug}@e2e.example`;
	await page.getByLabel('Email address').fill(email);
	await page.getByLabel('Full name').fill('Nia Officer');
	await page.getByRole('radio', { name: /^Inspector/ }).check();
	await page.getByRole('button', { name: 'Add user' }).click();
	await expect(page.getByRole('alert')).toContainText('Enter the date the inspector’s access ends');
	expect(query('select id from users where email = ?', email)).toHaveLength(0);

	await page.getByRole('radio', { name: /^Officer/ }).check();
	await page.getByRole('button', { name: 'Add user' }).click();
	const shown = page.getByTestId('new-password');
	await expect(shown).toBeVisible();
	const password = (await shown.textContent())!.trim();
	expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
	await expect(page.getByRole('cell', { name: email })).toBeVisible();

	// The new officer signs in elsewhere with it.
	const other = await (await browser.newContext()).newPage();
	await signInAs(other, { email, password });
	await expect(other.getByRole('banner')).toContainText('Officer');

	// Change role: to inspector until a date.
	const id = userId(email);
	await page.goto(`/app/users/${id}`);
	await page.getByRole('radio', { name: /^Inspector/ }).check();
	await page.getByLabel('Access ends (inspectors only)').fill(isoDate(14));
	await page.getByRole('button', { name: 'Change role' }).click();
	await expect(page.getByRole('status')).toContainText('Role changed');
	expect(query('select role, expires_on from users where id = ?', id)).toEqual([
		{ role: 'inspector', expires_on: isoDate(14) }
	]);

	// Reset: a new password shown once; the old one stops working and their session ends.
	await page.getByRole('button', { name: 'Reset password' }).click();
	const reset = (await page.getByTestId('new-password').textContent())!.trim();
	expect(reset).not.toBe(password);
	await other.goto('/app');
	await expect(other).toHaveURL(/\/login/);
	await signIn(other, email, password);
	await expect(other.getByRole('alert')).toContainText('Enter a correct email address');
	await signInAs(other, { email, password: reset });

	// Disable: signed out at once, and cannot sign in again.
	await page.getByRole('button', { name: 'Disable account' }).click();
	await expect(page.getByRole('status')).toContainText('Account disabled');
	await other.goto('/app');
	await expect(other).toHaveURL(/\/login/);
	await signIn(other, email, reset);
	await expect(other.getByRole('alert')).toContainText('This account is no longer active');

	// The admin cannot lock themselves out.
	await page.goto(`/app/users/${admin.id}`);
	await expect(page.getByRole('button', { name: 'Disable account' })).toHaveCount(0);

	// Every change is in the audit log, which can be filtered by action.
	await page.goto('/app/audit');
	const log = page.getByRole('table');
	for (const action of [
		'user created',
		'user role changed',
		'user password reset',
		'user disabled',
		'sign in failed'
	])
		await expect(log.getByText(action, { exact: true }).first()).toBeVisible();
	await page.getByLabel('Show').selectOption('user_disabled');
	await page.getByRole('button', { name: 'Filter' }).click();
	await expect(page).toHaveURL(/action=user_disabled/);
	await expect(log.locator('tbody tr')).toHaveCount(1);
	await expect(log).toContainText(email);
	await expect(log).not.toContainText(password);
	await expect(log).not.toContainText(reset);
});

test('area settings: thresholds may be raised, never lowered below 10 and 5', async ({
	page
}, testInfo) => {
	const slug = freshSlug(`settings-${testInfo.project.name}`);
	const admin = createUser({ slug, role: 'admin', areaName: 'Settingshire' });
	await signInAs(page, admin);
	await page.goto('/app/settings');
	const area = () =>
		query<{ name: string; min_base: number; min_count: number; districts: string }>(
			'select name, min_base, min_count, districts from local_areas where slug = ?',
			slug
		)[0]!;

	await page.getByLabel('Smallest base for a percentage').fill('9');
	await page.getByLabel('Smallest count shown').fill('4');
	await page.getByRole('button', { name: 'Save settings' }).click();
	const summary = page.getByRole('alert');
	await expect(summary).toContainText('The smallest base for a percentage must be 10 or more');
	await expect(summary).toContainText('The smallest count shown must be 5 or more');
	expect(area()).toMatchObject({ min_base: 10, min_count: 5 });

	await page.getByLabel('Local area name').fill('Settingshire and Wolds');
	await page.getByLabel('Districts').fill('North\nSouth\n\nNorth\nCoast');
	await page.getByLabel('Smallest base for a percentage').fill('20');
	await page.getByLabel('Smallest count shown').fill('6');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByRole('status')).toContainText('Settings saved');
	expect(area()).toEqual({
		name: 'Settingshire and Wolds',
		min_base: 20,
		min_count: 6,
		districts: JSON.stringify(['North', 'South', 'Coast'])
	});
	await expect(page.getByRole('banner')).toContainText('Settingshire and Wolds');

	// Lowering again, but not below the floor, is allowed.
	await page.getByLabel('Smallest base for a percentage').fill('10');
	await page.getByRole('button', { name: 'Save settings' }).click();
	// The "saved" notice is already showing from the last save, so wait for the row itself.
	await expect.poll(() => area().min_base).toBe(10);
	const events = query<{ detail: string }>(
		`select detail from audit_events where action = 'area_settings_updated' and user_id = ?
		 order by created_at`,
		admin.id
	);
	expect(events.map((e) => JSON.parse(e.detail).minBase)).toEqual([
		{ from: 10, to: 20 },
		{ from: 20, to: 10 }
	]);
});

test('an officer cannot open the admin pages', async ({ page }) => {
	const officer = createUser({ slug: 'lancashire', role: 'officer', tag: 'noadmin' });
	await signInAs(page, officer);
	for (const path of ['/app/users', '/app/audit', '/app/settings']) {
		const response = await page.goto(path);
		expect(response?.status(), path).toBe(403);
	}
});
