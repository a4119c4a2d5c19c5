import {
	codeHashOf,
	draftAnswers,
	openSurveyId,
	openWaveCode,
	responsesWithComment
} from './support/demo';
import {
	answerAllPages,
	answerPage,
	expect,
	expectAccessible,
	freshContext,
	slotIndex,
	test
} from './support/respond';

const SLUG = 'lancashire';

test('a parent saves with a code and carries on in another browser', async ({
	page,
	browser
}, testInfo) => {
	const surveyId = openSurveyId(SLUG, 'parent_carer');
	const code = openWaveCode(SLUG, slotIndex(testInfo.project.name, 10));
	const comment = `Finished on another device (${testInfo.project.name} ${Date.now()})`;

	await page.goto(`/s/${surveyId}/code`);
	await page.getByLabel('Enter your access code').fill(code);
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(page).toHaveURL(/\/p\/1$/);
	await answerPage(page, comment, 1);
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(page).toHaveURL(/\/p\/2$/);
	// Half a page is kept too: required answers may wait until later.
	await page.locator('main input[type=radio]').first().check();
	await page.getByRole('button', { name: 'Save and come back later' }).click();
	await expect(page).toHaveURL(/\/saved$/);
	await expect(page.getByText('enter the same access code')).toBeVisible();
	await expectAccessible(page);
	expect(await page.context().cookies()).toHaveLength(0);
	const saved = draftAnswers(surveyId, codeHashOf(code));
	expect(Object.keys(saved ?? {}).length).toBeGreaterThan(3);

	// Another browser: the code alone finds the draft and goes to the first unfinished page.
	const other = await freshContext(browser, testInfo);
	const laptop = await other.newPage();
	await laptop.goto(`/s/${surveyId}`);
	await laptop.getByRole('button', { name: 'Start now' }).click();
	await laptop.getByLabel('Enter your access code').fill(code.toLowerCase());
	await laptop.getByRole('button', { name: 'Continue' }).click();
	await expect(laptop).toHaveURL(/\/p\/2$/);
	await expect(laptop.locator('main input[type=radio]').first()).toBeChecked();
	await laptop.getByRole('link', { name: 'Back' }).click();
	await expect(laptop).toHaveURL(/\/p\/1$/);
	await expect(laptop.locator('main .form-group').first().locator('input').nth(1)).toBeChecked();
	await laptop.getByRole('button', { name: 'Continue' }).click();
	await answerAllPages(laptop, comment);
	await laptop.getByRole('button', { name: 'Send my answers' }).click();
	await expect(laptop.getByRole('heading', { name: 'Your answers have been sent' })).toBeVisible();

	expect(responsesWithComment(comment)).toHaveLength(1);
	expect(draftAnswers(surveyId, codeHashOf(code))).toBeUndefined();
	await other.close();
});
