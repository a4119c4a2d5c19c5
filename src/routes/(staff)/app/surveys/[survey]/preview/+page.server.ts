import { error } from '@sveltejs/kit';
import { requireCapability } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import type { Audience } from '$lib/server/db/schema';
import { buildJourney, minutesToAnswer } from '$lib/server/surveys/journey';
import { findAreaSurvey, findSurveyArea, listQuestions } from '$lib/server/surveys/repository';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	// Partners read a draft as families will before they sign it off.
	const user = requireCapability('readDrafts');
	const db = getDb();
	const survey = await findAreaSurvey(db, user.localAreaId, params.survey);
	if (!survey) error(404, 'Not found');
	const asked = url.searchParams.get('as');
	const as: Audience =
		asked === 'parent_carer' || asked === 'young_person' ? asked : survey.audience;
	const [questions, area] = await Promise.all([
		listQuestions(db, survey.id),
		findSurveyArea(db, survey.localAreaId)
	]);
	return {
		survey: {
			id: survey.id,
			title: survey.title,
			intro: survey.intro,
			status: survey.status,
			accessMode: survey.accessMode
		},
		areaName: area.name,
		back: user.role === 'partner' ? `/app/sign-off/${survey.id}` : `/app/surveys/${survey.id}`,
		as,
		minutes: minutesToAnswer(questions),
		pages: buildJourney(as, questions)
	};
};
