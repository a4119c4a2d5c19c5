import { query } from './support/demo';
import { createUser, expect, idsOfArea, signInAs, test } from './support/staff';
import type { Page } from '@playwright/test';

const SLUG = 'lancashire';

function findingsOf(inspectionId: string) {
	return query<{ id: string; code: string; archived: number; title: string }>(
		'select id, code, archived, title from findings where inspection_id = ? order by position',
		inspectionId
	);
}

/** The list's section for one inspection: other tests add findings with the same codes. */
function section(page: Page, inspectionId: string) {
	return page.locator(`section[aria-labelledby="inspection-${inspectionId}"]`);
}

async function addInspection(page: Page, outcome: string) {
	await page.goto('/app/findings');
	await page.getByRole('link', { name: 'Add an inspection' }).click();
	await page.getByLabel('Kind of inspection').selectOption('revisit');
	await page.getByLabel('First day (optional)').fill('2024-05-20');
	await page.getByLabel('Last day (optional)').fill('2024-05-10');
	await page.getByLabel('Outcome (optional)').fill(outcome);
	await page.getByRole('button', { name: 'Add inspection' }).click();
	await expect(page.getByRole('alert')).toContainText(
		'The end date must be the same as or after the start date'
	);
	expect(query('select id from inspections where outcome = ?', outcome)).toHaveLength(0);
	await page.getByLabel('Last day (optional)').fill('2024-05-24');
	await page.getByRole('button', { name: 'Add inspection' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Add a finding');
	return query<{ id: string }>('select id from inspections where outcome = ?', outcome)[0]!.id;
}

async function addFinding(page: Page, code: string, title: string) {
	await page.getByLabel('Code').fill(code);
	await page.getByLabel('Title').fill(title);
	await page.getByLabel('Kind of finding').selectOption('significant_weakness');
	await page.getByLabel('Theme').selectOption('HLTH');
	await page.getByRole('button', { name: 'Add finding' }).click();
	await expect(page).toHaveURL(/\/app\/findings#finding-/);
}

test('an officer records an inspection and its findings, edits, orders, archives and deletes', async ({
	page
}, testInfo) => {
	const officer = createUser({ slug: SLUG, role: 'officer', tag: 'findings' });
	await signInAs(page, officer);
	const outcome = `Revisit outcome ${testInfo.project.name} ${Date.now()}`;
	const inspectionId = await addInspection(page, outcome);

	// A finding without a title or theme is refused and nothing is saved.
	await page.getByLabel('Code').fill('R1');
	await page.getByRole('button', { name: 'Add finding' }).click();
	const summary = page.getByRole('alert');
	await expect(summary).toContainText('Enter the finding’s title');
	await expect(summary).toContainText('Choose a theme');
	await expect(summary).toContainText('Choose the kind of finding');
	expect(findingsOf(inspectionId)).toHaveLength(0);
	await addFinding(page, 'R1', 'Waits for speech and language therapy are too long');

	await page.goto(`/app/findings/new?inspection=${inspectionId}`);
	await addFinding(page, 'R2', 'Annual reviews are late');
	await page.goto(`/app/findings/new?inspection=${inspectionId}`);
	await page.getByLabel('Code').fill('R1');
	await page.getByLabel('Title').fill('A second R1');
	await page.getByLabel('Kind of finding').selectOption('area_for_improvement');
	await page.getByLabel('Theme').selectOption('REVW');
	await page.getByRole('button', { name: 'Add finding' }).click();
	await expect(page.getByRole('alert')).toContainText(
		'Another finding of this inspection already has that code'
	);
	expect(findingsOf(inspectionId).map((f) => f.code)).toEqual(['R1', 'R2']);

	// Order: move R2 above R1.
	await page.goto('/app/findings');
	await section(page, inspectionId).getByRole('button', { name: 'Up: move R2 up' }).click();
	await expect.poll(() => findingsOf(inspectionId).map((f) => f.code)).toEqual(['R2', 'R1']);

	// Edit.
	const r1 = findingsOf(inspectionId).find((f) => f.code === 'R1')!;
	await page.goto(`/app/findings/${r1.id}`);
	await page.getByLabel('Title').fill('Waits for therapy are too long');
	await page.getByRole('button', { name: 'Save finding' }).click();
	await expect(page.getByRole('status')).toContainText('Finding saved');
	expect(findingsOf(inspectionId).find((f) => f.code === 'R1')?.title).toBe(
		'Waits for therapy are too long'
	);

	// Archive and unarchive.
	await page.getByRole('button', { name: 'Archive finding' }).click();
	await expect(page.getByRole('button', { name: 'Unarchive finding' })).toBeVisible();
	expect(findingsOf(inspectionId).find((f) => f.code === 'R1')?.archived).toBe(1);
	await page.getByRole('button', { name: 'Unarchive finding' }).click();
	// exact: a name match is a substring match otherwise, and "Unarchive finding" contains it.
	await expect(page.getByRole('button', { name: 'Archive finding', exact: true })).toBeVisible();
	expect(findingsOf(inspectionId).find((f) => f.code === 'R1')?.archived).toBe(0);

	// Nothing links to it, so it can be deleted.
	await page.getByRole('button', { name: 'Delete finding' }).click();
	await expect(page).toHaveURL(/\/app\/findings$/);
	expect(findingsOf(inspectionId).map((f) => f.code)).toEqual(['R2']);

	const actions = query<{ action: string }>(
		`select action from audit_events where user_id = ? order by created_at`,
		officer.id
	).map((e) => e.action);
	expect(actions).toEqual([
		'sign_in',
		'inspection_created',
		'finding_created',
		'finding_created',
		'finding_moved',
		'finding_updated',
		'finding_archived',
		'finding_unarchived',
		'finding_deleted'
	]);
});

test('a finding that questions link to can be archived but not deleted', async ({
	page,
	baseURL
}) => {
	const officer = createUser({ slug: SLUG, role: 'officer', tag: 'linked' });
	await signInAs(page, officer);
	const linked = idsOfArea(SLUG).finding!;
	expect(
		query('select 1 from question_findings where finding_id = ?', linked).length
	).toBeGreaterThan(0);
	await page.goto(`/app/findings/${linked}`);
	await expect(page.getByText(/questions or comment themes link to this finding/)).toBeVisible();
	await expect(page.getByRole('button', { name: 'Delete finding' })).toHaveCount(0);

	// Posting the delete anyway is refused and the finding stays.
	const response = await page.request.post(`/app/findings/${linked}?/delete`, {
		form: {},
		headers: { Origin: baseURL!, Accept: 'text/html' },
		maxRedirects: 0
	});
	expect(response.status()).toBe(409);
	expect(query('select id from findings where id = ?', linked)).toHaveLength(1);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('findings are reordered with plain form posts', async ({ page }, testInfo) => {
		const officer = createUser({ slug: SLUG, role: 'officer', tag: 'nojs' });
		await signInAs(page, officer);
		const inspectionId = await addInspection(page, `No-JS ${testInfo.project.name} ${Date.now()}`);
		await addFinding(page, 'N1', 'First');
		await page.goto(`/app/findings/new?inspection=${inspectionId}`);
		await addFinding(page, 'N2', 'Second');
		await page.goto(`/app/findings/new?inspection=${inspectionId}`);
		await addFinding(page, 'N3', 'Third');
		await section(page, inspectionId).getByRole('button', { name: 'Down: move N1 down' }).click();
		expect(findingsOf(inspectionId).map((f) => f.code)).toEqual(['N2', 'N1', 'N3']);
		await page.goto('/app/findings');
		await section(page, inspectionId).getByRole('button', { name: 'Up: move N3 up' }).click();
		expect(findingsOf(inspectionId).map((f) => f.code)).toEqual(['N2', 'N3', 'N1']);
	});
});
