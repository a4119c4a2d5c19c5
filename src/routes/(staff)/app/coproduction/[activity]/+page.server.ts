import { error, fail, redirect } from '@sveltejs/kit';
import { requireCapability } from '$lib/server/auth/guards';
import { parseActivity } from '$lib/server/coproduction/input';
import { getActivity } from '$lib/server/coproduction/repository';
import { editActivity, removeActivity } from '$lib/server/coproduction/service';
import { getDb } from '$lib/server/db';
import { listPartners } from '$lib/server/plan/repository';

export const load = async ({ params }) => {
	const user = requireCapability('editPlan');
	const db = getDb();
	const activity = await getActivity(db, user.localAreaId, params.activity);
	if (!activity) error(404, 'Not found');
	const partners = await listPartners(db, user.localAreaId);
	return { activity, partners: partners.map((p) => ({ id: p.id, name: p.name })) };
};

export const actions = {
	save: async ({ params, request }) => {
		const user = requireCapability('editPlan');
		if (!(await getActivity(getDb(), user.localAreaId, params.activity))) error(404, 'Not found');
		const parsed = parseActivity(await request.formData());
		if (!parsed.ok)
			return fail(400, {
				errors: parsed.errors,
				values: parsed.values,
				partnerIds: parsed.partnerIds
			});
		const outcome = await editActivity(getDb(), user, params.activity, parsed.data);
		if (!outcome) error(404, 'Not found');
		if (!outcome.ok)
			return fail(400, {
				errors: outcome.errors,
				values: parsed.values,
				partnerIds: parsed.partnerIds
			});
		redirect(303, '/app/coproduction?done=saved');
	},
	delete: async ({ params }) => {
		const user = requireCapability('editPlan');
		if (!(await removeActivity(getDb(), user, params.activity))) error(404, 'Not found');
		redirect(303, '/app/coproduction?done=deleted');
	}
};
