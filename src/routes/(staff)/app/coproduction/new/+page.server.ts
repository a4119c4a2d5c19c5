import { fail, redirect } from '@sveltejs/kit';
import { requireCapability } from '$lib/server/auth/guards';
import { parseActivity } from '$lib/server/coproduction/input';
import { addActivity } from '$lib/server/coproduction/service';
import { getDb, today } from '$lib/server/db';
import { listPartners } from '$lib/server/plan/repository';

export const load = async () => {
	const user = requireCapability('editPlan');
	const partners = await listPartners(getDb(), user.localAreaId);
	return { partners: partners.map((p) => ({ id: p.id, name: p.name })), today: today() };
};

export const actions = {
	default: async ({ request }) => {
		const user = requireCapability('editPlan');
		const parsed = parseActivity(await request.formData());
		if (!parsed.ok)
			return fail(400, {
				errors: parsed.errors,
				values: parsed.values,
				partnerIds: parsed.partnerIds
			});
		const outcome = await addActivity(getDb(), user, parsed.data);
		if (!outcome.ok)
			return fail(400, {
				errors: outcome.errors,
				values: parsed.values,
				partnerIds: parsed.partnerIds
			});
		redirect(303, '/app/coproduction?done=added');
	}
};
