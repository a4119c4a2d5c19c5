/**
 * Every way a respondent's request can go wrong: a clear message, the right status, and no
 * change to the data (read back from the database).
 */
import type { Page } from '@playwright/test';
import {
	closedSurveyId,
	codeUsed,
	draftAnswers,
	heldSecret,
	makeUnpublishedSurveys,
	openSurveyId,
	openWaveCode,
	responsesWithComment,
	surveyQuestions,
	usedOpenWaveCode
} from './support/demo';
import {
	answerAllPages,
	answerPage,
	expect,
	expectAccessible,
	expectPrivateHeaders,
	formFields,
	freshContext,
	slotIndex,
	test
} from './support/respond';

const SLUG = 'essex';

/** Post a form as a browser on this site would, without following the redirect. */
function postForm(page: Page, path: string, form: Record<string, string>) {
	return page.request.post(path, {
		form,
		headers: { origin: new URL(page.url()).origin, accept: 'text/html' },
		maxRedirects: 0
	});
}

async function enterCode(page: Page, surveyId: string, code: string) {
	await page.goto(`/s/${surveyId}/code`);
	await page.getByLabel('Enter your access code').fill(code);
	await page.getByRole('button', { name: 'Continue' }).click();
}

/** A good code, then the first question page, loaded: answering must not start on the code page. */
async function beginWithCode(page: Page, surveyId: string, code: string) {
	await enterCode(page, surveyId, code);
	await expect(page).toHaveURL(/\/p\/1(\?|$)/);
	await page.waitForLoadState('load');
}

test.describe('access codes', () => {
	test('empty, malformed, unknown and used codes each get a clear message', async ({ page }) => {
		const surveyId = openSurveyId(SLUG, 'parent_carer');
		const cases: [string, RegExp][] = [
			['', /Enter the access code from your letter/],
			['12345', /exactly as it is on your letter/],
			['ZZZZZ-ZZZZZ', /We do not recognise that code/],
			[usedOpenWaveCode(SLUG, surveyId), /already been used/]
		];
		for (const [code, message] of cases) {
			await enterCode(page, surveyId, code);
			await expect(page).toHaveURL(/\/code$/);
			await expect(page.locator('.error-summary')).toContainText(message);
			await expect(page.locator('#code-error')).toContainText(message);
			await expect(page).toHaveTitle(/^Error: /);
			await expect(page.locator('.error-summary a')).toHaveAttribute('href', '#code');
			await expectAccessible(page);
		}
		expect(await page.context().cookies()).toHaveLength(0);
	});

	test('a code in the address is taken out of it, whether it works or not', async ({
		page
	}, testInfo) => {
		const surveyId = openSurveyId(SLUG, 'parent_carer');
		const wrong = await page.goto(`/s/${surveyId}?code=ZZZZZ-ZZZZZ`);
		expectPrivateHeaders(wrong);
		await expect(page).toHaveURL(new RegExp(`/s/${surveyId}/code\\?problem=unknown$`));
		await expect(page.locator('.error-summary')).toContainText('We do not recognise that code');
		await expectAccessible(page);

		const code = openWaveCode(SLUG, slotIndex(testInfo.project.name, 20));
		await page.goto(`/s/${surveyId}/code?code=${encodeURIComponent(code.toLowerCase())}`);
		await expect(page).toHaveURL(new RegExp(`/s/${surveyId}/p/1$`));
		const cookies = await page.context().cookies();
		expect(cookies.map((c) => c.path)).toEqual([`/s/${surveyId}`]);
	});

	test('repeated wrong codes are refused for a while, even a right one', async ({
		page
	}, testInfo) => {
		const surveyId = openSurveyId(SLUG, 'parent_carer');
		for (let i = 0; i < 5; i++) {
			await enterCode(page, surveyId, `ZZZZZ-ZZZZ${i}`);
			await expect(page.locator('.error-summary')).toContainText('We do not recognise');
		}
		const good = openWaveCode(SLUG, slotIndex(testInfo.project.name, 21));
		await page.getByLabel('Enter your access code').fill(good);
		const [response] = await Promise.all([
			page.waitForResponse((r) => r.request().method() === 'POST'),
			page.getByRole('button', { name: 'Continue' }).click()
		]);
		expect(response.status()).toBe(429);
		await expect(page.locator('.error-summary')).toContainText(
			'You have entered too many codes or links that did not work. Wait 10 minutes'
		);
		await expectAccessible(page);
		const viaLink = await page.goto(`/s/${surveyId}?code=${good}`);
		expect(viaLink?.status()).toBe(429);
		await expect(page.getByRole('heading', { name: 'Too many tries' })).toBeVisible();
		await expectAccessible(page);
		expect(codeUsed(surveyId, good)).toBe(0);
		expect(await page.context().cookies()).toHaveLength(0);
	});
});

