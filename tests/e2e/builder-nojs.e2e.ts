import { readFileSync } from 'node:fs';
import {
	BUILDER_SLUG,
	batchesOf,
	questionKeys,
	surveyIdOf,
	surveyRow,
	unique
} from './support/builder';
import { createUser, expect, isoDate, signInAs, test } from './support/staff';

test.use({ javaScriptEnabled: false });

test('the builder works with JavaScript off: errors, bank, reorder, open, codes and CSV', async ({
	page
}, testInfo) => {
	const officer = createUser({ slug: BUILDER_SLUG, role: 'officer', tag: 'builder-nojs' });
	await signInAs(page, officer);

	// Bad input: a clear message per field, and nothing made.
	await page.goto('/app/surveys/new');
	await page.getByRole('button', { name: 'Create questionnaire' }).click();
	const summary = page.getByRole('alert');
	await expect(summary).toContainText('Choose who the questionnaire is for');
	await expect(summary).toContainText('Enter a title');
	await expect(summary).toContainText('Choose a wave, or add a new one');
	await expect(summary.getByRole('link', { name: 'Enter a title' })).toHaveAttribute(
		'href',
		'#title'
	);

	await page.getByLabel('Young people').check();
	await page.getByLabel('Which wave is it part of?').selectOption('new');
	await page.getByLabel('New wave name').fill(unique('No-JS wave', testInfo.project.name));
	await page.getByLabel('New wave start date').fill(isoDate(0));
	await page.getByLabel('Title').fill('Tell us about your help');
	await page.getByLabel('Introduction').fill('There are no right or wrong answers.');
	await page.getByLabel('Opening date').fill(isoDate(0));
	await page.getByLabel('Closing date').fill(isoDate(20));
	await page.getByLabel('Date results will be shared (optional)').fill(isoDate(10));
	await page.getByLabel(/single-use code/).check();
	await page.getByRole('button', { name: 'Create questionnaire' }).click();
	await expect(page.getByRole('alert')).toContainText('must be after the closing date');
	await page.getByLabel('Date results will be shared (optional)').fill(isoDate(40));
	await page.getByRole('button', { name: 'Create questionnaire' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Tell us about your help' })
	).toBeVisible();
	const surveyId = surveyIdOf(page.url());

	// Add two co-production questions from the bank (easy read for young people), then reorder.
	await page.getByLabel('Theme').selectOption('COPR');
	await page.getByLabel('Dimension').selectOption('co_production');
	await page.getByRole('button', { name: 'Show questions' }).click();
	await page.getByRole('button', { name: 'Add selected questions' }).click();
	await expect(page.getByRole('alert')).toContainText('Select at least one question to add');
	await page.locator('ul.bank > li').nth(0).getByRole('checkbox').check();
	await page.locator('ul.bank > li').nth(1).getByRole('checkbox').check();
	await page.getByRole('button', { name: 'Add selected questions' }).click();
	await expect(page.getByText('2 questions added from the bank.')).toBeVisible();
	const [first, second] = questionKeys(surveyId);
	await page.getByRole('button', { name: /^Down\W+move question 1 down/ }).click();
	expect(questionKeys(surveyId)).toEqual([second, first]);

	await page.getByRole('button', { name: 'Open questionnaire' }).click();
	await expect(page.getByText(/Questionnaire opened/)).toBeVisible();
	expect(surveyRow(surveyId)?.status).toBe('open');
	await expect(page.getByRole('link', { name: 'Edit question 1' })).toHaveCount(0);

	await page.getByRole('link', { name: 'Access codes and response rates' }).click();
	await page.getByLabel('Number of codes').fill('20001');
	await page.getByRole('button', { name: 'Make codes' }).click();
	await expect(page.getByRole('alert')).toContainText('between 1 and 20,000');
	expect(batchesOf(surveyId)).toEqual([]);
	await page.getByLabel('Label').fill('Youth club');
	await page.getByLabel('Number of codes').fill('12');
	await page.getByRole('button', { name: 'Make codes' }).click();
	const codes = (await page.getByLabel('The codes, one a line').inputValue()).split('\n');
	expect(codes).toHaveLength(12);
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download mail-merge CSV' }).click()
	]);
	const rows = readFileSync(await download.path(), 'utf8')
		.trim()
		.split('\r\n');
	expect(rows).toHaveLength(13);

	// The codes are gone once the page is left: the batch page has no way to show them again.
	await page.goto(`/app/surveys/${surveyId}/codes`);
	await expect(page.getByLabel('The codes, one a line')).toHaveCount(0);
	// Used codes are counted only in publications: none yet, so nothing is shown, not even 0.
	await expect(page.locator(`tr[data-batch] [data-cell="used"]`)).toHaveText('not counted yet');
	await expect(page.locator('[data-published]')).toContainText('first published');
	const again = await page.request.get(
		`/app/surveys/${surveyId}/codes/${batchesOf(surveyId)[0]!.id}/codes.csv`
	);
	expect(again.status()).toBe(410);
});
