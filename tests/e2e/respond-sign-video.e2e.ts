/**
 * A question's British Sign Language video, as a family meets it on the demo's parent-carer
 * questionnaire (src/lib/server/demo/seed.ts puts one on the first question): a plain link to
 * the council's page and the words of the video in a details element, with JavaScript on and
 * off, and not one request to the video's host.
 */
import { openSurveyId, openWaveCode } from './support/demo';
import {
	answerPage,
	expect,
	expectAccessible,
	expectSameOrigin,
	slotIndex,
	test
} from './support/respond';

const SLUG = 'essex';
const VIDEO = 'https://www.essexlocaloffer.org.uk/bsl/send-survey/ehc-plan-involved';
const LINK = 'Watch this question in British Sign Language (opens in new tab)';

for (const javaScript of [true, false]) {
	test.describe(`a sign-language video, JavaScript ${javaScript ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled: javaScript });

		test('is a link with the video’s words beside it, and nothing is asked of its host', async ({
			page,
			requests,
			baseURL
		}, testInfo) => {
			const surveyId = openSurveyId(SLUG, 'parent_carer');
			const code = openWaveCode(SLUG, slotIndex(testInfo.project.name, javaScript ? 50 : 51));
			await page.goto(`/s/${surveyId}?code=${code}`);
			await expect(page).toHaveURL(/\/p\/1$/);

			// Under the first question's words, inside its group.
			const group = page.locator('main .form-group').first();
			await expect(group.locator('legend')).toContainText('equal partner');
			const link = group.getByRole('link', { name: LINK });
			await expect(link).toHaveAttribute('href', VIDEO);
			await expect(link).toHaveAttribute('rel', /\bnoopener\b/);
			await expect(link).toHaveAttribute('target', '_blank');
			await expect(page.getByRole('link', { name: LINK })).toHaveCount(1);

			// The words are closed at first and open from the keyboard.
			const words = group.getByText('Were you involved as an equal partner when your child’s');
			await expect(words).toBeHidden();
			await group.getByText('What the video says', { exact: true }).focus();
			await page.keyboard.press('Enter');
			await expect(words).toBeVisible();
			await expect(group.locator('details')).toHaveAttribute('open', '');
			if (javaScript) await expectAccessible(page);

			// Answering the page still works with the details open.
			await answerPage(page, 'More help with the plan');
			await page.getByRole('button', { name: 'Continue' }).click();
			await expect(page).toHaveURL(/\/p\/2$/);

			const host = new URL(VIDEO).host;
			expect(requests.filter((url) => url.host === host).map(String)).toEqual([]);
			expectSameOrigin(requests, baseURL);
		});
	});
}
