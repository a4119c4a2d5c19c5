import { devices } from '@playwright/test';
import { readFileSync } from 'node:fs';
import {
	BUILDER_SLUG,
	answerFirstOptions,
	auditActions,
	batchesOf,
	linksByKey,
	pendingCount,
	questionKeys,
	responsesByChannel,
	surveyIdOf,
	surveyRow,
	unique
} from './support/builder';
import { clientHeaders } from './support/clients';
import { answerAllPages } from './support/respond';
import { createUser, expect, expectAccessible, isoDate, signInAs, test } from './support/staff';

test('an officer builds, opens and sends a questionnaire; a parent answers; the rate moves', async ({
	page,
	browser,
	baseURL
}, testInfo) => {
	test.slow(); // many pages in one test: three times the usual time limit
	const officer = createUser({ slug: BUILDER_SLUG, role: 'officer', tag: 'builder' });
	const wave = unique('E2E wave', testInfo.project.name);
	const title = unique('Your family’s experience', testInfo.project.name);
	await signInAs(page, officer);

	// Create a draft in a new wave.
	await page.goto('/app/surveys');
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Create a questionnaire' }).click();
	await expect(page.getByRole('heading', { name: 'Create a questionnaire' })).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('Parent carers').check();
	await page.getByLabel('Which wave is it part of?').selectOption('new');
	await page.getByLabel('New wave name').fill(wave);
	await page.getByLabel('New wave start date').fill(isoDate(0));
	await page.getByLabel('Title').fill(title);
	await page.getByLabel('Introduction').fill('Tell us what support is like for your family.');
	await page.getByLabel('Opening date').fill(isoDate(0));
	await page.getByLabel('Closing date').fill(isoDate(30));
	await page.getByLabel(/single-use code/).check();
	await page.getByRole('button', { name: 'Create questionnaire' }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	const surveyId = surveyIdOf(page.url());
	expect(surveyRow(surveyId)?.status).toBe('draft');

	// From the bank: EHC plan questions, shown with the finding they would serve (W8).
	await page.getByLabel('Theme').selectOption('EHCQ');
	await page.getByLabel('Dimension').selectOption('lived_experience');
	await page.getByRole('button', { name: 'Show questions' }).click();
	await expect(page).toHaveURL(/theme=EHCQ/);
	const bank = page.locator('ul.bank > li');
	await expect(bank).toHaveCount(2);
	await expect(bank.first()).toContainText('Would serve: W8');
	await expectAccessible(page);
	await bank.nth(0).getByRole('checkbox').check();
	await bank.nth(1).getByRole('checkbox').check();
	await page.getByRole('button', { name: 'Add selected questions' }).click();
	await expect(page.getByText('2 questions added from the bank.')).toBeVisible();
	expect(questionKeys(surveyId)).toEqual(['ehc-plan-needs-accurate', 'ehc-plan-support-clear']);

	// A question of our own: a lived-experience scale, linked by hand.
	await page.getByLabel('Kind of question').selectOption('scale');
	await page.getByLabel('Question', { exact: true }).fill('I know who to ask when I need help.');
	await page.getByRole('button', { name: 'Add and edit question' }).click();
	await expect(page.getByRole('heading', { name: 'Edit question' })).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('Dimension').selectOption('lived_experience');
	await page.getByLabel('Theme').selectOption('INFO');
	await page.getByRole('button', { name: 'Save question' }).click();
	await expect(page.getByText('Question saved.')).toBeVisible();

	// It cannot open yet: the new question serves no finding.
	await page.getByRole('button', { name: 'Open questionnaire' }).click();
	await expect(page.getByRole('alert')).toContainText('This questionnaire cannot open yet');
	const problem = page
		.locator('#problems')
		.getByRole('link', { name: /link it to at least one finding/ });
	await expect(problem).toBeVisible();
	expect(surveyRow(surveyId)?.status).toBe('draft');
	await problem.click();
	await page.getByRole('checkbox', { name: /W11/ }).check();
	await page.getByRole('button', { name: 'Save findings' }).click();
	await expect(page.getByText('Findings saved.')).toBeVisible();
	expect(linksByKey(surveyId)).toEqual([
		'ehc-plan-needs-accurate→W8',
		'ehc-plan-support-clear→W8',
		'i-know-who-to-ask-when-i-need-help→W11'
	]);

	// Reorder without scripts' help: the buttons post forms.
	await page.getByRole('button', { name: /^Up\W+move question 3 up/ }).click();
	await expect(page.getByText('Question moved.')).toBeVisible();
	expect(questionKeys(surveyId)[1]).toBe('i-know-who-to-ask-when-i-need-help');

	// Preview as a parent on a phone.
	await page.getByRole('link', { name: 'Preview as a parent carer' }).click();
	await expect(page.getByRole('group', { name: 'Phone preview' })).toBeVisible();
	await expect(page.getByText('I know who to ask when I need help.')).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Preview as a young person' }).click();
	await expect(page.getByText('Question 1 of 3')).toBeVisible();
	await expect(
		page.getByRole('heading', { level: 1, name: /The plan describes my child/ })
	).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Back to the questionnaire' }).click();

	await page.getByRole('button', { name: 'Open questionnaire' }).click();
	await expect(page.getByText(/Questionnaire opened/)).toBeVisible();
	expect(surveyRow(surveyId)?.status).toBe('open');

	// Codes: made once, shown once, downloaded from the same page.
	await page.getByRole('link', { name: 'Access codes and response rates' }).click();
	// Scan the codes page, not the builder page it replaces.
	await expect(page.getByRole('button', { name: 'Make codes' })).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('Label').fill('E2E letters');
	// A batch smaller than the area's minimum base is refused: its used count would name families.
	await page.getByLabel('Number of codes').fill('3');
	await page.getByRole('button', { name: 'Make codes' }).click();
	await expect(page.getByRole('alert')).toContainText('at least 10');
	expect(batchesOf(surveyId)).toEqual([]);
	await page.getByLabel('Number of codes').fill('10');
	await page.getByRole('button', { name: 'Make codes' }).click();
	await expect(page.getByRole('heading', { name: '10 codes made for “E2E letters”' })).toBeVisible();
	const codes = (await page.getByLabel('The codes, one a line').inputValue()).split('\n');
	expect(codes).toHaveLength(10);
	expect(batchesOf(surveyId)).toEqual([
		expect.objectContaining({ label: 'E2E letters', size: 10, codes: 10 })
	]);
	await expectAccessible(page);

	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download mail-merge CSV' }).click()
	]);
	expect(download.suggestedFilename()).toMatch(/^heard_codes_e2e-letters_\d{4}-\d{2}-\d{2}\.csv$/);
	const csv = readFileSync(await download.path(), 'utf8');
	expect(csv.charCodeAt(0)).toBe(0xfeff);
	const lines = csv.slice(1).split('\r\n');
	expect(lines[0]).toBe('letter,code,url');
	expect(lines.slice(1, 11)).toEqual(
		codes.map((c, i) => `${i + 1},${c},${baseURL}/s/${surveyId}?code=${c}`)
	);

	const [letters] = await Promise.all([
		page.context().waitForEvent('page'),
		page.getByRole('button', { name: /Open letters to print/ }).click()
	]);
	await letters.waitForLoadState();
	const letterPages = letters.locator('article.letter');
	await expect(letterPages).toHaveCount(10);
	for (const [i, code] of codes.entries()) {
		await expect(letterPages.nth(i)).toContainText(code);
		await expect(letterPages.nth(i)).toContainText(`${baseURL}/s/${surveyId}`);
		await expect(letterPages.nth(i).locator('figure svg')).toBeVisible();
	}
	await expect(letterPages.first()).toContainText('Your answers are anonymous');
	await expect(letters.getByRole('navigation')).toHaveCount(0);
	await expectAccessible(letters);
	// One A4 page per family when printed.
	const pdf = (await letters.pdf({ preferCSSPageSize: true })).toString('latin1');
	expect(pdf.match(/\/Type\s*\/Page\b/g)).toHaveLength(10);
	await letters.close();
	expect(auditActions(batchesOf(surveyId)[0]!.id)).toEqual([
		'codes.batch_created',
		'codes.csv_downloaded',
		'codes.letters_downloaded'
	]);

	// Nothing is counted live: the list waits for the first publication.
	await page.goto('/app/surveys');
	const row = page.locator(`tr[data-survey="${surveyId}"]`);
	await expect(row.locator('[data-cell="responses"]')).toHaveText('Not published yet');
	await expect(row.locator('[data-cell="rate"]')).toHaveText(/Counted when published/);

	// A parent answers on a phone with the code from the letter's QR code.
	const phone = await browser.newContext({
		...devices['Pixel 7'],
		baseURL,
		extraHTTPHeaders: clientHeaders(`${testInfo.project.name}:${testInfo.testId}:parent`)
	});
	const parent = await phone.newPage();
	await parent.goto(`/s/${surveyId}?code=${codes[0]}`);
	await expect(parent).toHaveURL(/\/p\/1$/);
	await answerAllPages(parent, 'More help with the plan please');
	await parent.getByRole('button', { name: 'Send my answers' }).click();
	await expect(parent).toHaveURL(/\/done$/);
	await phone.close();

	// The officer reloading learns nothing: the answers wait, sealed, for a crowd to be stored in.
	await page.reload();
	await expect(row.locator('[data-cell="responses"]')).toHaveText('Not published yet');
	expect(responsesByChannel(surveyId)).toEqual({});
	expect(pendingCount(surveyId)).toBe(1);

	// A paper response, typed in by the officer.
	await page.goto(`/app/surveys/${surveyId}/paper`);
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Save entry for checking' }).click();
	await expect(page.getByRole('alert')).toContainText('There is a problem');
	expect(pendingCount(surveyId)).toBe(1);
	await answerFirstOptions(page);
	await page.getByRole('button', { name: 'Save entry for checking' }).click();
	await expect(page.getByText(/Entry saved. It counts once another officer/)).toBeVisible();
	expect(pendingCount(surveyId)).toBe(1);
	// The officer who typed it cannot approve it; a second officer checks it against the paper.
	await expect(page.getByText('You typed this in, so another officer must approve it.')).toBeVisible();
	await expect(page.getByRole('button', { name: /Approve entry/ })).toHaveCount(0);
	const checker = createUser({ slug: BUILDER_SLUG, role: 'officer', tag: 'checker' });
	const second = await browser.newContext({
		baseURL,
		extraHTTPHeaders: clientHeaders(`${testInfo.project.name}:${testInfo.testId}:checker`)
	});
	const checking = await second.newPage();
	await signInAs(checking, checker);
	await checking.goto(`/app/surveys/${surveyId}/paper`);
	await checking.getByRole('button', { name: 'Approve entry 1: it matches the paper' }).click();
	await expect(checking.getByText('Entry approved. It now counts as a response.')).toBeVisible();
	await second.close();
	expect(pendingCount(surveyId)).toBe(2);
	expect(auditActions(surveyId)).toEqual(
		expect.arrayContaining(['response.paper_entered', 'response.paper_approved'])
	);

	// Close, and copy as the next wave: same keys and links, a new draft.
	await page.goto(`/app/surveys/${surveyId}`);
	await page.getByRole('button', { name: 'Close questionnaire' }).click();
	await expect(page.getByText('Questionnaire closed.')).toBeVisible();
	expect(surveyRow(surveyId)?.status).toBe('closed');
	// Closing stores what was waiting and publishes the final figures.
	expect(pendingCount(surveyId)).toBe(0);
	expect(responsesByChannel(surveyId)).toEqual({ web: 1, paper: 1 });
	await page.goto('/app/surveys');
	await expect(row.locator('[data-cell="responses"]')).toContainText('[c]');
	await expect(row.locator('[data-cell="rate"]')).toHaveText(/\[c\] of 10 codes used/);
	// The reminder list, made with the final figures: every letter but the first family's.
	await page.goto(`/app/surveys/${surveyId}/codes`);
	const [reminders] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Reminder list for E2E letters' }).click()
	]);
	const letterNumbers = readFileSync(await reminders.path(), 'utf8').slice(1).trim().split('\r\n');
	expect(letterNumbers).toEqual(['letter', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
	expect(auditActions(batchesOf(surveyId)[0]!.id)).toContain('codes.reminders_downloaded');
	await page.goto(`/app/surveys/${surveyId}`);
	await expect(page.getByRole('button', { name: /Up: move/ })).toHaveCount(0);
	await page.getByText('Copy as the next wave').click();
	await page.getByLabel('Which wave is the copy for?').selectOption('new');
	await page.getByLabel('New wave name').fill(`${wave} next`);
	await page.getByLabel('New wave start date').fill(isoDate(60));
	await page.getByRole('button', { name: 'Copy as next wave' }).click();
	await expect(page.getByText(/This is a new draft for the next wave/)).toBeVisible();
	const copyId = surveyIdOf(page.url());
	expect(copyId).not.toBe(surveyId);
	expect(surveyRow(copyId)).toMatchObject({ status: 'draft', copied_from_id: surveyId });
	expect(questionKeys(copyId)).toEqual(questionKeys(surveyId));
	expect(linksByKey(copyId)).toEqual(linksByKey(surveyId));
	expect(auditActions(surveyId)).toEqual(
		expect.arrayContaining(['survey.created', 'survey.opened', 'survey.closed'])
	);
	expect(auditActions(copyId)).toContain('survey.copied');
});
