import { fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { hasRole } from '$lib/server/auth/roles';
import { getDb } from '$lib/server/db';
import { surveyList } from '$lib/server/surveys/builder-view';
import { parseWave } from '$lib/server/surveys/input';
import { createWave } from '$lib/server/surveys/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const user = requireRole('viewer');
	return {
		waves: await surveyList(getDb(), user.localAreaId),
		canBuild: hasRole(user.role, 'officer'),
		added: url.searchParams.get('added') === 'wave'
	};
};

export const actions: Actions = {
	addWave: async ({ request }) => {
		const user = requireRole('officer');
		const parsed = parseWave(await request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		const outcome = await createWave(getDb(), user, parsed.data);
		if (!outcome.ok) return fail(outcome.status, { errors: outcome.errors, values: parsed.data });
		redirect(303, '/app/surveys?added=wave');
	}
};