test.describe('question pages', () => {
	test('missing required answers: summary linked to each field, inline errors, nothing saved', async ({
		page
	}, testInfo) => {
		const surveyId = openSurveyId(SLUG, 'parent_carer');
		const code = openWaveCode(SLUG, slotIndex(testInfo.project.name, 22));
		await beginWithCode(page, surveyId, code);
		await expect(page).toHaveURL(/\/p\/1$/);
		await page.getByRole('button', { name: 'Continue' }).click();
		await expect(page).toHaveURL(/\/p\/1$/);
		await expect(page).toHaveTitle(/^Error: /);
		const links = page.locator('.error-summary a');
		const required = await page.locator('main .form-group').count();
		await expect(links).toHaveCount(required);
		await expect(page.locator('.error-message')).toHaveCount(required);
		await expect(page.locator('.error-summary')).toBeFocused();
		await expectAccessible(page);
		// Each link goes to its question's first answer.
		const href = await links.first().getAttribute('href');
		await links.first().click();
		await expect(page.locator(href!)).toBeFocused();
		// The code made an empty draft for this browser; the refused page added nothing to it.
		expect(draftAnswers(surveyId, await heldSecret(page.context(), surveyId))).toEqual({});
	});

	test('over-long free text shows the limit and is not kept', async ({ page }, testInfo) => {
		const surveyId = openSurveyId(SLUG, 'parent_carer');
		const code = openWaveCode(SLUG, slotIndex(testInfo.project.name, 23));
		await beginWithCode(page, surveyId, code);
		await answerAllPages(page, 'Short and fine');
		const textPage = await page
			.getByRole('link', { name: /^Change/ })
			.last()
			.getAttribute('href');
		await page.goto(textPage!);
		const box = page.locator('textarea');
		await box.fill('x'.repeat(1300));
		await expect(page.locator('.character-count__message')).toHaveText(
			'You have 100 characters too many'
		);
		await page.getByRole('button', { name: 'Save and go back to your answers' }).click();
		await expect(page.locator('.error-summary')).toContainText(
			'Your answer must be 1200 characters or fewer (it has 1300)'
		);
		await expect(box).toHaveValue('x'.repeat(1300));
		await expectAccessible(page);
		const draft = draftAnswers(surveyId, await heldSecret(page.context(), surveyId));
		expect(Object.values(draft ?? {}).flat()).toContain('Short and fine');
	});

	test('tampered forms (unknown option, unknown question, other survey) change nothing', async ({
		page
	}, testInfo) => {
		const surveyId = openSurveyId(SLUG, 'parent_carer');
		const code = openWaveCode(SLUG, slotIndex(testInfo.project.name, 24));
		await beginWithCode(page, surveyId, code);
		await answerPage(page, 'kept');
		await page.getByRole('button', { name: 'Continue' }).click();
		await expect(page).toHaveURL(/\/p\/2$/);
		await page.goto(`/s/${surveyId}/p/1`);
		const before = draftAnswers(surveyId, await heldSecret(page.context(), surveyId));
		expect(before).toBeDefined();
		const fields = await formFields(page);
		const [first] = surveyQuestions(surveyId);
		const other = openSurveyId('lancashire', 'parent_carer');
		const tampered: [Record<string, string>, RegExp][] = [
			[{ ...fields, [`q-${first!.id}`]: 'very-much' }, /Select one of the answers shown/],
			[{ ...fields, 'q-made-up-question': 'agree' }, /out of date or was changed|has changed/],
			[{ ...fields, 'q-constructor': 'agree' }, /has changed/],
			[{ ...fields, survey: other }, /out of date or was changed/]
		];
		for (const [form, message] of tampered) {
			const response = await postForm(page, `/s/${surveyId}/p/1`, form);
			expect(response.status()).toBe(400);
			expect(await response.text()).toMatch(message);
			expect(draftAnswers(surveyId, await heldSecret(page.context(), surveyId))).toEqual(before);
		}
		// The same page's form posted to another questionnaire finds no code there.
		const elsewhere = await postForm(page, `/s/${other}/p/1`, fields);
		expect(elsewhere.status()).toBe(303);
		expect(elsewhere.headers()['location']).toBe(`/s/${other}/code`);
		expect(draftAnswers(surveyId, await heldSecret(page.context(), surveyId))).toEqual(before);
		// And the page shows a tampered post's message the GOV.UK way.
		await page.locator('main form').evaluate((form, id) => {
			const input = form.querySelector(`input[name="q-${id}"]`) as HTMLInputElement;
			input.value = 'very-much';
			input.checked = true;
		}, first!.id);
		await page.getByRole('button', { name: 'Continue' }).click();
		await expect(page.locator('.error-summary')).toContainText('Select one of the answers shown');
		await expectAccessible(page);
	});
});

