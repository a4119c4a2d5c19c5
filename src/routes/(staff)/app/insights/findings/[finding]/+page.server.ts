import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { commentsForFinding } from '$lib/server/comments/service';
import { getDb } from '$lib/server/db';
import { themeTitle } from '$lib/server/areas/themes';
import { readBreakdown } from '$lib/server/insights/input';
import { findingInsights } from '$lib/server/insights/service';

export const load = async ({ params, url }) => {
	const user = requireRole('viewer');
	const db = getDb();
	const page = await findingInsights(db, user.localAreaId, params.finding, readBreakdown(url));
	if (!page) error(404, 'Not found');
	return {
		page,
		themeTitle: themeTitle(page.finding.theme),
		comments: await commentsForFinding(db, user.localAreaId, params.finding)
	};
};
