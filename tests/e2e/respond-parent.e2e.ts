import {
	codeUsed,
	draftAnswers,
	heldSecret,
	openSurveyId,
	openWaveCode,
	responsesWithComment,
	tableColumns
} from './support/demo';
import {
	answerAllPages,
	expect,
	expectAccessible,
	expectNoInlineCode,
	expectPrivateHeaders,
	expectSameOrigin,
	slotIndex,
	test
} from './support/respond';

const SLUG = 'essex';

test.describe('a parent carer answers with JavaScript on', () => {
	test('from the letter to the confirmation, stored anonymously', async ({
		page,
		requests,
		baseURL
	}, testInfo) => {
		const surveyId = openSurveyId(SLUG, 'parent_carer');
		const code = openWaveCode(SLUG, slotIndex(testInfo.project.name, 0));
		const comment = `More speech therapy please (${testInfo.project.name} js on ${Date.now()})`;
		// Nothing the strict policy refuses, and nothing that breaks.
		const problems: string[] = [];
		page.on('console', (m) => void (m.type() === 'error' && problems.push(m.text())));
		page.on('pageerror', (e) => problems.push(e.message));

		const start = await page.goto(`/s/${surveyId}`);
		expectPrivateHeaders(start);
		await expect(page.getByRole('heading', { level: 1 })).toContainText('SEND support in Essex');
		await expect(page.getByText('Demo', { exact: true })).toBeVisible();
		await expect(page.getByText(/About \d+ minutes/)).toBeVisible();
		const main = page.getByRole('main');
		await expect(main.getByRole('link', { name: 'privacy notice' })).toBeVisible();
		await expect(main.getByRole('link', { name: 'accessibility statement' })).toBeVisible();
		await expectAccessible(page);

		await page.getByRole('button', { name: 'Start now' }).click();
		await expect(page).toHaveURL(/\/code$/);
		await expectAccessible(page);
		// Codes are read whatever the case, spacing or dashes.
		await page
			.getByLabel('Enter your access code')
			.fill(` ${code.toLowerCase().replace('-', ' ')} `);
		await page.getByRole('button', { name: 'Continue' }).click();
		await expect(page).toHaveURL(/\/p\/1$/);

		const cookies = await page.context().cookies();
		expect(cookies).toHaveLength(1);
		expect(cookies[0]).toMatchObject({
			path: `/s/${surveyId}`,
			httpOnly: true,
			sameSite: 'Lax'
		});

		let pages = 0;
		await answerAllPages(page, comment, async (p) => {
			pages += 1;
			await expect(p.getByText(new RegExp(`Page ${pages} of \\d+`))).toBeVisible();
			await expect(p.getByRole('link', { name: 'Back' })).toBeVisible();
			await expectNoInlineCode(p, requests);
			await expectAccessible(p);
		});
		expect(pages).toBeGreaterThan(2);
		// Every page was kept in the draft as it went.
		const secret = await heldSecret(page.context(), surveyId);
		const draft = draftAnswers(surveyId, secret);
		expect(Object.values(draft ?? {}).flat()).toContain(comment);

		await expect(page.getByRole('heading', { name: 'Check your answers' })).toBeVisible();
		await expectAccessible(page);
		// Change an answer and come back to the check page.
		await page
			.getByRole('link', { name: /^Change/ })
			.first()
			.click();
		await expect(page).toHaveURL(/\/p\/1\?change=1/);
		await page.locator('main input[type=radio]').nth(1).check();
		await page.getByRole('button', { name: 'Save and go back to your answers' }).click();
		await expect(page).toHaveURL(/\/check$/);
		await expect(page.locator('.summary-list__value').first()).toHaveText('Agree');

		await page.getByRole('button', { name: 'Send my answers' }).click();
		await expect(page).toHaveURL(/\/done$/);
		await expect(page.getByRole('heading', { name: 'Your answers have been sent' })).toBeVisible();
		await expect(page.getByText(/results will be published from/i)).toBeVisible();
		await expect(page.getByText(/SENDIASS/)).toBeVisible();
		await expect(page.getByRole('link', { name: '999' })).toBeVisible();
		await expectAccessible(page);

		// The database holds one anonymous response, the code is used and the draft is gone.
		const stored = responsesWithComment(comment);
		expect(stored).toHaveLength(1);
		expect(stored[0]).toMatchObject({ surveyId, channel: 'web' });
		expect(tableColumns('responses').sort()).toEqual([
			'channel',
			'id',
			'language',
			'submitted_on',
			'survey_id'
		]);
		expect(stored[0]!.submittedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect(codeUsed(surveyId, code)).toBe(1);
		expect(draftAnswers(surveyId, secret)).toBeUndefined();

		expectSameOrigin(requests, baseURL);
		expect(problems).toEqual([]);
	});
});

test.describe('a parent carer answers with JavaScript off', () => {
	test.use({ javaScriptEnabled: false });

	test('plain form posts all the way, stored once', async ({
		page,
		requests,
		baseURL
	}, testInfo) => {
		const surveyId = openSurveyId(SLUG, 'parent_carer');
		const code = openWaveCode(SLUG, slotIndex(testInfo.project.name, 1));
		const comment = `Shorter waits for assessments (${testInfo.project.name} js off ${Date.now()})`;

		// The link on the letter carries the code; it is taken out of the address at once.
		const landing = await page.goto(`/s/${surveyId}?code=${code}`);
		expectPrivateHeaders(landing);
		await expect(page).toHaveURL(new RegExp(`/s/${surveyId}/p/1$`));
		expect(page.url()).not.toContain(code);

		await answerAllPages(page, comment);
		const secret = await heldSecret(page.context(), surveyId);
		await page.getByRole('button', { name: 'Send my answers' }).click();
		await expect(page.getByRole('heading', { name: 'Your answers have been sent' })).toBeVisible();

		expect(responsesWithComment(comment)).toHaveLength(1);
		expect(codeUsed(surveyId, code)).toBe(1);
		expect(draftAnswers(surveyId, secret)).toBeUndefined();
		expectSameOrigin(requests, baseURL);
	});
});
