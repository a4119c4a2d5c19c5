/**
 * An officer gives a draft question a British Sign Language video: a bad link is refused with a
 * clear message and changes nothing; a good one is kept, and the preview (the respondent
 * components) shows it to a young person and a parent carer as a link, with its words.
 */
import { BUILDER_SLUG, surveyIdOf, unique } from './support/builder';
import { query } from './support/demo';
import { createUser, expect, expectAccessible, isoDate, signInAs, test } from './support/staff';

const VIDEO = 'https://www.worcestershire.gov.uk/bsl/send-survey/help-at-school';
const CAPTION = 'Do you get the help you need at school? Choose one face.';
const LINK = 'Watch this question in British Sign Language (opens in new tab)';

function settingsOf(surveyId: string): unknown[] {
	return query<{ settings: string }>(
		'select settings from questions where survey_id = ? order by position',
		surveyId
	).map((r) => JSON.parse(r.settings));
}

for (const javaScript of [true, false]) {
	test.describe(`the builder, JavaScript ${javaScript ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled: javaScript });

		test('an officer adds a sign-language video to a draft question', async ({
			page
		}, testInfo) => {
			const officer = createUser({ slug: BUILDER_SLUG, role: 'officer', tag: 'builder-bsl' });
			await signInAs(page, officer);
			const requests: URL[] = [];
			page.on('request', (request) => requests.push(new URL(request.url())));

			// A young people's draft with one question of the officer's own.
			await page.goto('/app/surveys/new');
			await page.getByLabel('Young people').check();
			await page.getByLabel('Which wave is it part of?').selectOption('new');
			await page.getByLabel('New wave name').fill(unique('BSL wave', testInfo.project.name));
			await page.getByLabel('New wave start date').fill(isoDate(0));
			await page.getByLabel('Title').fill('Tell us about your help');
			await page.getByLabel('Introduction').fill('There are no right or wrong answers.');
			await page.getByLabel('Opening date').fill(isoDate(0));
			await page.getByLabel('Closing date').fill(isoDate(20));
			await page.getByLabel(/single-use code/).check();
			await page.getByRole('button', { name: 'Create questionnaire' }).click();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tell us about your help');
			const surveyId = surveyIdOf(page.url());
			await page.getByLabel('Kind of question').selectOption('scale');
			await page.getByLabel('Question', { exact: true }).fill('I get the help I need at school.');
			await page.getByRole('button', { name: 'Add and edit question' }).click();
			await expect(page.getByRole('heading', { name: 'Edit question' })).toBeVisible();
			const before = settingsOf(surveyId);

			// A link that is not https, and words without a link: refused, field by field.
			const url = page.getByLabel('British Sign Language video (link)');
			const caption = page.getByLabel('What the video says (caption)');
			await url.fill('http://www.worcestershire.gov.uk/bsl');
			await caption.fill(CAPTION);
			await page.getByRole('button', { name: 'Save question' }).click();
			const summary = page.getByRole('alert');
			await expect(summary).toContainText(
				'Enter the video link as a full web address starting with https://'
			);
			await expect(
				summary.getByRole('link', { name: /Enter the video link as a full web address/ })
			).toHaveAttribute('href', '#signVideoUrl');
			await expect(url).toHaveValue('http://www.worcestershire.gov.uk/bsl');
			await expect(caption).toHaveValue(CAPTION);
			if (javaScript) await expectAccessible(page);
			expect(settingsOf(surveyId)).toEqual(before);

			await url.fill('');
			await page.getByRole('button', { name: 'Save question' }).click();
			await expect(page.getByRole('alert')).toContainText(
				'Enter the video link, or delete what the video says'
			);
			expect(settingsOf(surveyId)).toEqual(before);

			// A good link with its words is kept with the question.
			await page.getByLabel('British Sign Language video (link)').fill(VIDEO);
			await page.getByRole('button', { name: 'Save question' }).click();
			await expect(page.getByText('Question saved.')).toBeVisible();
			expect(settingsOf(surveyId)).toEqual([
				expect.objectContaining({ signVideo: { url: VIDEO, caption: CAPTION } })
			]);

			// The preview shows it on the young person's page and the parent carer's.
			for (const as of ['young_person', 'parent_carer']) {
				await page.goto(`/app/surveys/${surveyId}/preview?as=${as}`);
				const preview = page.getByRole('group', { name: 'Phone preview' });
				await expect(preview.getByRole('link', { name: LINK })).toHaveAttribute('href', VIDEO);
				await preview.getByText('What the video says', { exact: true }).click();
				await expect(preview.getByText(CAPTION)).toBeVisible();
				if (javaScript) await expectAccessible(page);
			}
			expect(requests.filter((r) => r.host === new URL(VIDEO).host).map(String)).toEqual([]);
		});
	});
}
