/**
 * Exports: an officer takes every file and the zip from the download page. Each CSV must open
 * cleanly in a spreadsheet (UTF-8 BOM, CRLF, header row) and carry the figures the database holds;
 * each download is audited. Closed waves never change, so their figures are checked exactly.
 */
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { readZip } from '../../src/lib/server/exports/read-zip';
import { closedSurveyId, query, responseCount } from './support/demo';
import { clientHeaders } from './support/clients';
import {
	clientName,
	createUser,
	demoAdmin,
	expect,
	expectAccessible,
	signInAs,
	test
} from './support/staff';

const SLUG = 'essex';
const BOM = '\uFEFF';

const AREA_FILES = [
	{
		title: 'Results',
		key: 'results',
		header: 'time_period,wave,la_name,survey,audience,question_key'
	},
	{ title: 'Findings summary', key: 'findings', header: 'time_period,wave,la_name,inspection' },
	{ title: 'Comments by theme and finding', key: 'comments', header: 'time_period,wave,la_name' },
	{
		title: 'Response rates',
		key: 'rates',
		header: 'time_period,wave,la_name,survey,audience,batch'
	},
	{
		title: 'Representativeness',
		key: 'representativeness',
		header: 'time_period,wave,la_name,survey'
	},
	{ title: 'Metadata', key: 'metadata', header: 'file,column,type,description' }
];

function rowsOf(text: string): Record<string, string>[] {
	expect(text.startsWith(BOM)).toBe(true);
	expect(text.endsWith('\r\n')).toBe(true);
	expect(text.replaceAll('\r\n', '').includes('\n')).toBe(false);
	return parse(text, { bom: true, columns: true }) as Record<string, string>[];
}

/** The files refused to a user, from the audit log. */
function refusals(userId: string): string[] {
	return query<{ detail: string }>(
		"select detail from audit_events where user_id = ? and action = 'export_refused'",
		userId
	).map((e) => (JSON.parse(e.detail) as { file: string }).file);
}

/** Valid answers (not "does not apply") to a question, counted straight from the answers. */
function validAnswers(questionId: string): number {
	const question = query<{ options: string }>(
		'select options from questions where id = ?',
		questionId
	)[0]!;
	const excluded = (JSON.parse(question.options) as { value: string; notApplicable?: boolean }[])
		.filter((o) => o.notApplicable)
		.map((o) => o.value);
	return query<{ value: string; n: number }>(
		'select value, count(*) as n from answers where question_id = ? group by value',
		questionId
	)
		.filter((c) => !excluded.includes(c.value))
		.reduce((total, c) => total + c.n, 0);
}

