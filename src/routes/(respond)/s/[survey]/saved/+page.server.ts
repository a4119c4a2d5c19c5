import { error } from '@sveltejs/kit';
import { unavailable } from '$lib/server/responses/service';
import { forgetKey, readHeldKey, surveyPath, questionnaireOf } from '../respondent';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { parent, cookies, url } = event;
	await parent(); // the layout turns away what families cannot open
	const q = (await questionnaireOf(event))!;
	const problem = unavailable(q);
	if (problem) error(problem.status, problem.message);
	const held = readHeldKey(cookies);
	// Saving ends the visit: on a shared phone or school computer the next person must not land
	// in these answers. The resume link, which carries the draft's secret, is shown this once.
	if (held) forgetKey(cookies, url, q.survey.id);
	return {
		resumeLink:
			held && held !== 'sent'
				? `${url.origin}${surveyPath(q.survey.id, `resume/${held.secret}`, null)}`
				: null
	};
};
