import { error } from '@sveltejs/kit';
import { unavailable } from '$lib/server/responses/service';
import { questionnaireOf } from '../respondent';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { parent, url } = event;
	await parent(); // the layout turns away what families cannot open
	const q = (await questionnaireOf(event))!;
	const problem = unavailable(q, ['open', 'closed']);
	if (problem) error(problem.status, problem.message);
	return { already: url.searchParams.has('already') };
};
