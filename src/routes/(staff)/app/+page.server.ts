import { requireCapability } from '$lib/server/auth/guards';
import { areaNextMilestone } from '$lib/server/areas/milestones';
import { getDb, today } from '$lib/server/db';
import { dashboard } from '$lib/server/insights/service';
import { listSurveys } from '$lib/server/insights/repository';
import { planCounts } from '$lib/server/plan/view';

export const load = async () => {
	const user = requireCapability('readFigures');
	const db = getDb();
	const [board, surveys, plan, milestone] = await Promise.all([
		dashboard(db, user.localAreaId),
		listSurveys(db, user.localAreaId),
		planCounts(db, user.localAreaId),
		areaNextMilestone(db, user.localAreaId, today())
	]);
	return { board, surveys, plan, milestone };
};
