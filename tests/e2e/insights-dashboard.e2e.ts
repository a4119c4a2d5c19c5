/**
 * The dashboard on the demo data: each area of weakness shows the figures that the unit-tested
 * functions give for the same answers (closed waves, which no other test changes), strengths
 * follow greyed, the summary agrees with the cards, and it all works without JavaScript.
 */
import type { Locator, Page } from '@playwright/test';
import { closedWaves, expectedTrend, seededFinding, shareTexts } from './support/insights';
import { createUser, expect, expectAccessible, signInAs, test } from './support/staff';

const SLUG = 'lancashire';

/** The cell of a card's "Figures by wave" table for a wave and a dimension. */
async function cell(card: Locator, waveName: string, dimension: string): Promise<Locator> {
	const headers = await card.locator('thead th').allTextContents();
	const column = headers.findIndex((h) => h.trim() === dimension);
	expect(column, `column ${dimension}`).toBeGreaterThan(0);
	const row = card
		.locator('tbody tr')
		.filter({ has: card.page().locator('th', { hasText: waveName }) });
	return row.locator('td').nth(column - 1);
}

async function checkCards(page: Page) {
	for (const code of ['L1', 'L9', 'L6']) {
		const id = seededFinding(SLUG, code);
		const card = page.locator(`article[aria-labelledby="card-${id}"]`);
		await expect(card).toBeVisible();
		for (const [label, dimension] of [
			['Lived experience', 'lived_experience'],
			['Co-production', 'co_production']
		] as const) {
			for (const { wave, share } of expectedTrend(SLUG, id, dimension)) {
				const target = await cell(card, wave.name, label);
				for (const text of shareTexts(share)) await expect(target).toContainText(text);
			}
		}
	}
}

test('each area of weakness shows the figures the insight functions give', async ({ page }) => {
	await signInAs(page, createUser({ slug: SLUG, role: 'viewer', tag: 'insights' }));
	await page.goto('/app');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('What changed for families');
	expect(closedWaves(SLUG)).toHaveLength(2);
	await checkCards(page);

	// Strengths come after the areas of weakness, greyed.
	const strength = page.locator('article.finding-card.strength').first();
	await expect(strength).toBeVisible();
	await expect(strength).toContainText('Strength');
	const headings = await page.getByRole('heading', { level: 2 }).allTextContents();
	expect(headings.indexOf('Strengths')).toBeGreaterThan(
		headings.findIndex((h) => h.startsWith('Areas of weakness'))
	);

	// The summary counts the same cards the page shows.
	const improved = await page
		.locator('article.finding-card:not(.strength) .tag.direction-improved')
		.count();
	const worsened = await page
		.locator('article.finding-card:not(.strength) .tag.direction-worsened')
		.count();
	await expect(page.locator('.summary-counts .improved strong')).toHaveText(String(improved));
	await expect(page.locator('.summary-counts .worsened strong')).toHaveText(String(worsened));
	expect(improved).toBeGreaterThan(0);

	// A card's trend is drawn from the same figures: suppressed or missing points are gaps.
	const l1 = page.locator(`article[aria-labelledby="card-${seededFinding(SLUG, 'L1')}"]`);
	const points = JSON.parse((await l1.locator('canvas').getAttribute('data-points')) ?? '[]') as {
		label: string;
		data: (number | null)[];
	}[];
	const lived = expectedTrend(SLUG, seededFinding(SLUG, 'L1'), 'lived_experience');
	const drawn = points.find((p) => p.label === 'Lived experience')!.data;
	lived.forEach(({ share }, i) => {
		if (typeof share === 'object') expect(drawn[i]).toBeCloseTo(share.share, 10);
		else expect(drawn[i]).toBeNull();
	});
	await expectAccessible(page);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the dashboard is complete: the figures are in the tables', async ({ page }) => {
		await signInAs(page, createUser({ slug: SLUG, role: 'viewer', tag: 'insights-nojs' }));
		await page.goto('/app');
		await expect(page.locator('canvas')).toHaveCount(0);
		await checkCards(page);
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow).toBeLessThanOrEqual(0);
	});
});
