/**
 * Officers translate a questionnaire: the translations page says what each language lacks,
 * gives translators a file, refuses a bad file whole and takes a good one, after which families
 * are offered the language. Officers only, and only for their own area's questionnaires.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { expectAccessible } from './support/axe';
import { closedSurveyId } from './support/demo';
import { createUser, expect, signInAs, test } from './support/staff';

const SLUG = 'worcestershire';

test('an officer imports a Welsh translation and families are offered Cymraeg', async ({
	page
}, testInfo) => {
	// A closed questionnaire: no family answering it now can be disturbed by the new language.
	// Each project translates a wave of its own, so the two runs never see each other's import.
	const surveyId = closedSurveyId(SLUG, 'parent_carer', testInfo.project.name === 'phone' ? 0 : 1);
	const officer = createUser({ slug: SLUG, role: 'officer', tag: 'translations' });
	await signInAs(page, officer);
	await page.goto(`/app/surveys/${surveyId}`);
	await page.getByRole('link', { name: 'Translations' }).click();
	await expect(page.getByRole('heading', { name: 'Translations', level: 1 })).toBeVisible();
	const welsh = page.getByRole('row', { name: /Welsh/ });
	await expect(welsh).toContainText(/No: \d+ missing/);
	await expectAccessible(page);

	const file = await page.request.get(`/app/surveys/${surveyId}/translations/cy.csv`);
	expect(file.status()).toBe(200);
	expect(file.headers()['content-disposition']).toContain('heard_translation_cy_');
	const rows = parse((await file.text()).replace(/^\uFEFF/, ''), { columns: true }) as {
		key: string;
		english: string;
		translation: string;
	}[];
	expect(rows.length).toBeGreaterThan(10);
	expect(rows[0]).toMatchObject({ key: 'survey.title', translation: '' });
	const filled = rows.map((r) => [r.key, r.english, `CY ${r.english}`]);
	const upload = async (records: string[][]) => {
		await page.getByLabel('Language of the file').selectOption('cy');
		await page.getByLabel('CSV file (UTF-8)').setInputFiles({
			name: 'welsh.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from(stringify([['key', 'english', 'translation'], ...records]))
		});
		await page.getByRole('button', { name: 'Import' }).click();
	};

	// One string left out: refused whole, with the string named.
	await upload(filled.slice(1));
	await expect(page.getByRole('alert')).toContainText('The file was not imported');
	await expect(page.getByText('“survey.title”')).toBeVisible();
	await expect(welsh).toContainText(/No: \d+ missing/);
	await expectAccessible(page);

	await upload(filled);
	await expect(page.getByRole('status')).toContainText('The Welsh translation was imported.');
	await expect(welsh).toContainText(`${rows.length} of ${rows.length}`);
	await expect(welsh.getByRole('cell', { name: 'Yes', exact: true })).toBeVisible();

	// Families now get the questionnaire in Welsh (closed, so its privacy notice shows it).
	await page.goto(`/s/${surveyId}/privacy?lang=cy`);
	await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hysbysiad preifatrwydd');
	await expect(page.getByRole('main')).toContainText(`“CY ${rows[0]!.english}”`);
});

test('viewers cannot use the page, and another area’s questionnaire is not found', async ({
	page
}) => {
	const surveyId = closedSurveyId(SLUG, 'parent_carer', 0);
	const viewer = createUser({ slug: SLUG, role: 'viewer', tag: 'translations-viewer' });
	await signInAs(page, viewer);
	const asViewer = await page.request.get(`/app/surveys/${surveyId}/translations`);
	expect(asViewer.status()).toBe(403);
	const fileAsViewer = await page.request.get(`/app/surveys/${surveyId}/translations/cy.csv`);
	expect(fileAsViewer.status()).toBe(403);

	const other = createUser({ slug: 'lancashire', role: 'officer', tag: 'translations-other' });
	await page.context().clearCookies();
	await signInAs(page, other);
	for (const path of ['translations', 'translations/cy.csv', 'translations/xx.csv']) {
		const response = await page.request.get(`/app/surveys/${surveyId}/${path}`);
		expect(response.status(), path).toBe(404);
	}
});
