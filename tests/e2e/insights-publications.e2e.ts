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
	test.slow(); // every page and file read twice, and a family's whole questionnaire between
	const surveyId = openSurveyId(SLUG, 'young_person');
	const { title, wave } = query<{ title: string; wave: string }>(
		'select s.title, w.name as wave from surveys s join waves w on w.id = s.wave_id where s.id = ?',
		surveyId
	)[0]!;
	const questions = query<{ id: string }>(
		'select id from questions where survey_id = ? order by position',
		surveyId
	).map((q) => q.id);
	// Room for this test's answers (one per project) without making a crowd to release.
	expect(pending(surveyId)).toBeLessThan(8);
	const publication = latestPublication(surveyId);

	const viewer = createUser({ slug: SLUG, role: 'viewer', tag: 'reloads' });
	await signInAs(page, viewer);
	// Other tests change other questionnaires of the area as this one runs, so the pages are
	// this questionnaire's own and the area's files are read for its rows only.
	const pages = [
		`/app/insights/surveys/${surveyId}`,
		`/app/insights/surveys/${surveyId}/__data.json`,
		...questions.flatMap((id) => [
			`/app/insights/questions/${id}`,
			`/app/insights/questions/${id}/__data.json`
		])
	];
	const files = ['/app/exports/results.csv', '/app/exports/rates.csv', '/app/exports/comments.csv'];
	const look = async () => {
		const seen: Record<string, string> = {};
		for (const path of [...pages, ...files]) {
			const response = await page.request.get(path);
			expect(response.status(), path).toBe(200);
			const text = await response.text();
			seen[path] = files.includes(path)
				? text
						.split('\r\n')
						.filter((line) => line.includes(title) && line.includes(wave))
						.join('\n')
				: text;
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
