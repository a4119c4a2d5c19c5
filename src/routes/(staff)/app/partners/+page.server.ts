import { fail } from '@sveltejs/kit';
import { requireCapability } from '$lib/server/auth/guards';
import { can } from '$lib/server/auth/roles';
import { getDb } from '$lib/server/db';
import { parseForm } from '$lib/server/forms';
import { PARTNER_FIELDS, partnerSchema } from '$lib/server/plan/input';
import { addPartner, partnersPage } from '$lib/server/plan/partners';

export const load = async () => {
	const user = requireCapability('readPlan');
	return {
		partners: await partnersPage(getDb(), user.localAreaId),
		canEdit: can(user.role, 'editPlan')
	};
};

export const actions = {
	add: async ({ request }) => {
		const user = requireCapability('editPlan');
		const parsed = parseForm(partnerSchema, await request.formData(), PARTNER_FIELDS);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		const outcome = await addPartner(getDb(), user, parsed.data);
		if (!outcome.ok) return fail(400, { errors: outcome.errors, values: parsed.values });
		return { added: outcome.partner.name };
	}
};
