import { error, fail, redirect } from '@sveltejs/kit';
import { requireCapability } from '$lib/server/auth/guards';
import { can } from '$lib/server/auth/roles';
import { getDb, today } from '$lib/server/db';
import { parseForm } from '$lib/server/forms';
import {
	STATUS_UPDATE_FIELDS,
	actionSchema,
	parseActionForm,
	statusUpdateSchema
} from '$lib/server/plan/input';
import { getAction } from '$lib/server/plan/repository';
import { addStatusUpdate, editAction } from '$lib/server/plan/service';
import { actionPage } from '$lib/server/plan/view';

export const load = async ({ params, url }) => {
	const user = requireCapability('readPlan');
	const page = await actionPage(getDb(), user.localAreaId, params.action);
	if (!page) error(404, 'Not found');
	return {
		...page,
		canEdit: can(user.role, 'editPlan'),
		today: today(),
		done: url.searchParams.get('done')
	};
};

/** Another area's action is "not found" before anything about the form is said. */
async function editor(actionId: string) {
	const user = requireCapability('editPlan');
	if (!(await getAction(getDb(), user.localAreaId, actionId))) error(404, 'Not found');
	return user;
}

export const actions = {
	status: async ({ params, request }) => {
		const user = await editor(params.action);
		const parsed = parseForm(statusUpdateSchema, await request.formData(), STATUS_UPDATE_FIELDS);
		if (!parsed.ok)
			return fail(400, { action: 'status', errors: parsed.errors, values: parsed.values });
		const outcome = await addStatusUpdate(getDb(), user, params.action, parsed.data);
		if (!outcome) error(404, 'Not found');
		if (!outcome.ok)
			return fail(400, { action: 'status', errors: outcome.errors, values: parsed.values });
		redirect(303, `/app/plan/${params.action}?done=status`);
	},
	edit: async ({ params, request }) => {
		const user = await editor(params.action);
		const parsed = parseActionForm(actionSchema, await request.formData());
		if (!parsed.ok)
			return fail(400, {
				action: 'edit',
				errors: parsed.errors,
				values: parsed.values,
				findingIds: parsed.findingIds
			});
		const outcome = await editAction(getDb(), user, params.action, parsed.data);
		if (!outcome) error(404, 'Not found');
		if (!outcome.ok)
			return fail(400, {
				action: 'edit',
				errors: outcome.errors,
				values: parsed.values,
				findingIds: parsed.findingIds
			});
		redirect(303, `/app/plan/${params.action}?done=edited`);
	}
};
