import { fail, redirect } from '@sveltejs/kit';
import { requireCapability } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { newActionSchema, parseActionForm } from '$lib/server/plan/input';
import { createAction } from '$lib/server/plan/service';
import { planPage } from '$lib/server/plan/view';

export const load = async ({ url }) => {
	const user = requireCapability('editPlan');
	const page = await planPage(getDb(), user.localAreaId, {
		filter: 'all',
		findingId: null,
		partnerId: null
	});
	const finding = url.searchParams.get('finding');
	return {
		findings: page.findings,
		partners: page.partners,
		preselected: page.findings.some((f) => f.id === finding) ? [finding!] : []
	};
};

export const actions = {
	default: async ({ request }) => {
		const user = requireCapability('editPlan');
		const parsed = parseActionForm(newActionSchema, await request.formData(), ['status']);
		if (!parsed.ok)
			return fail(400, {
				errors: parsed.errors,
				values: parsed.values,
				findingIds: parsed.findingIds
			});
		const outcome = await createAction(getDb(), user, parsed.data);
		if (!outcome.ok)
			return fail(400, {
				errors: outcome.errors,
				values: parsed.values,
				findingIds: parsed.findingIds
			});
		redirect(303, `/app/plan/${outcome.actionId}?done=created`);
	}
};
