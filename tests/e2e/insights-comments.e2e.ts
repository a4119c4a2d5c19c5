/**
 * Reviewing free text: an officer sees likely personal details first, redacts them (the original
 * is gone), tags the comment with a theme linked to a finding and marks it reviewed; a viewer
 * then reads it by theme and on the finding's page, and never sees comments not yet reviewed.
 * Worcestershire's open wave: no other test reviews its comments.
 */
import { clientHeaders } from './support/clients';
import { query } from './support/demo';
import { createUser, expect, expectAccessible, signInAs, test } from './support/staff';

const SLUG = 'worcestershire';

/** Words the demo's comments give away (see src/lib/server/demo/themes.ts). */
const PERSONAL = ['Jack', 'Amy', 'amy.parent@example.com', '07700 900123', 'PR1 2HE'];

/**
 * A new comment of the open wave with personal details, one per project so the two runs do not
 * meet. Open-wave comments are never reviewed by the seed, so the ones reviewed here are shown.
 */
function flaggedComment(project: string) {
	const rows = query<{ id: string; body: string }>(
		`select c.id, c.body from comments c join surveys s on s.id = c.survey_id
		 join waves w on w.id = s.wave_id join local_areas a on a.id = s.local_area_id
		 where a.slug = ? and w.position = 2 and c.status = 'new' and c.redacted = 0
		   and (${PERSONAL.map(() => 'c.body like ?').join(' or ')})
		 order by c.id`,
		SLUG,
		...PERSONAL.map((word) => `%${word}%`)
	);
	const row = rows[project === 'phone' ? 0 : 1];
	if (!row) throw new Error('No flagged demo comment left');
	return row;
}

function finding(code: string) {
	return query<{ id: string; title: string }>(
		`select f.id, f.title from findings f join local_areas a on a.id = f.local_area_id
		 where a.slug = ? and f.code = ? order by f.created_at limit 1`,
		SLUG,
		code
	)[0]!;
}

test('an officer redacts, tags and reviews; a viewer then reads it by theme and finding', async ({
	page,
	browser
}, testInfo) => {
	test.slow(); // an officer's whole review and a viewer's reading in one test
	const comment = flaggedComment(testInfo.project.name);
	const target = finding('W7');
	const theme = `E2E heard ${testInfo.project.name} ${Date.now()}`;
	await signInAs(page, createUser({ slug: SLUG, role: 'officer', tag: 'comments' }));

	// The queue puts comments that may hold personal details first.
	await page.goto('/app/comments');
	await expect(page.locator('.comment-list > li').first()).toContainText(
		'May hold personal details'
	);
	await expectAccessible(page);

	// A theme linked to a finding.
	await page.goto('/app/comments/themes');
	await page.getByLabel('Name').fill(theme);
	await page
		.getByRole('checkbox', { name: new RegExp(`^W7 ${target.title.slice(0, 20)}`) })
		.check();
	await page.getByRole('button', { name: 'Add theme' }).click();
	await expect(page.getByRole('status')).toContainText(`Theme “${theme}” added`);
	await expectAccessible(page);
	const themeId = query<{ id: string }>('select id from comment_themes where name = ?', theme)[0]!
		.id;
	await page.goto(`/app/comments/themes/${themeId}`);
	await expect(page.getByRole('checkbox', { name: /^W7 / })).toBeChecked();
	await expectAccessible(page);

	// Redact the flagged details: each is offered, already ticked.
	await page.goto(`/app/comments/${comment.id}`);
	const flagged = PERSONAL.filter((word) => comment.body.includes(word));
	await expect(page.locator('blockquote mark').first()).toBeVisible();
	await expectAccessible(page);
	for (const word of flagged.filter((w) => w !== 'Amy')) {
		await expect(page.getByRole('checkbox', { name: new RegExp(`“${word}”`) })).toBeChecked();
	}
	await page.getByRole('button', { name: 'Redact' }).click();
	await expect(page.getByRole('status')).toContainText('Redacted');
	await expect(page.locator('blockquote')).toContainText('[redacted]');
	const stored = query<{ body: string; redacted: number }>(
		'select body, redacted from comments where id = ?',
		comment.id
	)[0]!;
	for (const word of flagged) expect(stored.body).not.toContain(word);
	expect(stored.redacted).toBe(1);

	// Words that are not there change nothing and say why.
	await page.getByLabel('Other words to redact').fill('Zebedee');
	await page.getByRole('button', { name: 'Redact' }).click();
	await expect(page.getByRole('alert')).toContainText('“Zebedee” is not in the comment');
	await expectAccessible(page);

	await page.getByLabel(theme).check();
	await page.getByRole('button', { name: 'Save themes' }).click();
	await expect(page.getByRole('status')).toContainText('Themes saved');
	await page.getByRole('button', { name: 'Mark as reviewed' }).click();
	await expect(page.getByRole('status')).toContainText('Marked as reviewed');

	// A viewer reads it by theme and on the finding's page; comments not reviewed stay hidden.
	const viewerContext = await browser.newContext();
	const viewer = await viewerContext.newPage();
	await viewer.setExtraHTTPHeaders(clientHeaders(`${testInfo.testId}:viewer`));
	await signInAs(viewer, createUser({ slug: SLUG, role: 'viewer', tag: 'comments-viewer' }));
	await viewer.goto(`/app/comments?theme=${themeId}`);
	await expect(viewer.locator('.comment-list')).toContainText(stored.body);
	await expectAccessible(viewer);
	await viewer.goto(`/app/insights/findings/${target.id}`);
	await expect(viewer.locator('section[aria-labelledby="comments-heading"]')).toContainText(
		stored.body
	);
	const unreviewed = query<{ id: string }>(
		`select c.id from comments c join surveys s on s.id = c.survey_id
		 join local_areas a on a.id = s.local_area_id where a.slug = ? and c.status = 'new' limit 1`,
		SLUG
	)[0]!;
	expect((await viewer.goto(`/app/comments/${unreviewed.id}`))?.status()).toBe(404);
	await viewerContext.close();
});

test('a viewer sees no review tools and cannot post to them', async ({ page }) => {
	await signInAs(page, createUser({ slug: SLUG, role: 'viewer', tag: 'comments-readonly' }));
	const reviewed = query<{ id: string }>(
		`select c.id from comments c join surveys s on s.id = c.survey_id
		 join local_areas a on a.id = s.local_area_id
		 where a.slug = ? and c.status = 'reviewed' order by c.id limit 1`,
		SLUG
	)[0]!;
	await page.goto(`/app/comments/${reviewed.id}`);
	await expect(page.getByRole('button', { name: 'Redact' })).toHaveCount(0);
	const response = await page.request.post(`/app/comments/${reviewed.id}?/review`, {
		form: {},
		headers: { origin: new URL(page.url()).origin }
	});
	expect(response.status()).toBe(403);
	await page.goto('/app/comments');
	await expect(page.getByLabel('Show')).toHaveCount(0);
	await expectAccessible(page);
});
