import { fail, redirect } from '@sveltejs/kit';
import { LANGUAGES } from '$lib/i18n';
import { getDb } from '$lib/server/db';
import { officerSurvey } from '$lib/server/surveys/builder-access';
import { parseTranslationUpload } from '$lib/server/surveys/input';
import { importTranslations, translationState } from '$lib/server/surveys/translations';
import type { FormErrors } from '$lib/server/surveys/input';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const { survey } = await officerSurvey(params.survey);
	const { strings, statuses } = await translationState(getDb(), survey);
	return {
		survey: { id: survey.id, title: survey.title, status: survey.status },
		total: strings.length,
		languages: statuses.map((s) => ({
			code: s.language,
			name: LANGUAGES[s.language].name,
			native: LANGUAGES[s.language].native,
			translated: s.translated,
			missing: s.missing
		})),
		imported: url.searchParams.get('imported')
	};
};

export const actions: Actions = {
	default: async ({ params, request }) => {
		const { user, survey } = await officerSurvey(params.survey);
		const upload = await parseTranslationUpload(await request.formData());
		if (!upload.ok) return fail(400, { errors: upload.errors, problems: [] as string[] });
		const outcome = await importTranslations(getDb(), user, survey, upload.language, upload.text);
		if (!outcome.ok) {
			const errors: FormErrors = {
				file: 'The file was not imported: fix the problems listed and upload it again'
			};
			return fail(400, { errors, problems: outcome.problems });
		}
		redirect(303, `/app/surveys/${survey.id}/translations?imported=${upload.language}`);
	}
};
