import { error } from '@sveltejs/kit';
import { requireCapability } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { readBreakdown } from '$lib/server/insights/input';
import { questionInsights } from '$lib/server/insights/service';

export const load = async ({ params, url }) => {
	const user = requireCapability('readFigures');
	const page = await questionInsights(getDb(), user.localAreaId, params.question, {
		by: readBreakdown(url).by
	});
	if (!page) error(404, 'Not found');
	return { page };
};
