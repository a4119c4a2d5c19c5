/**
 * The evidence pack: every area of weakness with its figures, chart table and comments, and the
 * method notes; accessible; printed, it loses the workspace's header and navigation and puts each
 * finding on a new A4 page.
 */
import { query } from './support/demo';
import { createUser, expect, expectAccessible, signInAs, test } from './support/staff';

const SLUG = 'essex';

function weaknesses(inspectionId?: string) {
	return query<{ code: string; title: string; inspection_id: string }>(
		`select f.code, f.title, f.inspection_id from findings f
		 join local_areas a on a.id = f.local_area_id
		 join inspections i on i.id = f.inspection_id
		 where a.slug = ? and f.kind != 'strength' and f.archived = 0 and i.archived = 0
		 ${inspectionId ? 'and f.inspection_id = ?' : ''}
		 order by i.position, f.position`,
		SLUG,
		...(inspectionId ? [inspectionId] : [])
	);
}

test('the evidence pack shows every area of weakness and passes axe', async ({ page }) => {
	test.slow(); // many pages in one test: three times the usual time limit
	const inspector = createUser({
		slug: SLUG,
		role: 'inspector',
		expires: '2999-12-31',
		tag: 'pack'
	});
	await signInAs(page, inspector);
	await page.goto('/app/evidence');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('what families told us');

	const expected = weaknesses();
	expect(expected.length).toBeGreaterThan(0);
	const sections = page.locator('.pack-finding');
	let total = 0;
	await expect(sections).toHaveCount(expected.length);
	for (const [i, finding] of expected.entries()) {
		const section = sections.nth(i);
		await expect(section.getByRole('heading', { level: 2 })).toContainText(finding.code);
		await expect(section.getByRole('heading', { level: 2 })).toContainText(finding.title);
		// Lived experience and co-production, each with its chart's table and the verdicts (or a
		// plain word that no question speaks to it yet).
		const dimensions = section.getByRole('heading', {
			level: 3,
			name: /^(Lived experience|Co-production)$/
		});
		const charted = await dimensions.count();
		if (charted === 0) {
			await expect(
				section.getByText('No lived-experience or co-production question')
			).toBeVisible();
		}
		await expect(section.getByRole('table', { name: /: change from the wave before/ })).toHaveCount(
			charted
		);
		await expect(section.locator('figure table')).toHaveCount(charted);
		total += charted;
		await expect(
			section.getByRole('heading', { level: 3, name: 'What families said' })
		).toBeVisible();
		expect(await section.locator('.comment-body').count()).toBeLessThanOrEqual(5);
	}
	expect(total).toBeGreaterThan(0);
	await expect(
		page.getByRole('heading', { level: 2, name: 'How these figures were made' })
	).toBeVisible();
	await expect(page.getByRole('list', { name: /response rates/ })).toBeVisible();
	await expectAccessible(page);

	// Printed: no workspace header or navigation, one finding per page.
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('navigation', { name: 'Workspace' })).toBeHidden();
	await expect(page.locator('.staff-header')).toBeHidden();
	await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
	const breaks = await sections.evaluateAll((nodes) =>
		nodes.map((n) => getComputedStyle(n).breakBefore)
	);
	expect(breaks.every((b) => b === 'page')).toBe(true);
	const pdf = await page.pdf({ format: 'A4', printBackground: true });
	const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
	// A cover, a page or more per finding, and the method notes.
	expect(pages.length).toBeGreaterThanOrEqual(expected.length + 2);
});

test('a pack per inspection holds that inspection’s areas of weakness', async ({ page }) => {
	const viewer = createUser({ slug: SLUG, role: 'viewer', tag: 'pack' });
	await signInAs(page, viewer);
	const inspection = weaknesses()[0]!.inspection_id;
	await page.goto(`/app/evidence/${inspection}`);
	await expect(page.locator('.pack-finding')).toHaveCount(weaknesses(inspection).length);
	await expect(page.getByRole('link', { name: 'Whole local area' })).toBeVisible();
	const missing = await page.request.get('/app/evidence/not-an-inspection', { maxRedirects: 0 });
	expect(missing.status()).toBe(404);
});
