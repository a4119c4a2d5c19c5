import { error, redirect } from '@sveltejs/kit';
import { requestClient } from '$lib/server/clients';
import { getDb } from '$lib/server/db';
import { resumeDraft, resumePage, tooManyTries, unavailable } from '$lib/server/responses/service';
import { holdKey, surveyPath } from '../../respondent';
import type { PageServerLoad } from './$types';

/**
 * A resume link. The draft moves to a new secret that goes into this browser's cookie, and the
 * link is out of the address straight away: it works once, so a link that was copied, forwarded
 * or seen over a shoulder cannot be used after the family has used it.
 */
export const load: PageServerLoad = async (event) => {
	const { questionnaire: q } = await event.parent();
	const problem = unavailable(q);
	if (problem) error(problem.status, problem.message);
	// A link that opens nothing, well formed or not, counts as a wrong try.
	const resumed = await resumeDraft(getDb(), q, event.params.token, requestClient(event));
	if (!resumed.ok) {
		if (resumed.retryAfterSeconds > 0) error(429, tooManyTries(resumed.retryAfterSeconds));
		error(
			404,
			'This link does not work any more. A link to saved answers works once, and saved answers are removed when they are sent or when the questionnaire closes. If you saved again after using it, use the newest link. You can also start the questionnaire again.'
		);
	}
	holdKey(event.cookies, event.url, q.survey.id, { secret: resumed.secret });
	const page = resumePage(q.pages, resumed.answers);
	redirect(303, surveyPath(q.survey.id, `${page ? `p/${page}` : 'check'}?resumed=1`));
};
