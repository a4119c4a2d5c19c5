/**
 * Staff see publications, not a live feed: a viewer who reloads every page and file while a
 * family answers learns nothing until a publication is made (SECURITY.md, "Watching figures
 * move"). Worcestershire's open young-person questionnaire is answered by this test alone.
 */
import { openSurveyId, query } from './support/demo';
import { answerAllPages, freshContext } from './support/respond';
import { createUser, expect, signInAs, test } from './support/staff';

const SLUG = 'worcestershire';

function latestPublication(surveyId: string): string | undefined {
	return query<{ id: string }>(
		'select id from publications where survey_id = ? order by sequence desc limit 1',
		surveyId
	)[0]?.id;
}

function pending(surveyId: string): number {
	return query<{ n: number }>(
		'select count(*) as n from pending_responses where survey_id = ?',
		surveyId
	)[0]!.n;
}

test('a viewer reloading every page and file while a family answers learns nothing', async ({
	page,
	browser
}, testInfo) => {
	const surveyId = openSurveyId(SLUG, 'young_person');
	const finding = query<{ id: string }>(
		`select distinct qf.finding_id as id from question_findings qf
		 join questions q on q.id = qf.question_id where q.survey_id = ? limit 1`,
		surveyId
	)[0]!.id;
	// Room for this test's answers (one per project) without making a crowd to release.
	expect(pending(surveyId)).toBeLessThan(8);
	const publication = latestPublication(surveyId);

	const viewer = createUser({ slug: SLUG, role: 'viewer', tag: 'reloads' });
	await signInAs(page, viewer);
	const watched = [
		'/app',
		`/app/insights/surveys/${surveyId}`,
		`/app/insights/surveys/${surveyId}/__data.json`,
		`/app/findings/${finding}`,
		`/app/findings/${finding}/__data.json`,
		'/app/surveys',
		'/app/exports/results.csv',
		'/app/exports/findings.csv',
		'/app/exports/rates.csv',
		'/app/exports/comments.csv'
	];
	const look = async () => {
		const seen: Record<string, string> = {};
		for (const path of watched) {
			const response = await page.request.get(path);
			expect(response.status(), path).toBe(200);
			seen[path] = await response.text();
		}
		return seen;
	};
	const before = await look();

	// A young person answers and sends, in a browser of their own.
	const family = await freshContext(browser, testInfo);
	const answering = await family.newPage();
	await answering.goto(`/s/${surveyId}`);
	await answering.getByRole('button', { name: 'Start now' }).click();
	await answerAllPages(answering, 'Nobody should see this arrive');
	await answering.getByRole('button', { name: 'Send my answers' }).click();
	await expect(
		answering.getByRole('heading', { name: 'Your answers have been sent' })
	).toBeVisible();
	await family.close();
	expect(pending(surveyId)).toBeGreaterThan(0);

	// Every page and file is exactly what it was: no count, share, rate or date has moved.
	expect(latestPublication(surveyId)).toBe(publication);
	expect(await look()).toEqual(before);
	await expect(page.goto(`/app/insights/surveys/${surveyId}`)).resolves.toBeTruthy();
	await expect(page.locator('[data-published]')).toContainText(/Figures as of|None published/);
});
