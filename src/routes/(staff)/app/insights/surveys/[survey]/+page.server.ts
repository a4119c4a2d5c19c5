import { error } from '@sveltejs/kit';
import { requireCapability } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { surveyResults } from '$lib/server/insights/service';

export const load = async ({ params }) => {
	const user = requireCapability('readFigures');
	const results = await surveyResults(getDb(), user.localAreaId, params.survey);
	if (!results) error(404, 'Not found');
	return { results };
};
