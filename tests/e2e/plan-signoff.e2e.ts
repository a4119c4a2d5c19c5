import { clientHeaders } from './support/clients';
/**
 * Co-production on record: a member of the parent carer forum, signed in as a partner, reads a
 * draft questionnaire as families will, comments on it and signs it off for the forum before it
 * opens; the sign-off appears in the co-production log by itself and in the evidence pack's
 * "How this was co-produced"; officers see it in the builder.
 */
import { closedSurveyId, query } from './support/demo';
import { surveyIdOf } from './support/builder';
import {
	clientName,
	createUser,
	expect,
	expectAccessible,
	isoDate,
	signInAs,
	test
} from './support/staff';

const SLUG = 'worcestershire';
const FORUM = 'Families in Partnership';

test('a partner comments on and signs off a draft, and the log and the pack show it', async ({
	page,
	browser,
	baseURL
}, testInfo) => {
	test.slow(); // many pages in one test: three times the usual time limit
	const tag = Math.random().toString(36).slice(2, 8);
	const officer = createUser({ slug: SLUG, role: 'officer', tag: 'signoff' });
	const partner = createUser({ slug: SLUG, role: 'partner', partner: FORUM, tag: 'signoff' });

	// The officer drafts the next wave's questionnaire as a copy.
	await signInAs(page, officer);
	await page.goto(`/app/surveys/${closedSurveyId(SLUG, 'parent_carer', 1)}`);
	await page.getByText('Copy as the next wave').click();
	await page.getByLabel('Which wave is the copy for?').selectOption('new');
	await page.getByLabel('New wave name').fill(`E2E sign-off ${tag}`);
	await page.getByLabel('New wave start date').fill(isoDate(60));
	await page.getByRole('button', { name: 'Copy as next wave' }).click();
	await expect(page.getByText(/This is a new draft for the next wave/)).toBeVisible();
	const draftId = surveyIdOf(page.url());
	await expect(page.getByRole('region', { name: 'Partners’ sign-off' })).toContainText(
		'No partner has signed it off yet.'
	);

	// The partner, in a browser of their own.
	const context = await browser.newContext({
		baseURL,
		extraHTTPHeaders: clientHeaders(`${clientName(testInfo)}:forum`)
	});
	const forum = await context.newPage();
	await signInAs(forum, partner);
	await forum
		.getByRole('navigation', { name: 'Workspace' })
		.getByRole('link', { name: 'Questionnaires to sign off' })
		.click();
	await forum.locator(`a[href="/app/sign-off/${draftId}"]`).click();
	await expect(forum.getByRole('heading', { level: 1 })).toContainText('Questionnaire');
	await expect(
		forum.getByRole('region', { name: 'The questions' }).getByRole('listitem').first()
	).toBeVisible();
	expect((await forum.request.get(`/app/surveys/${draftId}/preview`)).status()).toBe(200);
	expect((await forum.request.get(`/app/surveys/${draftId}`)).status()).toBe(403);
	await expectAccessible(forum);

	await forum.getByLabel('Add a comment').fill(`Please ask about short breaks (${tag})`);
	await forum.getByRole('button', { name: 'Add comment' }).click();
	await expect(forum.getByRole('status')).toContainText('Comment added.');
	const comments = forum.getByRole('region', { name: 'Comments' });
	await expect(comments).toContainText(`Please ask about short breaks (${tag})`);
	await expect(comments).toContainText(FORUM);

	await forum.getByRole('button', { name: `Sign off for ${FORUM}` }).click();
	await expect(forum.getByRole('alert')).toContainText('Confirm that your organisation has read');
	expect(query('select * from survey_signoffs where survey_id = ?', draftId)).toEqual([]);
	await forum
		.getByLabel('Anything to record with the sign-off (optional)')
		.fill(`Our comments were taken on (${tag})`);
	await forum.getByRole('checkbox', { name: /has read this questionnaire and agrees/ }).check();
	await forum.getByRole('button', { name: `Sign off for ${FORUM}` }).click();
	await expect(forum.getByRole('status')).toContainText('Signed off.');
	await expect(forum.getByRole('region', { name: 'Sign-off' })).toContainText(
		`Signed off by ${FORUM}`
	);
	await expect(forum.getByRole('button', { name: /^Sign off for/ })).toHaveCount(0);
	const rows = query<{ partner: string; signed_on: string }>(
		`select p.name as partner, s.signed_on from survey_signoffs s join partners p on p.id = s.partner_id
		 where s.survey_id = ?`,
		draftId
	);
	expect(rows).toEqual([{ partner: FORUM, signed_on: isoDate(0) }]);

	// In the log by itself, at the level the ladder gives a sign-off.
	await forum.goto('/app/coproduction');
	const entry = forum.locator('tr[data-entry="sign-off"]', {
		hasText: `Our comments were taken on (${tag})`
	});
	await expect(entry).toContainText('Signed off the questionnaire');
	await expect(entry).toContainText(FORUM);
	await expect(entry).toContainText('Engaging');
	await expect(forum.getByRole('link', { name: /ladder of co-production/ })).toBeVisible();
	await expectAccessible(forum);
	expect((await forum.request.get('/app/evidence')).status()).toBe(403);
	await context.close();

	// The officer sees it in the builder and the evidence pack.
	await page.goto(`/app/surveys/${draftId}`);
	await expect(page.getByRole('region', { name: 'Partners’ sign-off' })).toContainText(
		`Signed off by ${FORUM}`
	);
	await page.goto('/app/evidence');
	const coproduced = page.getByRole('region', { name: 'How this was co-produced' });
	await expect(coproduced).toContainText(`signed off by ${FORUM}`);
	await expect(coproduced).toContainText(`Our comments were taken on (${tag})`);
	const audit = query<{ action: string }>(
		`select action from audit_events where subject_id = ? order by created_at`,
		draftId
	).map((e) => e.action);
	expect(audit).toEqual(expect.arrayContaining(['survey_commented', 'survey_signed_off']));
});

