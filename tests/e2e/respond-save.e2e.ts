/**
 * Saving and coming back on a code questionnaire: the resume link carries the draft's secret;
 * the code only lets a family start. Tried also as the officer who holds every code of the batch
 * (the mail merge joins codes to addresses): they can neither read nor send a family's draft.
 */
import {
	draftAnswers,
	heldSecret,
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

test('a parent saves with a code and carries on in another browser with the resume link', async ({
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
	await expect(page.getByText('Your access code does not open these answers')).toBeVisible();
	await expectAccessible(page);
	expect(await page.context().cookies()).toHaveLength(0);
	const link = (await page.locator('.resume-link a').getAttribute('href'))!;
	const secret = /\/resume\/([a-z2-7]{52})$/.exec(link)?.[1];
	expect(Object.keys(draftAnswers(surveyId, secret) ?? {}).length).toBeGreaterThan(3);

	// Another browser: the link opens the draft at the first unfinished page, once.
	const other = await freshContext(browser, testInfo);
	const laptop = await other.newPage();
	await laptop.goto(link);
	await expect(laptop).toHaveURL(/\/p\/2\?resumed=1$/);
	await expect(laptop.locator('main input[type=radio]').first()).toBeChecked();
	await laptop.getByRole('link', { name: 'Back' }).click();
	await expect(laptop).toHaveURL(/\/p\/1$/);
	await expect(laptop.locator('main .form-group').first().locator('input').nth(1)).toBeChecked();
	await laptop.getByRole('button', { name: 'Continue' }).click();
	await answerAllPages(laptop, comment);
	const moved = await heldSecret(other, surveyId);
	await laptop.getByRole('button', { name: 'Send my answers' }).click();
	await expect(laptop.getByRole('heading', { name: 'Your answers have been sent' })).toBeVisible();

	expect(responsesWithComment(comment)).toHaveLength(1);
	expect(draftAnswers(surveyId, moved)).toBeUndefined();
	await other.close();
});

test.describe('the officer holding every code of the batch', () => {
	test('cannot read, send or take over a family’s saved answers', async ({
		page,
		browser,
		baseURL
	}, testInfo) => {
		const surveyId = openSurveyId(SLUG, 'parent_carer');
		const code = openWaveCode(SLUG, slotIndex(testInfo.project.name, 11));
		const secretWords = `Our son Jamie at Hillside school (${testInfo.project.name} ${Date.now()})`;

		// The family starts, answers the first page and goes on to the next.
		await page.goto(`/s/${surveyId}/code`);
		await page.getByLabel('Enter your access code').fill(code);
		await page.getByRole('button', { name: 'Continue' }).click();
		await answerPage(page, secretWords, 1);
		await page.getByRole('button', { name: 'Continue' }).click();
		await expect(page).toHaveURL(/\/p\/2$/);
		const family = await heldSecret(page.context(), surveyId);
		const before = draftAnswers(surveyId, family);
		expect(Object.keys(before ?? {}).length).toBeGreaterThan(3);

		const attacker = await freshContext(browser, testInfo);
		const officer = await attacker.newPage();

		// 1. The old trick: a cookie that carries the code. It opens nothing and is refused.
		await attacker.addCookies([
			{
				name: 'heard_answering',
				value: `c.${code.replace('-', '')}`,
				url: `${baseURL}/s/${surveyId}`
			}
		]);
		const check = await officer.goto(`/s/${surveyId}/check`);
		await expect(officer).toHaveURL(new RegExp(`/s/${surveyId}/code$`));
		expect(await check!.text()).not.toContain('Jamie');
		const send = await officer.request.post(`/s/${surveyId}/check`, {
			form: { survey: surveyId },
			headers: { origin: new URL(baseURL!).origin, accept: 'text/html' },
			maxRedirects: 0
		});
		expect([send.status(), send.headers()['location']]).toEqual([303, `/s/${surveyId}/code`]);

		// 2. Typing the code: told that answers are saved elsewhere, shown none of them.
		await officer.getByLabel('Enter your access code').fill(code);
		await officer.getByRole('button', { name: 'Continue' }).click();
		await expect(officer.locator('.error-summary')).toContainText(
			'Someone has already started answering with this code'
		);
		await expect(officer.getByRole('main')).not.toContainText('Jamie');
		await expectAccessible(officer);
		expect(await heldSecret(attacker, surveyId)).toBeUndefined();

		// 3. A made-up draft secret, or a made-up resume link, is refused like a wrong code.
		const made = `d.${'a'.repeat(52)}`;
		await attacker.addCookies([
			{ name: 'heard_answering', value: made, url: `${baseURL}/s/${surveyId}` }
		]);
		await officer.goto(`/s/${surveyId}/check`);
		await expect(officer).toHaveURL(new RegExp(`/s/${surveyId}/code\\?problem=lost$`));
		const forged = await officer.goto(`/s/${surveyId}/resume/${'b'.repeat(52)}`);
		expect(forged?.status()).toBe(404);

		// The family's draft is untouched, theirs alone, and they send it.
		expect(draftAnswers(surveyId, family)).toEqual(before);
		await page.goto(`/s/${surveyId}/p/2`);
		await answerAllPages(page, secretWords);
		await page.getByRole('button', { name: 'Send my answers' }).click();
		await expect(page.getByRole('heading', { name: 'Your answers have been sent' })).toBeVisible();
		expect(responsesWithComment(secretWords)).toHaveLength(1);

		// 4. Afterwards the code is spent: it cannot be used to send anything else.
		await officer.goto(`/s/${surveyId}/code`);
		await officer.getByLabel('Enter your access code').fill(code);
		await officer.getByRole('button', { name: 'Continue' }).click();
		await expect(officer.locator('.error-summary')).toContainText('already been used');
		await attacker.close();
	});

	test('can only start afresh by deleting a family’s draft, which then opens for nobody', async ({
		page,
		browser
	}, testInfo) => {
		const surveyId = openSurveyId(SLUG, 'parent_carer');
		const code = openWaveCode(SLUG, slotIndex(testInfo.project.name, 12));
		await page.goto(`/s/${surveyId}?code=${code}`);
		await expect(page).toHaveURL(/\/p\/1$/);
		await answerPage(page, 'Kept to ourselves', 0);
		await page.getByRole('button', { name: 'Save and come back later' }).click();
		const link = (await page.locator('.resume-link a').getAttribute('href'))!;

		const other = await freshContext(browser, testInfo);
		const second = await other.newPage();
		await second.goto(`/s/${surveyId}?code=${code}`);
		await expect(second).toHaveURL(/\/code\?problem=draft_elsewhere$/);
		await second.getByLabel('Type your access code again to start again').fill(code);
		await second.getByRole('button', { name: 'Delete the saved answers and start again' }).click();
		await expect(second).toHaveURL(/\/p\/1$/);
		// Nothing of the first draft came across.
		await expect(second.locator('main input:checked')).toHaveCount(0);
		await expect(second.locator('main textarea')).toHaveCount(0);
		// And the first draft's link now opens nothing.
		expect((await page.goto(link))?.status()).toBe(404);
		await other.close();
	});
});
