import { draftAnswers, heldSecret, openSurveyId, responsesWithComment } from './support/demo';
import {
	answerAllPages,
	answerPage,
	expect,
	expectAccessible,
	expectPrivateHeaders,
	expectSameOrigin,
	freshContext,
	test
} from './support/respond';

const SLUG = 'essex';

test.describe('a young person answers the easy-read questionnaire', () => {
	test('one question a page, faces with words, read aloud, sent anonymously', async ({
		page,
		requests,
		baseURL
	}, testInfo) => {
		const surveyId = openSurveyId(SLUG, 'young_person');
		const comment = `More clubs after school (${testInfo.project.name} ${Date.now()})`;
		// Record what the read-aloud button asks the browser to say.
		await page.addInitScript(() => {
			const spoken: string[] = [];
			Object.assign(window, { spoken });
			window.speechSynthesis.speak = (u: SpeechSynthesisUtterance) => void spoken.push(u.text);
		});

		const start = await page.goto(`/s/${surveyId}`);
		expectPrivateHeaders(start);
		await expect(page.getByText('Nobody will know it is you')).toBeVisible();
		await expectAccessible(page);
		await page.getByRole('button', { name: 'Start now' }).click();
		await expect(page).toHaveURL(/\/p\/1$/);

		// The first question: its easy-read words are the heading, the scale is faces with words.
		const question = page.getByRole('heading', { level: 1 });
		await expect(question).toHaveText('I helped make my plan.');
		await expect(page.getByText('Question 1 of 9')).toBeVisible();
		await expect(page.locator('svg.face')).toHaveCount(4);
		for (const words of ['Yes', 'Sometimes', 'No', "I don't know"]) {
			await expect(page.getByRole('radio', { name: words, exact: true })).toBeAttached();
		}
		const readAloud = page.getByRole('button', { name: 'Read aloud' });
		await expect(readAloud).toBeVisible();
		await readAloud.click();
		const spoken = await page.evaluate(() => (window as unknown as { spoken: string[] }).spoken);
		expect(spoken).toHaveLength(1);
		expect(spoken[0]).toContain('I helped make my plan.');
		expect(spoken[0]).toContain('Sometimes');
		await expectAccessible(page);

		let n = 0;
		await answerAllPages(page, comment, async (p) => {
			n += 1;
			await expect(p.getByText(`Question ${n} of 9`)).toBeVisible();
			await expectAccessible(p);
		});
		expect(n).toBe(9);
		await expect(page.locator('.summary-list__value').first()).toHaveText('Yes');
		await expectAccessible(page);
		await page.getByRole('button', { name: 'Send my answers' }).click();
		await expect(page.getByRole('heading', { name: 'Your answers have been sent' })).toBeVisible();
		await expect(page.getByText(/Childline/)).toBeVisible();
		await expectAccessible(page);

		const stored = responsesWithComment(comment);
		expect(stored).toHaveLength(1);
		expect(stored[0]).toMatchObject({ surveyId, channel: 'web' });
		expectSameOrigin(requests, baseURL);
	});

	test('saves, comes back with the resume link on another device, and sends', async ({
		page,
		browser
	}, testInfo) => {
		const surveyId = openSurveyId(SLUG, 'young_person');
		const comment = `Saved then sent (${testInfo.project.name} ${Date.now()})`;
		await page.goto(`/s/${surveyId}`);
		await page.getByRole('button', { name: 'Start now' }).click();
		for (const expected of [1, 2]) {
			await expect(page).toHaveURL(new RegExp(`/p/${expected}$`));
			await answerPage(page, comment, 1);
			await page.getByRole('button', { name: 'Continue' }).click();
		}
		await expect(page).toHaveURL(/\/p\/3$/);
		await page.getByRole('button', { name: 'Save and come back later' }).click();
		await expect(page).toHaveURL(/\/saved$/);
		await expect(page.getByRole('heading', { name: 'Your answers have been saved' })).toBeVisible();
		await expectAccessible(page);
		const link = await page.locator('.resume-link a').getAttribute('href');
		const token = /\/resume\/([a-z2-7]{52})$/.exec(link ?? '')?.[1];
		expect(token).toBeDefined();
		// Saving ends the visit on this device; the draft waits on the server, sealed under the
		// secret that only the link carries.
		expect(await page.context().cookies()).toHaveLength(0);
		expect(Object.keys(draftAnswers(surveyId, token) ?? {})).toHaveLength(3);

		const other = await freshContext(browser, testInfo);
		const phone = await other.newPage();
		const resumed = await phone.goto(link!);
		expectPrivateHeaders(resumed);
		// The draft moves to a new secret in this browser's cookie, out of the address; the family
		// lands where they left, and is told the link will not work again.
		await expect(phone).toHaveURL(new RegExp(`/s/${surveyId}/p/3\\?resumed=1$`));
		expect(phone.url()).not.toContain(token!);
		await expect(phone.getByText('The link you used will not work again')).toBeVisible();
		expect(draftAnswers(surveyId, token)).toBeUndefined();
		const moved = await heldSecret(other, surveyId);
		expect(Object.keys(draftAnswers(surveyId, moved) ?? {})).toHaveLength(3);
		// Whoever else has the old link (it was forwarded, or seen over a shoulder) gets nothing.
		const snoop = await (await freshContext(browser, testInfo)).newPage();
		expect((await snoop.goto(link!))?.status()).toBe(404);
		await phone.getByRole('link', { name: 'Back' }).click();
		await expect(phone.getByRole('radio', { name: 'Sometimes' })).toBeChecked();
		await phone.getByRole('button', { name: 'Continue' }).click();
		await answerAllPages(phone, comment);
		await phone.getByRole('button', { name: 'Send my answers' }).click();
		await expect(phone.getByRole('heading', { name: 'Your answers have been sent' })).toBeVisible();
		expect(responsesWithComment(comment)).toHaveLength(1);
		expect(draftAnswers(surveyId, moved)).toBeUndefined();

		// The link does not work once the answers are sent.
		const again = await phone.goto(link!);
		expect(again?.status()).toBe(404);
		await expect(phone.getByText('This link does not work any more')).toBeVisible();
		await expectAccessible(phone);
		await other.close();
	});
});

test.describe('the easy-read questionnaire with JavaScript off', () => {
	test.use({ javaScriptEnabled: false });

	test('works as plain forms, with no read-aloud button', async ({ page }, testInfo) => {
		const surveyId = openSurveyId(SLUG, 'young_person');
		const comment = `No script here (${testInfo.project.name} ${Date.now()})`;
		await page.goto(`/s/${surveyId}`);
		await page.getByRole('button', { name: 'Start now' }).click();
		await expect(page.getByRole('button', { name: 'Read aloud' })).toBeHidden();
		await expect(page.getByRole('radio', { name: 'Yes', exact: true })).toBeAttached();
		await answerAllPages(page, comment);
		await page.getByRole('button', { name: 'Send my answers' }).click();
		await expect(page.getByRole('heading', { name: 'Your answers have been sent' })).toBeVisible();
		expect(responsesWithComment(comment)).toHaveLength(1);
	});
});