test('an admin adds a partner organisation and a partner user who belongs to it', async ({
	page,
	browser,
	baseURL
}, testInfo) => {
	const tag = Math.random().toString(36).slice(2, 8);
	const group = `Young Voices ${tag}`;
	const admin = createUser({ slug: SLUG, role: 'admin', tag: 'partners' });
	await signInAs(page, admin);
	await page.goto('/app/partners');
	await page.getByLabel('Organisation').fill(group);
	await page.getByLabel('Kind').selectOption('youth_group');
	await page.getByRole('button', { name: 'Add partner' }).click();
	await expect(page.getByRole('status')).toHaveText(`${group} added.`);
	await page.getByLabel('Organisation').fill(group.toUpperCase());
	await page.getByLabel('Kind').selectOption('youth_group');
	await page.getByRole('button', { name: 'Add partner' }).click();
	await expect(page.getByRole('alert')).toContainText(
		`There is already a partner called “${group}”`
	);

	const email = `partner-${tag}@e2e.example`;
	await page.goto('/app/users');
	await page.getByLabel('Email address').fill(email);
	await page.getByLabel('Full name').fill('Young Voices member');
	await page.getByRole('radio', { name: /^Partner/ }).check();
	await page.getByRole('button', { name: 'Add user' }).click();
	await expect(page.getByRole('alert')).toContainText(
		'Choose the partner organisation they belong to'
	);
	await page.getByLabel('Partner organisation (partners only)').selectOption({ label: group });
	await page.getByRole('button', { name: 'Add user' }).click();
	const password = (await page.locator('.secret').first().textContent())!.trim();
	expect(
		query<{ role: string; partner: string }>(
			`select u.role, p.name as partner from users u join partners p on p.id = u.partner_id where u.email = ?`,
			email
		)
	).toEqual([{ role: 'partner', partner: group }]);

	const context = await browser.newContext({
		baseURL,
		extraHTTPHeaders: clientHeaders(`${clientName(testInfo)}:member`)
	});
	const member = await context.newPage();
	await signInAs(member, { email, password });
	await expect(
		member
			.getByRole('navigation', { name: 'Workspace' })
			.getByRole('link', { name: 'Questionnaires to sign off' })
	).toBeVisible();
	await context.close();
});
