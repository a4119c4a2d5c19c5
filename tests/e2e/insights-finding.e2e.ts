/**
 * A finding's page and a question's page on the demo data: the trend tables show what the
 * unit-tested functions give for the closed waves, a breakdown group with fewer than 10 answers
 * shows [c] with no percentage and no bar, the pages work without JavaScript, and axe passes.
 */
import type { Locator, Page } from '@playwright/test';
import { query } from './support/demo';
import {
	areaOf,
	closedWaves,
	expectedTrend,
	publishedQuestions,
	seededFinding,
	shareTexts
} from './support/insights';
import { createUser, expect, expectAccessible, signInAs, test } from './support/staff';

const SLUG = 'lancashire';
const CODE = 'L9';

async function column(table: Locator, header: string): Promise<number> {
	const headers = (await table.locator('thead th').allTextContents()).map((h) => h.trim());
	const index = headers.indexOf(header);
	expect(index, `column ${header} in ${headers.join(' | ')}`).toBeGreaterThan(0);
	return index - 1;
}

function escape(text: string): string {
	return text.replace(/[[\]()]/g, '\\$&');
}

function row(table: Locator, heading: string): Locator {
	return table.locator('tbody tr').filter({
		has: table.page().locator('th', { hasText: new RegExp(`^${escape(heading)}`) })
	});
}

async function checkTrends(page: Page, findingId: string) {
	for (const [label, dimension] of [
		['Lived experience', 'lived_experience'],
		['Co-production', 'co_production']
	] as const) {
		const section = page.locator(`section[aria-labelledby="dimension-${dimension}"]`);
		await expect(section.getByRole('heading', { level: 2 })).toHaveText(label);
		const table = section.locator('table');
		for (const [header, audience] of [
			['Everyone', undefined],
			['Parent carers', 'parent_carer'],
			['Young people', 'young_person']
		] as const) {
			const c = await column(table, header);
			for (const { wave, share } of expectedTrend(SLUG, findingId, dimension, audience)) {
				const target = row(table, wave.name).locator('td').nth(c);
				for (const text of shareTexts(share)) await expect(target).toContainText(text);
			}
		}
	}
}

/** One closed-wave question's counts, as the question tables on the finding page show them. */
async function checkQuestionTable(page: Page, findingId: string) {
	const linked = new Set(
		query<{ question_id: string }>(
			'select question_id from question_findings where finding_id = ?',
			findingId
		).map((r) => r.question_id)
	);
	const questions = publishedQuestions(SLUG).filter(
		(q) => linked.has(q.id) && q.audience === 'parent_carer'
	);
	const first = questions[0]!;
	const prompt = query<{ prompt: string }>(
		'select prompt from questions where id = ?',
		first.id
	)[0]!.prompt;
	const heading = page.getByRole('heading', { name: prompt, exact: true });
	await expect(heading).toBeVisible();
	const table = page
		.locator('h3.question-heading', { hasText: prompt })
		.locator('xpath=following-sibling::figure[1]')
		.locator('table');
	for (const wave of closedWaves(SLUG)) {
		const same = questions.find((q) => q.key === first.key && q.wave_id === wave.id)!;
		const c = await column(table, wave.name);
		for (const option of same.figures.options) {
			const cell = row(table, option.label).locator('td').nth(c);
			await expect(cell).toHaveText(new RegExp(`^\\s*${escape(String(option.count))}(\\s|\\(|$)`));
		}
	}
}

test('the finding page shows the figures the insight functions give', async ({ page }) => {
	const findingId = seededFinding(SLUG, CODE);
	await signInAs(page, createUser({ slug: SLUG, role: 'viewer', tag: 'insights-finding' }));
	await page.goto(`/app/insights/findings/${findingId}`);
	await checkTrends(page, findingId);
	await checkQuestionTable(page, findingId);
	await expect(page.getByRole('heading', { name: 'What families said' })).toBeVisible();
	await expectAccessible(page);
});

/** A closed-wave parent question with a "setting" group of 1 to 9 valid answers. */
function smallGroup() {
	const { id: areaId } = areaOf(SLUG);
	const wave = closedWaves(SLUG)[0]!;
	const rows = query<{ question: string; survey: string; value: string; label: string; n: number }>(
		`select a.question_id as question, s.id as survey, b.value, count(*) as n, '' as label
		 from answers a
		 join questions q on q.id = a.question_id
		 join surveys s on s.id = q.survey_id
		 join questions bq on bq.survey_id = s.id and bq.key = 'setting'
		 join answers b on b.response_id = a.response_id and b.question_id = bq.id
		 where s.local_area_id = ? and s.wave_id = ? and q.key = 'ehc-plan-needs-accurate'
		   and a.value not like 'does-not-apply%'
		 group by a.question_id, s.id, b.value
		 having count(*) between 1 and 9
		 order by n`,
		areaId,
		wave.id
	);
	const pick = rows[0]!;
	const options = JSON.parse(
		query<{ options: string }>(
			`select options from questions where survey_id = ? and key = 'setting'`,
			pick.survey
		)[0]!.options
	) as { value: string; label: string }[];
	return { ...pick, label: options.find((o) => o.value === pick.value)!.label };
}

