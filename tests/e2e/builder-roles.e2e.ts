import { openSurveyId, query, surveyQuestions } from './support/demo';
import { BUILDER_SLUG, batchesOf, surveyRow } from './support/builder';
import { createUser, expect, signInAs, test } from './support/staff';

/** What a builder request could change about one survey. */
function state(surveyId: string): string {
	return JSON.stringify([
		surveyRow(surveyId),
		surveyQuestions(surveyId),
		batchesOf(surveyId),
		query('select count(*) as n from responses where survey_id = ?', surveyId),
		query("select count(*) as n from waves where name like 'Viewer%'")
	]);
}

test('a viewer sees questionnaires but cannot reach the builder, codes or paper entry', async ({
	page,
	baseURL
}) => {
	const viewer = createUser({ slug: BUILDER_SLUG, role: 'viewer', tag: 'builder' });
	const surveyId = openSurveyId(BUILDER_SLUG, 'parent_carer');
	const questionId = surveyQuestions(surveyId)[0]!.id;
	const batchId = batchesOf(surveyId)[0]!.id;
	await signInAs(page, viewer);

	await page.goto('/app/surveys');
	await expect(page.getByRole('heading', { name: 'Questionnaires' })).toBeVisible();
	await expect(page.locator(`tr[data-survey="${surveyId}"]`)).toBeVisible();
	await expect(page.getByRole('link', { name: 'Create a questionnaire' })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Add wave' })).toHaveCount(0);

	const base = `/app/surveys/${surveyId}`;
	for (const path of [
		'/app/surveys/new',
		base,
		`${base}/questions/${questionId}`,
		`${base}/preview`,
		`${base}/codes`,
		`${base}/codes/${batchId}/letters`,
		`${base}/codes/${batchId}/codes.csv`,
		`${base}/paper`
	]) {
		const response = await page.request.get(path);
		expect(response.status(), path).toBe(403);
	}

	const before = state(surveyId);
	const posts: [string, Record<string, string>][] = [
		['/app/surveys?/addWave', { name: 'Viewer wave', startsOn: '2030-01-01' }],
		[
			'/app/surveys/new',
			{
				audience: 'parent_carer',
				waveId: 'new',
				newWaveName: 'V',
				newWaveStartsOn: '2030-01-01',
				title: 'T',
				intro: 'I',
				opensOn: '2030-01-01',
				closesOn: '2030-02-01',
				accessMode: 'code'
			}
		],
		[`${base}?/close`, {}],
		[`${base}?/details`, { title: 'Changed' }],
		[`${base}?/addBank`, { item: 'Q01' }],
		[`${base}?/addQuestion`, { kind: 'text', prompt: 'Changed?' }],
		[`${base}?/move`, { questionId, direction: 'down' }],
		[`${base}?/copy`, { waveId: 'new', newWaveName: 'Viewer copy', newWaveStartsOn: '2030-01-01' }],
		[`${base}/questions/${questionId}?/save`, { key: 'x', prompt: 'Changed' }],
		[`${base}/questions/${questionId}?/delete`, {}],
		[`${base}/codes?/create`, { label: 'Viewer batch', size: '5' }],
		[`${base}/codes/${batchId}/codes.csv`, { codes: 'ABCDE-FGHJK' }],
		[`${base}/codes/${batchId}/letters`, { codes: 'ABCDE-FGHJK' }],
		[`${base}/paper?/enter`, {}],
		[`${base}/paper?/approve`, { entry: 'x' }],
		[`${base}/paper?/withdraw`, { entry: 'x' }]
	];
	for (const [path, form] of posts) {
		const response = await page.request.post(path, { form, headers: { origin: baseURL! } });
		expect(response.status(), path).toBe(403);
	}
	expect(state(surveyId)).toBe(before);
});

test('an officer of another area gets 404 from every builder page and action, and changes nothing', async ({
	page,
	baseURL
}) => {
	const officer = createUser({ slug: 'lancashire', role: 'officer', tag: 'builder' });
	const surveyId = openSurveyId(BUILDER_SLUG, 'parent_carer');
	const questionId = surveyQuestions(surveyId)[0]!.id;
	const batchId = batchesOf(surveyId)[0]!.id;
	const before = state(surveyId);
	await signInAs(page, officer);

	const base = `/app/surveys/${surveyId}`;
	for (const path of [
		base,
		`${base}/questions/${questionId}`,
		`${base}/preview`,
		`${base}/codes`,
		`${base}/codes/${batchId}/letters`,
		`${base}/codes/${batchId}/codes.csv`,
		`${base}/paper`
	]) {
		expect((await page.request.get(path)).status(), path).toBe(404);
	}
	for (const path of [
		`${base}?/open`,
		`${base}?/close`,
		`${base}?/details`,
		`${base}?/move`,
		`${base}/questions/${questionId}?/links`,
		`${base}/codes?/create`,
		`${base}/codes/${batchId}/codes.csv`,
		`${base}/paper?/enter`,
		`${base}/paper?/approve`,
		`${base}/paper?/withdraw`
	]) {
		const response = await page.request.post(path, {
			form: { label: 'x', size: '1', entry: 'x' },
			headers: { origin: baseURL! }
		});
		expect(response.status(), path).toBe(404);
	}
	expect(state(surveyId)).toBe(before);
});

test('a partner may read a questionnaire as families will, and nothing else of the builder', async ({
	page,
	baseURL
}) => {
	const partner = createUser({
		slug: BUILDER_SLUG,
		role: 'partner',
		partner: 'Families in Partnership',
		tag: 'builder'
	});
	const surveyId = openSurveyId(BUILDER_SLUG, 'parent_carer');
	const questionId = surveyQuestions(surveyId)[0]!.id;
	const batchId = batchesOf(surveyId)[0]!.id;
	await signInAs(page, partner);

	const base = `/app/surveys/${surveyId}`;
	expect((await page.request.get(`${base}/preview`)).status()).toBe(200);
	for (const path of [
		'/app/surveys',
		'/app/surveys/new',
		base,
		`${base}/questions/${questionId}`,
		`${base}/codes`,
		`${base}/codes/${batchId}/letters`,
		`${base}/codes/${batchId}/codes.csv`,
		`${base}/paper`,
		`/app/exports/surveys/${surveyId}/responses.csv`
	]) {
		expect((await page.request.get(path)).status(), path).toBe(403);
	}
	const before = state(surveyId);
	for (const path of [
		`${base}?/open`,
		`${base}?/close`,
		`${base}?/details`,
		`${base}?/copy`,
		`${base}/questions/${questionId}?/save`,
		`${base}/codes?/create`,
		`${base}/codes/${batchId}/letters`,
		`${base}/paper?/enter`,
		`${base}/paper?/approve`
	]) {
		const response = await page.request.post(path, {
			form: { label: 'Partner batch', size: '5', title: 'Changed' },
			headers: { origin: baseURL! }
		});
		expect(response.status(), path).toBe(403);
	}
	expect(state(surveyId)).toBe(before);
});
