import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { languageInUrl } from '$lib/i18n';
import { loadQuestionnaire, unavailable } from '$lib/server/responses/service';
import type { LayoutServerLoad } from './$types';

// Closed and not-yet-open questionnaires still have their start, privacy and accessibility pages;
// drafts and unknown ids do not exist as far as families can tell. The address may ask for a
// language (`?lang=cy`): the family gets it when the questionnaire is fully translated into it.
export const load: LayoutServerLoad = async ({ params, url, locals }) => {
	const questionnaire = await loadQuestionnaire(getDb(), params.survey, languageInUrl(url));
	if (questionnaire) locals.language = questionnaire.language;
	const problem = unavailable(questionnaire, ['open', 'closed', 'not_yet_open']);
	if (problem || !questionnaire) error(problem?.status ?? 404, problem?.message ?? 'Not Found');
	return { questionnaire };
};