test('a breakdown group with fewer than 10 answers shows [c], no percentage and no bar', async ({
	page
}) => {
	const group = smallGroup();
	await signInAs(page, createUser({ slug: SLUG, role: 'viewer', tag: 'insights-small' }));
	await page.goto(`/app/insights/questions/${group.question}`);
	await page.getByLabel('Break down by').selectOption('setting');
	await page.getByRole('button', { name: 'Show' }).click();
	await expect(page).toHaveURL(/by=setting/);

	const figure = page.locator('figure', { hasText: 'Answers by setting' });
	const table = figure.locator('table');
	const line = row(table, group.label);
	await expect(line).toContainText('[c]');
	expect(await line.textContent()).not.toMatch(/\d+%/);
	// The group's n is shown (or is itself [c]), never a share.
	const cells = await line.locator('td').allTextContents();
	expect(cells[0]!.trim()).toMatch(new RegExp(`^(${group.n}|\\[c\\])$`));

	// Nothing of that group is drawn.
	const labels = (await table.locator('tbody th').allTextContents()).map((t) => t.trim());
	const index = labels.indexOf(group.label);
	const points = JSON.parse(
		(await figure.locator('canvas').getAttribute('data-points')) ?? '[]'
	) as { data: (number | null)[] }[];
	expect(points.length).toBeGreaterThan(0);
	for (const dataset of points) expect(dataset.data[index]).toBeNull();
	await expectAccessible(page);

	await page.goto(`/app/insights/surveys/${group.survey}`);
	await expect(page.getByRole('heading', { name: 'Response rates' })).toBeVisible();
	await expectAccessible(page);
});

test('the finding page breakdown hides small groups from the chart too', async ({ page }) => {
	const findingId = seededFinding(SLUG, CODE);
	const wave = closedWaves(SLUG)[0]!;
	await signInAs(page, createUser({ slug: SLUG, role: 'viewer', tag: 'insights-breakdown' }));
	await page.goto(`/app/insights/findings/${findingId}?by=setting&wave=${wave.id}`);
	const figure = page.locator('figure', { hasText: 'Share of positive answers by setting' });
	const table = figure.locator('table');
	const rows = table.locator('tbody tr');
	const points = JSON.parse(
		(await figure.locator('canvas').getAttribute('data-points')) ?? '[]'
	) as { data: (number | null)[] }[];
	let suppressed = 0;
	for (let i = 0; i < (await rows.count()); i++) {
		const cells = await rows.nth(i).locator('td').allTextContents();
		cells.forEach((text, d) => {
			if (text.includes('[c]')) {
				suppressed++;
				expect(points[d]!.data[i]).toBeNull();
			} else {
				expect(points[d]!.data[i]).not.toBeNull();
			}
		});
	}
	expect(suppressed).toBeGreaterThan(0);
	await expectAccessible(page);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('finding, question and questionnaire pages are complete as tables', async ({ page }) => {
		const findingId = seededFinding(SLUG, CODE);
		await signInAs(page, createUser({ slug: SLUG, role: 'viewer', tag: 'insights-nojs' }));
		await page.goto(`/app/insights/findings/${findingId}`);
		await expect(page.locator('canvas')).toHaveCount(0);
		await checkTrends(page, findingId);
		// The breakdown form is a plain GET form.
		await page.getByLabel('Break down by').selectOption('audience');
		await page.getByRole('button', { name: 'Show' }).click();
		await expect(
			page.locator('figure', { hasText: 'by parent carers or young people' })
		).toBeVisible();

		const group = smallGroup();
		await page.goto(`/app/insights/questions/${group.question}?by=setting`);
		await expect(
			row(page.locator('figure', { hasText: 'Answers by setting' }).locator('table'), group.label)
		).toContainText('[c]');
		await page.goto(`/app/insights/surveys/${group.survey}`);
		await expect(page.getByRole('heading', { name: 'Response rates' })).toBeVisible();
	});
});

test('another area’s finding, question and questionnaire are not found', async ({ page }) => {
	await signInAs(page, createUser({ slug: 'essex', role: 'viewer', tag: 'insights-other' }));
	const group = smallGroup();
	for (const path of [
		`/app/insights/findings/${seededFinding(SLUG, CODE)}`,
		`/app/insights/questions/${group.question}`,
		`/app/insights/surveys/${group.survey}`
	]) {
		const response = await page.goto(path);
		expect(response?.status(), path).toBe(404);
	}
});
