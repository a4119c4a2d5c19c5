import { error, fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { readAnswerFields } from '$lib/server/responses/answers';
import { availability } from '$lib/server/surveys/availability';
import { enterPaperResponse } from '$lib/server/surveys/builder-paper';
import { findAreaSurvey, listQuestions } from '$lib/server/surveys/repository';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const user = requireRole('officer');
	const db = getDb();
	const survey = await findAreaSurvey(db, user.localAreaId, params.survey);
	if (!survey) error(404, 'Not found');
	return {
		survey: {
			id: survey.id,
			title: survey.title,
			audience: survey.audience,
			closesOn: survey.closesOn
		},
		open: availability(survey) === 'open',
		questions: await listQuestions(db, survey.id),
		saved: url.searchParams.get('saved') === '1'
	};
};

export const actions: Actions = {
	default: async ({ params, request }) => {
		const user = requireRole('officer');
		const raw = readAnswerFields(await request.formData());
		const outcome = await enterPaperResponse(getDb(), user, params.survey, raw);
		if (outcome.ok) redirect(303, `/app/surveys/${params.survey}/paper?saved=1`);
		if (outcome.status === 404) error(404, 'Not found');
		return fail(outcome.status, { errors: outcome.errors, values: outcome.values });
	}
};
