import { error } from '@sveltejs/kit';
import { isTranslation } from '$lib/i18n';
import { getDb, today } from '$lib/server/db';
import { csvFilename, csvResponse } from '$lib/server/exports/csv';
import { officerSurvey } from '$lib/server/surveys/builder-access';
import { EXPORT_COLUMNS, translatorsFile } from '$lib/server/surveys/translations';
import type { RequestHandler } from './$types';

/** The translators' file for one language: key, English and any translation already stored. */
export const GET: RequestHandler = async ({ params }) => {
	const { user, survey } = await officerSurvey(params.survey);
	if (!isTranslation(params.language)) error(404, 'Not found');
	const rows = await translatorsFile(getDb(), user, survey, params.language);
	return csvResponse(
		csvFilename(['translation', params.language, survey.title], today()),
		EXPORT_COLUMNS,
		rows
	);
};
