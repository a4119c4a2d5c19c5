import { fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { INSPECTION_FIELDS, inspectionSchema } from '$lib/server/areas/input';
import { addInspection } from '$lib/server/areas/service';
import { getDb } from '$lib/server/db';
import { parseForm } from '$lib/server/forms';

export const load = async () => {
	requireRole('officer');
	return {};
};

export const actions = {
	default: async ({ request }) => {
		const user = requireRole('officer');
		const parsed = parseForm(inspectionSchema, await request.formData(), INSPECTION_FIELDS);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		const inspection = await addInspection(getDb(), user, parsed.data);
		redirect(303, `/app/findings/new?inspection=${inspection.id}`);
	}
};
