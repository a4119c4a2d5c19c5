/**
 * Families answering in their own language: a Welsh and an Urdu family each answer the demo's
 * parent-carer questionnaire (and an Urdu young person the young people's one), with
 * JavaScript on and off. No English word of the journey shows on any page they see, the page
 * says its language (and Urdu reads right to left), and the answers count with everyone's.
 */
import type { Page } from '@playwright/test';
import { dictionary, type Translation } from '../../src/lib/i18n';
import { heldSecret, openSurveyId, openWaveCode, responsesWithComment } from './support/demo';
import {
	answerPage,
	expect,
	expectAccessible,
	freshContext,
	slotIndex,
	test
} from './support/respond';

const SLUG = 'essex';

/** English a family must never meet once they chose another language. */
const ENGLISH = [
	'Skip to main content',
	'SEND questionnaire',
	'Demo',
	'Privacy notice',
	'Accessibility statement',
	'Your answers are anonymous',
	'Who this is for',
	'How long it takes',
	'Start now',
	'Closes on',
	'Enter your access code',
	'Continue',
	'Back',
	'Save and come back later',
	'Page 1 of',
	'Question 1 of',
	'There is a problem',
	'Error:',
	'Select an answer',
	'Strongly agree',
	'Agree',
	'Does not apply',
	'Yes',
	'You can enter up to',
	'characters',
	'Check your answers',
	'Not answered',
	'Change',
	'Send my answers',
	'Your answers have been sent',
	'Thank you',
	'What happens next',
	'Your answers have been saved',
	'Back to the start',
	'What we collect',
	'How accessible it is',
	'Your family’s experience',
	'Tell us about your help',
	'About you and your child'
];

/**
 * The page is in the language, right to left for Urdu, with no English and no axe problems.
 * axe needs JavaScript in the page, so it runs on the JavaScript-on pass; the markup is the same
 * with it off (the pages are rendered on the server only).
 */
async function expectInLanguage(page: Page, language: Translation, axe: boolean): Promise<void> {
	const html = page.locator('html');
	await expect(html).toHaveAttribute('lang', language);
	await expect(html).toHaveAttribute('dir', language === 'ur' ? 'rtl' : 'ltr');
	const text = await page.evaluate(() => `${document.title}\n${document.body.textContent ?? ''}`);
	const found = ENGLISH.filter((words) =>
		new RegExp(`(^|[^\\p{L}])${words}($|[^\\p{L}])`, 'u').test(text)
	);
	expect(found, `English on ${page.url()}`).toEqual([]);
	if (axe) await expectAccessible(page);
}

/** Answer every page, checking each, until the check page. */
async function answerInLanguage(
	page: Page,
	language: Translation,
	comment: string,
	axe: boolean
): Promise<void> {
	const words = dictionary(language);
	while (/\/p\/\d+$/.test(new URL(page.url()).pathname)) {
		expect(new URL(page.url()).searchParams.get('lang')).toBe(language);
		await expectInLanguage(page, language, axe);
		await answerPage(page, comment);
		const before = page.url();
		await page.getByRole('button', { name: words['common.continue'], exact: true }).click();
		await page.waitForURL((url) => url.href !== before);
	}
	await expect(page).toHaveURL(/\/check\?lang=/);
}

