import { fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { readFields } from '$lib/server/forms';
import { NEW_SURVEY_FIELDS, parseNewSurvey } from '$lib/server/surveys/input';
import { listWaves } from '$lib/server/surveys/repository';
import { createSurvey } from '$lib/server/surveys/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireRole('officer');
	const waves = await listWaves(getDb(), user.localAreaId);
	return { waves: waves.reverse().map((w) => ({ id: w.id, name: w.name })) };
};

export const actions: Actions = {
	default: async ({ request }) => {
		const user = requireRole('officer');
		const form = await request.formData();
		const parsed = parseNewSurvey(form);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		const outcome = await createSurvey(getDb(), user, parsed.data);
		if (!outcome.ok) {
			return fail(outcome.status, {
				errors: outcome.errors,
				values: readFields(form, NEW_SURVEY_FIELDS)
			});
		}
		redirect(303, `/app/surveys/${outcome.surveyId}`);
	}
};
