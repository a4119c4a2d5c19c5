import { error, fail, redirect } from '@sveltejs/kit';
import { requireCapability } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { parseForm } from '$lib/server/forms';
import { PARTNER_FIELDS, partnerSchema } from '$lib/server/plan/input';
import { editPartner } from '$lib/server/plan/partners';
import { getPartner } from '$lib/server/plan/repository';

export const load = async ({ params }) => {
	const user = requireCapability('editPlan');
	const partner = await getPartner(getDb(), user.localAreaId, params.partner);
	if (!partner) error(404, 'Not found');
	return { partner };
};

export const actions = {
	save: async ({ params, request }) => {
		const user = requireCapability('editPlan');
		if (!(await getPartner(getDb(), user.localAreaId, params.partner))) error(404, 'Not found');
		const parsed = parseForm(partnerSchema, await request.formData(), PARTNER_FIELDS);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		const outcome = await editPartner(getDb(), user, params.partner, parsed.data);
		if (!outcome) error(404, 'Not found');
		if (!outcome.ok) return fail(400, { errors: outcome.errors, values: parsed.values });
		redirect(303, '/app/partners');
	}
};