for (const javaScript of [true, false]) {
	test.describe(`families in their own language, JavaScript ${javaScript ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled: javaScript });

		test('a Welsh family answers, saves, comes back and sends', async ({
			page,
			browser
		}, testInfo) => {
			const words = dictionary('cy');
			const surveyId = openSurveyId(SLUG, 'parent_carer');
			const code = openWaveCode(SLUG, slotIndex(testInfo.project.name, javaScript ? 40 : 41));
			const comment = `Mwy o therapi iaith os gwelwch yn dda (${testInfo.project.name} ${javaScript} ${Date.now()})`;

			// The English start page offers Cymraeg as a plain link.
			await page.goto(`/s/${surveyId}`);
			await page.getByRole('link', { name: 'Cymraeg' }).click();
			await expect(page).toHaveURL(new RegExp(`/s/${surveyId}\\?lang=cy$`));
			await expectInLanguage(page, 'cy', javaScript);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(
				'Profiad eich teulu o gymorth AAAA yn Essex'
			);

			for (const path of ['privacy', 'accessibility']) {
				await page
					.getByRole('contentinfo')
					.getByRole('link')
					.nth(path === 'privacy' ? 0 : 1)
					.click();
				await expect(page).toHaveURL(new RegExp(`/${path}\\?lang=cy$`));
				await expectInLanguage(page, 'cy', javaScript);
				await page.getByRole('link', { name: words['common.backToQuestionnaire'] }).click();
			}

			await page.getByRole('button', { name: words['start.start'] }).click();
			await expect(page).toHaveURL(/\/code\?lang=cy$/);
			await expectInLanguage(page, 'cy', javaScript);
			// A wrong code is refused in Welsh.
			await page.getByLabel(words['code.title']).fill('nope');
			await page.getByRole('button', { name: words['common.continue'] }).click();
			await expect(page.getByRole('alert')).toContainText(words['code.malformed']);
			await expectInLanguage(page, 'cy', javaScript);
			await page.getByLabel(words['code.title']).fill(code);
			await page.getByRole('button', { name: words['common.continue'] }).click();
			await expect(page).toHaveURL(/\/p\/1\?lang=cy$/);

			// A missing answer is explained in Welsh.
			await page.getByRole('button', { name: words['common.continue'], exact: true }).click();
			await expect(page.getByRole('alert')).toContainText(words['common.problem']);
			await expect(page.getByRole('alert')).toContainText('Dewiswch ateb i');
			await expectInLanguage(page, 'cy', javaScript);

			// Save on the first page and come back in another browser with the link.
			await answerPage(page, comment);
			await page.getByRole('button', { name: words['page.saveForLater'] }).click();
			await expect(page).toHaveURL(/\/saved\?lang=cy$/);
			await expectInLanguage(page, 'cy', javaScript);
			const link = await page.locator('.resume-link a').getAttribute('href');
			expect(link).not.toContain('lang=');
			const other = await freshContext(browser, testInfo);
			const later = await other.newPage();
			await later.goto(link!);
			await expect(later).toHaveURL(/\/p\/2\?resumed=1&lang=cy$/);
			await expectInLanguage(later, 'cy', javaScript);
			await answerInLanguage(later, 'cy', comment, javaScript);
			await expectInLanguage(later, 'cy', javaScript);
			await later.getByRole('button', { name: words['check.send'] }).click();
			await expect(later).toHaveURL(/\/done\?lang=cy$/);
			await expect(later.getByRole('heading', { level: 1 })).toHaveText(words['done.sent']);
			await expectInLanguage(later, 'cy', javaScript);
			await other.close();

			// Counted with everyone's answers (held sealed until enough others have answered).
			expect(responsesWithComment(comment)).toHaveLength(1);
		});

		test('an Urdu family answers right to left', async ({ page }, testInfo) => {
			const words = dictionary('ur');
			const surveyId = openSurveyId(SLUG, 'parent_carer');
			const code = openWaveCode(SLUG, slotIndex(testInfo.project.name, javaScript ? 42 : 43));
			const comment = `بولنے کی تھراپی زیادہ ہو (${testInfo.project.name} ${javaScript} ${Date.now()})`;

			// A letter's link carries the code and the language.
			await page.goto(`/s/${surveyId}?lang=ur&code=${code}`);
			await expect(page).toHaveURL(new RegExp(`/s/${surveyId}/p/1\\?lang=ur$`));
			expect(page.url()).not.toContain(code);
			// The back link points the way Urdu reads: it sits at the right-hand edge.
			const back = await page.getByRole('link', { name: words['common.back'] }).boundingBox();
			const main = await page.getByRole('main').boundingBox();
			expect(back!.x + back!.width).toBeGreaterThan(main!.x + main!.width - 20);
			await answerInLanguage(page, 'ur', comment, javaScript);
			await expectInLanguage(page, 'ur', javaScript);
			// Change an answer and come back to the check page, still in Urdu.
			await page
				.getByRole('link', { name: new RegExp(`^${words['check.change']}`) })
				.first()
				.click();
			await expect(page).toHaveURL(/\/p\/1\?change=1&lang=ur/);
			await expectInLanguage(page, 'ur', javaScript);
			await page.getByRole('button', { name: words['page.saveAndReturn'] }).click();
			await expect(page).toHaveURL(/\/check\?lang=ur$/);
			await page.getByRole('button', { name: words['check.send'] }).click();
			await expect(page).toHaveURL(/\/done\?lang=ur$/);
			await expectInLanguage(page, 'ur', javaScript);
			expect(responsesWithComment(comment)).toHaveLength(1);
			expect(await heldSecret(page.context(), surveyId)).toBeUndefined();
		});
	});
}

test.describe('a young person in Urdu', () => {
	test('faces keep their order, with Urdu words', async ({ page }) => {
		const words = dictionary('ur');
		const surveyId = openSurveyId(SLUG, 'young_person');
		await page.goto(`/s/${surveyId}?lang=ur`);
		await expectInLanguage(page, 'ur', true);
		await page.getByRole('button', { name: words['start.start'] }).click();
		await expect(page).toHaveURL(/\/p\/1\?lang=ur$/);
		await expect(page.getByText('سوال 1 از')).toBeVisible();
		const labels = page.locator('.choice__label');
		await expect(labels.first()).toHaveText('ہاں');
		// Right to left: the first face is the right-most one.
		const first = await labels.first().boundingBox();
		const second = await labels.nth(1).boundingBox();
		if (first && second && Math.abs(first.y - second.y) < 5) {
			expect(first.x).toBeGreaterThan(second.x);
		}
		await expectInLanguage(page, 'ur', true);
	});
});
