import { error } from '@sveltejs/kit';
import { requireCapability } from '$lib/server/auth/guards';
import { can } from '$lib/server/auth/roles';
import { commentsForFinding } from '$lib/server/comments/service';
import { getDb } from '$lib/server/db';
import { themeTitle } from '$lib/server/areas/themes';
import { readBreakdown } from '$lib/server/insights/input';
import { findingInsights } from '$lib/server/insights/service';
import { findingPlan } from '$lib/server/plan/view';

export const load = async ({ params, url }) => {
	const user = requireCapability('readFigures');
	const db = getDb();
	const page = await findingInsights(db, user.localAreaId, params.finding, readBreakdown(url));
	if (!page) error(404, 'Not found');
	const [comments, plan] = await Promise.all([
		commentsForFinding(db, user.localAreaId, params.finding),
		findingPlan(
			db,
			user.localAreaId,
			params.finding,
			page.waves.map((w) => w.id)
		)
	]);
	return {
		page,
		themeTitle: themeTitle(page.finding.theme),
		comments,
		plan,
		canEditPlan: can(user.role, 'editPlan')
	};
};
