/**
 * How far the answers speak for the area: a viewer reads the representativeness page (with and
 * without JavaScript) and finds the population beside the respondents, the weighting method and
 * the weighted figures; an officer imports the DfE's population file, is refused a bad one with
 * its problems listed and nothing stored, then previews a good one and imports it.
 */
import { query } from './support/demo';
import { createUser, expect, expectAccessible, freshSlug, signInAs, test } from './support/staff';

const SLUG = 'lancashire';

for (const javaScriptEnabled of [true, false]) {
	test.describe(`with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });

		test('a viewer reads who answered, the weighting and the weighted figures', async ({
			page
		}) => {
			await signInAs(page, createUser({ slug: SLUG, role: 'viewer', tag: 'reach' }));
			await page
				.getByRole('navigation', { name: 'Workspace' })
				.getByRole('link', { name: 'Representativeness' })
				.click();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(
				'How far the answers speak for the area'
			);

			// The latest parent-carer questionnaire: population beside respondents, by need.
			const need = page.locator('table[data-margin="need"]');
			await expect(need.locator('caption')).toHaveText(
				'Main area of need: respondents and population'
			);
			const ci = need.getByRole('row', { name: /Communication and interaction/ });
			await expect(ci.getByRole('cell').first()).toHaveText(/^\d{1,3}(,\d{3})*$/);
			await expect(page.locator('table[data-margin="ehc-plan"]')).toContainText('No, SEN support');

			// The method, margins, weights' range and design effect are stated.
			const weighting = page.locator('dl.summary-list').first();
			await expect(weighting).toContainText('Main area of need, Age band, EHC plan or SEN support');
			await expect(weighting).toContainText(
				/From \d\.\d\d to \d\.\d\d \(kept between\s+0\.2 and 5; average 1\)/
			);
			await expect(weighting).toContainText('Design effect');
			await expect(weighting).toContainText('Effective sample size');
			await page.getByText('How the weighting works').click();
			await expect(page.getByText(/iterative proportional fitting/)).toBeVisible();

			// Weighted shares beside the unweighted ones, with intervals.
			const weighted = page.locator('td[data-cell="weighted"]');
			expect(await weighted.count()).toBeGreaterThan(3);
			await expect(weighted.filter({ hasText: /\d+%\s*\(\d+% to \d+%\)/ }).first()).toBeVisible();
			// axe runs in the page, so only with JavaScript on.
			if (javaScriptEnabled) await expectAccessible(page);

			// Another questionnaire, by a plain GET form: young people, weighted by age alone.
			const young = query<{ id: string }>(
				`select s.id from surveys s join local_areas a on a.id = s.local_area_id join waves w on w.id = s.wave_id
				 where a.slug = ? and s.audience = 'young_person' and s.status = 'closed' order by w.position desc limit 1`,
				SLUG
			)[0]!.id;
			await page.getByLabel('Questionnaire').selectOption(young);
			await page.getByRole('button', { name: 'Show' }).click();
			await expect(page).toHaveURL(new RegExp(`survey=${young}`));
			await expect(page.locator('table[data-margin="age-band"]')).toBeVisible();
			await expect(page.locator('table[data-margin="need"]')).toHaveCount(0);
			await expect(page.locator('dl.summary-list').first()).toContainText(
				'Not used: Main area of need'
			);

			// Someone else's questionnaire id finds nothing.
			const theirs = query<{ id: string }>(
				`select s.id from surveys s join local_areas a on a.id = s.local_area_id where a.slug = 'essex' limit 1`
			)[0]!.id;
			const response = await page.request.get(`/app/representativeness?survey=${theirs}`, {
				maxRedirects: 0
			});
			expect(response.status()).toBe(404);
		});
	});
}

const HEADER =
	'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown,ehc_plans,number_asd,number_slcn,number_semh,number_mld,number_pd,number_oth,asd_pc';
const line = (topic: string, breakdown: string, cells: string) =>
	`202425,Academic year,Local authority,E92000001,England,E12000002,North West,E10000017,888,Lancashire,${topic},${breakdown},${cells},31.5`;
const GOOD = [
	HEADER,
	'202425,Academic year,National,E92000001,England,,,,,,All EHC plans,All EHC plans,638745,201183,135835,132218,67861,24897,7512,31.5',
	line('All EHC plans', 'All EHC plans', '6450,2000,1380,1350,700,250,80'),
	line('Child or young persons age', 'age 4', '300,0,0,0,0,0,0'),
	line('Child or young persons age', 'age 9', '2500,0,0,0,0,0,0'),
	line('Child or young persons age', 'age 14', '2300,0,0,0,0,0,0'),
	line('Child or young persons age', 'age 17', '1100,0,0,0,0,0,0'),
	line('Child or young persons age', 'age 20 and over', '250,0,0,0,0,0,0')
].join('\r\n');

test.describe('importing the population', () => {
	test.use({ javaScriptEnabled: false });

	test('an officer is refused a bad file, then previews and imports a good one', async ({
		page
	}) => {
		const slug = freshSlug('population');
		await signInAs(
			page,
			createUser({ slug, role: 'officer', areaName: 'E2E population area', tag: 'reach' })
		);
		const areaId = query<{ id: string }>('select id from local_areas where slug = ?', slug)[0]!.id;
		await page.goto('/app/population');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Population of E2E population area'
		);

		// A bad file: the problem, its line, and nothing stored.
		const bad = GOOD.replace('6450,2000', '6450,two thousand');
		await page
			.getByLabel('The DfE file (CSV)')
			.setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
		await page.getByLabel('Local authority in the file').fill('Lancashire');
		await page.getByRole('button', { name: 'Check the file' }).click();
		await expect(page.getByRole('alert')).toContainText('The file cannot be imported');
		const problems = page.getByRole('region', { name: 'Problems in the file' });
		await expect(problems).toContainText(
			'Line 3: number_asd is “two thousand”, not a whole number.'
		);
		await expect(problems).toContainText('Nothing was imported.');
		expect(query('select * from population_counts where local_area_id = ?', areaId)).toEqual([]);

		// A file for another local authority's name: said so.
		await page
			.getByLabel('The DfE file (CSV)')
			.setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from(GOOD) });
		await page.getByLabel('Local authority in the file').fill('Lancs');
		await page.getByRole('button', { name: 'Check the file' }).click();
		await expect(page.getByRole('region', { name: 'Problems in the file' })).toContainText(
			'The file has no rows for “Lancs”'
		);

		// The good file: a preview first, still nothing stored.
		await page
			.getByLabel('The DfE file (CSV)')
			.setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from(GOOD) });
		await page.getByLabel('Local authority in the file').fill('E10000017');
		await page.getByRole('button', { name: 'Check the file' }).click();
		const preview = page.getByRole('region', { name: 'Check the figures before importing' });
		await expect(preview).toContainText(
			'Lancashire (E10000017), EHC plans as at January 2025 (2024/25): 6,450 plans.'
		);
		await expect(preview.getByRole('row', { name: /Communication and interaction/ })).toContainText(
			'3,380'
		);
		await expect(preview.getByRole('row', { name: /16 to 19/ })).toContainText('1,100');
		await expect(preview).toContainText(
			'Other difficulty or disability: 80 plans belong to no broad area of need'
		);
		expect(query('select * from population_counts where local_area_id = ?', areaId)).toEqual([]);

		await page.getByRole('button', { name: 'Import these figures' }).click();
		await expect(page.getByRole('status')).toContainText(
			'Imported: DfE, EHC plans by primary type of need: Lancashire (E10000017), January 2025'
		);
		const stored = query<{ margin: string; category: string; count: number; source: string }>(
			'select margin, category, count, source from population_counts where local_area_id = ? order by margin, category',
			areaId
		);
		expect(stored).toContainEqual({
			margin: 'need',
			category: 'communication-and-interaction',
			count: 3380,
			source: 'dfe'
		});
		expect(stored).toContainEqual({
			margin: 'ehc-plan',
			category: 'yes',
			count: 6450,
			source: 'dfe'
		});
		expect(stored).toHaveLength(4 + 5 + 1);
		await expect(page.getByLabel('Communication and interaction')).toHaveValue('3380');

		// SEN support is typed in; a bad number first changes nothing.
		await page.getByLabel('No, SEN support').fill('lots');
		await page.getByRole('button', { name: 'Save figures' }).click();
		await expect(page.getByRole('alert')).toContainText(
			'EHC plan or SEN support, No, SEN support: enter a whole number'
		);
		await page.getByLabel('No, SEN support').fill('16500');
		await page.getByRole('button', { name: 'Save figures' }).click();
		await expect(page.getByRole('status')).toContainText('Saved 1 figure.');
		const actions = query<{ action: string }>(
			"select action from audit_events where local_area_id = ? and action like 'population_%' order by created_at",
			areaId
		).map((e) => e.action);
		expect(actions).toEqual(['population_imported', 'population_saved']);
	});
});

test('the population page, with a refused file, passes axe', async ({ page }) => {
	await signInAs(
		page,
		createUser({
			slug: freshSlug('population-axe'),
			role: 'officer',
			areaName: 'E2E axe area',
			tag: 'reach'
		})
	);
	await page.goto('/app/population');
	await page.getByLabel('The DfE file (CSV)').setInputFiles({
		name: 'bad.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from('not,a,dfe,file\n1,2,3,4\n')
	});
	await page.getByRole('button', { name: 'Check the file' }).click();
	await expect(page.getByRole('region', { name: 'Problems in the file' })).toContainText(
		'not the DfE file of EHC plans by primary type of need'
	);
	await expectAccessible(page);
});
