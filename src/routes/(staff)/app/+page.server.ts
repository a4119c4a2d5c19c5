import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { dashboard } from '$lib/server/insights/service';
import { listSurveys } from '$lib/server/insights/repository';

export const load = async () => {
	const user = requireRole('viewer');
	const db = getDb();
	const [board, surveys] = await Promise.all([
		dashboard(db, user.localAreaId),
		listSurveys(db, user.localAreaId)
	]);
	return { board, surveys };
};
