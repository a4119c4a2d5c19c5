import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { resumeToken } from '$lib/server/responses/input';
import { holdKey, surveyPath } from '$lib/server/responses/respondent';
import { loadAnswers, resumePage, unavailable } from '$lib/server/responses/service';
import type { PageServerLoad } from './$types';

/** A resume link: the token moves into the cookie and out of the address straight away. */
export const load: PageServerLoad = async ({ parent, params, cookies, url }) => {
	const { questionnaire: q } = await parent();
	const problem = unavailable(q);
	if (problem) error(problem.status, problem.message);
	const token = resumeToken.safeParse(params.token);
	const key = token.success ? ({ kind: 'token', token: token.data } as const) : null;
	const answers = key ? await loadAnswers(getDb(), q, key) : {};
	if (!key || Object.keys(answers).length === 0) {
		error(
			404,
			'This link does not work any more. Saved answers are removed when they are sent or when the questionnaire closes. You can start the questionnaire again.'
		);
	}
	holdKey(cookies, url, q.survey.id, key);
	const page = resumePage(q.pages, answers);
	redirect(303, surveyPath(q.survey.id, page ? `p/${page}` : 'check'));
};
