import { error } from '@sveltejs/kit';
import { unavailable } from '$lib/server/responses/service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, url }) => {
	const { questionnaire: q } = await parent();
	const problem = unavailable(q, ['open', 'closed']);
	if (problem) error(problem.status, problem.message);
	return { already: url.searchParams.has('already') };
};
