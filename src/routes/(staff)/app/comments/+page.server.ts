import { requireCapability } from '$lib/server/auth/guards';
import { parseQueueFilter } from '$lib/server/comments/input';
import { commentQueue } from '$lib/server/comments/service';
import { getDb } from '$lib/server/db';
import { listSurveys } from '$lib/server/insights/repository';

export const load = async ({ url }) => {
	const user = requireCapability('readComments');
	const db = getDb();
	const filter = parseQueueFilter(url.searchParams);
	const [queue, surveys] = await Promise.all([
		commentQueue(db, user, filter),
		listSurveys(db, user.localAreaId)
	]);
	const survey = surveys.find((s) => s.id === filter.surveyId);
	return { queue, survey: survey ? { id: survey.id, title: survey.title } : null };
};
