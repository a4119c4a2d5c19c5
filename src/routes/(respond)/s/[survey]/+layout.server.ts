import { error } from '@sveltejs/kit';
import { familyView, unavailable } from '$lib/server/responses/service';
import { serverDrawn } from '$lib/respond/server-drawn';
import { questionnaireOf } from './respondent';
import type { LayoutServerLoad } from './$types';

// Closed and not-yet-open questionnaires still have their start, privacy and accessibility pages;
// drafts and unknown ids do not exist as far as families can tell. The address may ask for a
// language (`?lang=cy`): the family gets it when the questionnaire is fully translated into it.
export const load: LayoutServerLoad = async (event) => {
	const questionnaire = await questionnaireOf(event);
	if (questionnaire) event.locals.language = questionnaire.language;
	const problem = unavailable(questionnaire, ['open', 'closed', 'not_yet_open']);
	if (problem || !questionnaire) error(problem?.status ?? 404, problem?.message ?? 'Not Found');
	return { questionnaire: serverDrawn(familyView(questionnaire)) };
};
