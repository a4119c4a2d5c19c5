/** Accessibility checks shared by every end-to-end test: axe with the WCAG 2.2 AA rules. */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** No violations allowed; the message lists each rule and the elements that break it. */
export async function expectAccessible(page: Page): Promise<void> {
	const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
	const found = results.violations.map(
		(v) =>
			`${v.id}: ${v.help} (${v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join(', ')})`
	);
	expect(found, `accessibility problems on ${page.url()}`).toEqual([]);
}