test.describe('checking answers', () => {
	test('unanswered questions are listed with links, and cannot be sent', async ({
		page
	}, testInfo) => {
		const surveyId = openSurveyId(SLUG, 'parent_carer');
		const code = openWaveCode(SLUG, slotIndex(testInfo.project.name, 28));
		await beginWithCode(page, surveyId, code);
		await answerPage(page, 'Only the first page');
		await page.getByRole('button', { name: 'Continue' }).click();
		await expect(page).toHaveURL(/\/p\/2$/);
		await page.goto(`/s/${surveyId}/check`);
		const summary = page.locator('.error-summary');
		await expect(summary).toContainText('There is a problem');
		const first = summary.locator('a').first();
		await expect(first).toHaveAttribute('href', new RegExp(`/s/${surveyId}/p/2\\?change=1#q-`));
		await expect(page.getByText('Not answered').first()).toBeVisible();
		await expectAccessible(page);
		await page.getByRole('button', { name: 'Send my answers' }).click();
		await expect(page).toHaveURL(/\/check$/);
		await expect(summary).toContainText('Select an answer');
		await expectAccessible(page);
		expect(codeUsed(surveyId, code)).toBe(0);
		expect(draftAnswers(surveyId, await heldSecret(page.context(), surveyId))).toBeDefined();
		await first.click();
		await expect(page).toHaveURL(/\/p\/2\?change=1/);
	});
});

test.describe('questionnaires families cannot answer', () => {
	test('closed, not yet open, draft and unknown each get a page and the right status', async ({
		page
	}) => {
		const closed = closedSurveyId(SLUG, 'parent_carer', 1);
		const { draft, notYetOpen } = makeUnpublishedSurveys();
		const cases: [string, number, string, RegExp][] = [
			[closed, 410, 'This questionnaire has closed', /closed on \d+ \w+ \d{4}/],
			[notYetOpen, 403, 'This questionnaire is not open yet', /opens on 1 January 2999/],
			[draft, 404, 'Page not found', /not ready yet/],
			['no-such-survey', 404, 'Page not found', /We cannot find this questionnaire/]
		];
		for (const [id, status, heading, message] of cases) {
			const response = await page.goto(`/s/${id}`);
			expect(response?.status()).toBe(status);
			expectPrivateHeaders(response);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
			await expect(page.getByRole('main')).toContainText(message);
			await expect(page.getByRole('main')).not.toContainText(/Error:|at .*\.js/);
			await expectAccessible(page);
		}
		// Privacy and accessibility pages stay readable after a questionnaire closes.
		for (const page_ of ['privacy', 'accessibility']) {
			const response = await page.goto(`/s/${closed}/${page_}`);
			expect(response?.status()).toBe(200);
			await expectAccessible(page);
		}
		const missing = await page.goto(`/s/${closed}/p/99`);
		expect(missing?.status()).toBe(410);
	});

	test('a closed questionnaire takes no answers', async ({ page }) => {
		const closed = closedSurveyId(SLUG, 'parent_carer', 1);
		const [first] = surveyQuestions(closed);
		const comment = `Too late (${Date.now()})`;
		await page.goto(`/s/${closed}`);
		const last = surveyQuestions(closed).at(-1)!;
		for (const path of ['p/1', 'check', 'code']) {
			const response = await postForm(page, `/s/${closed}/${path}`, {
				survey: closed,
				code: 'ZZZZZ-ZZZZZ',
				[`q-${first!.id}`]: 'agree',
				[`q-${last.id}`]: comment
			});
			expect(response.status()).toBe(410);
			expect(await response.text()).toContain('This questionnaire closed on');
		}
		expect(responsesWithComment(comment)).toHaveLength(0);
	});
});