test('an officer downloads every file and the zip, each audited', async ({
	page,
	browser,
	baseURL
}, testInfo) => {
	test.slow(); // many pages in one test: three times the usual time limit
	const officer = createUser({ slug: SLUG, role: 'officer', tag: 'exports' });
	await signInAs(page, officer);
	await page.goto('/app/exports');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Exports');
	await expectAccessible(page);

	for (const file of AREA_FILES) {
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.locator('main').getByRole('link', { name: file.title, exact: true }).click()
		]);
		expect(download.suggestedFilename()).toMatch(
			new RegExp(`^heard_${SLUG}_${file.key}_all-waves_\\d{4}-\\d{2}-\\d{2}\\.csv$`)
		);
		const text = readFileSync((await download.path())!, 'utf8');
		expect(text.startsWith(`${BOM}${file.header}`)).toBe(true);
		expect(rowsOf(text).length, file.key).toBeGreaterThan(0);
	}

	const response = await page.request.get('/app/exports/results.csv');
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8');
	expect(response.headers()['content-disposition']).toMatch(
		/^attachment; filename="heard_essex_results_all-waves_\d{4}-\d{2}-\d{2}\.csv"$/
	);
	expect(response.headers()['cache-control']).toBe('no-store');
	const results = rowsOf(await response.text());
	// A closed wave's question: its valid answers are what the answers table holds.
	const survey = closedSurveyId(SLUG, 'parent_carer', 0);
	const question = query<{ id: string; key: string }>(
		"select id, key from questions where survey_id = ? and kind = 'scale' order by position limit 1",
		survey
	)[0]!;
	const rows = results.filter(
		(r) =>
			r.question_key === question.key &&
			r.audience === 'parent_carer' &&
			r.wave!.startsWith('Wave 1')
	);
	expect(rows.length).toBeGreaterThan(2);
	expect(rows.every((r) => r.n_valid === String(validAnswers(question.id)))).toBe(true);
	expect(rows.some((r) => /^\d+(\.\d)?$/.test(r.pct!))).toBe(true);

	// The row-level file is a permission of its own: refused, and the refusal audited, until an
	// admin grants it.
	const refused = await page.request.get(`/app/exports/surveys/${survey}/responses.csv`);
	expect(refused.status()).toBe(403);
	expect(refusals(officer.id)).toEqual(['responses']);
	const adminContext = await browser.newContext({
		baseURL,
		extraHTTPHeaders: clientHeaders(`${clientName(testInfo)}:admin`)
	});
	const admin = await adminContext.newPage();
	await signInAs(admin, demoAdmin(SLUG));
	await admin.goto(`/app/users/${officer.id}`);
	await admin.getByRole('button', { name: 'Allow row-level files' }).click();
	await expect(
		admin.getByRole('button', { name: 'Stop them taking row-level files' })
	).toBeVisible();
	await adminContext.close();

	// The responses file of a closed questionnaire: one row per response, no ids.
	const responses = await page.request.get(`/app/exports/surveys/${survey}/responses.csv`);
	expect(responses.status()).toBe(200);
	const answers = rowsOf(await responses.text());
	expect(answers).toHaveLength(responseCount(survey));
	expect(Object.keys(answers[0]!)).toEqual(
		expect.arrayContaining(['time_period', 'wave', question.key])
	);
	expect(Object.keys(answers[0]!).some((k) => /(^|_)id$/.test(k))).toBe(false);
	const metadata = rowsOf(
		await (await page.request.get(`/app/exports/surveys/${survey}/responses-metadata.csv`)).text()
	);
	expect(metadata.find((r) => r.column === question.key)).toBeDefined();

	const [zipped] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: /Download every file/ }).click()
	]);
	expect(zipped.suggestedFilename()).toMatch(
		/^heard_essex_all-files_all-waves_\d{4}-\d{2}-\d{2}\.zip$/
	);
	const entries = readZip(readFileSync((await zipped.path())!));
	const surveys = query<{ n: number }>(
		`select count(*) as n from surveys s join local_areas a on a.id = s.local_area_id
		 where a.slug = ? and s.status != 'draft'`,
		SLUG
	)[0]!.n;
	expect(entries.size).toBe(AREA_FILES.length + 2 * surveys);
	for (const [name, content] of entries) {
		expect(name).toMatch(/^heard_essex_[a-z0-9-]+_[a-z0-9_-]+\.csv$/);
		expect(rowsOf(content.toString('utf8')).length, name).toBeGreaterThan(0);
	}

	const events = query<{ detail: string; subject_type: string }>(
		"select detail, subject_type from audit_events where user_id = ? and action = 'export_downloaded'",
		officer.id
	);
	const files = events.map((e) => (JSON.parse(e.detail) as { file: string }).file);
	expect(files).toEqual(
		expect.arrayContaining([
			'results',
			'findings',
			'comments',
			'rates',
			'representativeness',
			'metadata',
			'responses',
			'zip'
		])
	);
	// Who, what and which file: never any of the data.
	expect(events.every((e) => !e.detail.includes(question.key))).toBe(true);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the download page chooses a wave with a plain form', async ({ page }) => {
		const viewer = createUser({ slug: SLUG, role: 'viewer', tag: 'exports-nojs' });
		await signInAs(page, viewer);
		await page.goto('/app/exports');
		const wave = query<{ id: string; name: string }>(
			`select w.id, w.name from waves w join local_areas a on a.id = w.local_area_id
			 where a.slug = ? order by w.position limit 1`,
			SLUG
		)[0]!;
		await page.getByLabel('Waves').selectOption(wave.id);
		await page.getByRole('button', { name: 'Show files' }).click();
		await expect(page).toHaveURL(new RegExp(`wave=${wave.id}`));
		await expect(page.getByRole('link', { name: 'Results', exact: true })).toHaveAttribute(
			'href',
			`/app/exports/results.csv?wave=${wave.id}`
		);
		// A viewer is told why there are no responses files, and given no link to one.
		await expect(page.getByText('Responses files are for officers and admins only')).toBeVisible();
		await expect(page.locator('a[href*="responses"]')).toHaveCount(0);
		const response = await page.request.get(`/app/exports/results.csv?wave=${wave.id}`);
		const rows = rowsOf(await response.text());
		expect(rows.every((r) => r.wave === wave.name)).toBe(true);
	});
});