test.describe('sending twice', () => {
	test('a code cannot send twice, and a replayed form stores nothing', async ({
		page,
		browser
	}, testInfo) => {
		const surveyId = openSurveyId(SLUG, 'parent_carer');
		const code = openWaveCode(SLUG, slotIndex(testInfo.project.name, 25));
		const comment = `Only once (${testInfo.project.name} ${Date.now()})`;
		await beginWithCode(page, surveyId, code);
		const firstPage = await formFields(page);
		await answerAllPages(page, comment);
		const send = await formFields(page);
		const secret = await heldSecret(page.context(), surveyId);
		expect(draftAnswers(surveyId, secret)).toBeDefined();
		await page.getByRole('button', { name: 'Send my answers' }).click();
		await expect(page).toHaveURL(/\/done$/);
		expect(responsesWithComment(comment)).toHaveLength(1);

		// The same browser sends the form again, and posts an earlier page again.
		const replay = await postForm(page, `/s/${surveyId}/check`, send);
		expect(replay.status()).toBe(303);
		expect(replay.headers()['location']).toBe(`/s/${surveyId}/done?already=1`);
		const earlier = await postForm(page, `/s/${surveyId}/p/1`, firstPage);
		expect(earlier.headers()['location']).toBe(`/s/${surveyId}/done?already=1`);
		await page.goto(`/s/${surveyId}/done?already=1`);
		await expect(
			page.getByRole('heading', { name: 'Your answers have already been sent' })
		).toBeVisible();
		await expectAccessible(page);

		// Another browser tries the same code.
		const other = await freshContext(browser, testInfo);
		const second = await other.newPage();
		await enterCode(second, surveyId, code);
		await expect(second.locator('.error-summary')).toContainText('already been used');
		await other.close();

		expect(responsesWithComment(comment)).toHaveLength(1);
		expect(draftAnswers(surveyId, secret)).toBeUndefined();
	});

	test('a double click on send stores one response', async ({ page }, testInfo) => {
		const surveyId = openSurveyId(SLUG, 'parent_carer');
		const code = openWaveCode(SLUG, slotIndex(testInfo.project.name, 26));
		const comment = `Double click (${testInfo.project.name} ${Date.now()})`;
		await beginWithCode(page, surveyId, code);
		await answerAllPages(page, comment);
		await page.getByRole('button', { name: 'Send my answers' }).dblclick();
		await expect(page).toHaveURL(/\/done(\?already=1)?$/);
		expect(responsesWithComment(comment)).toHaveLength(1);
	});

	test('two sends racing each other store one response', async ({ page }, testInfo) => {
		const surveyId = openSurveyId('worcestershire', 'parent_carer');
		const code = openWaveCode('worcestershire', slotIndex(testInfo.project.name, 27));
		const comment = `Racing (${testInfo.project.name} ${Date.now()})`;
		await beginWithCode(page, surveyId, code);
		await answerAllPages(page, comment);
		const send = await formFields(page);
		const results = await Promise.all([
			postForm(page, `/s/${surveyId}/check`, send),
			postForm(page, `/s/${surveyId}/check`, send)
		]);
		expect(results.map((r) => r.headers()['location']).sort()).toEqual([
			`/s/${surveyId}/done`,
			`/s/${surveyId}/done?already=1`
		]);
		expect(responsesWithComment(comment)).toHaveLength(1);
		expect(codeUsed(surveyId, code)).toBe(1);
	});
});
