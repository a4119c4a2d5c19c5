import { error, fail } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { getDb, today } from '$lib/server/db';
import { parseForm } from '$lib/server/forms';
import { ROLE_CHANGE_FIELDS, roleChangeSchema } from '$lib/server/users/input';
import { getUser } from '$lib/server/users/repository';
import { listPartners } from '$lib/server/plan/repository';
import { changeRole, resetPassword, setDisabled, setRowExport } from '$lib/server/users/service';

export const load = async ({ params }) => {
	const admin = requireRole('admin');
	const user = await getUser(getDb(), admin.localAreaId, params.user);
	if (!user) error(404, 'Not found');
	return {
		person: {
			id: user.id,
			email: user.email,
			name: user.name,
			role: user.role,
			partnerId: user.partnerId,
			canExportRows: user.canExportRows === 1,
			expiresOn: user.expiresOn,
			disabledAt: user.disabledAt,
			createdAt: user.createdAt
		},
		isSelf: user.id === admin.id,
		partners: (await listPartners(getDb(), admin.localAreaId)).map((p) => ({
			id: p.id,
			name: p.name
		})),
		today: today()
	};
};

export const actions = {
	role: async ({ request, params }) => {
		const admin = requireRole('admin');
		// Another area's user is "not found" before anything about the form is said.
		if (!(await getUser(getDb(), admin.localAreaId, params.user))) error(404, 'Not found');
		const parsed = parseForm(roleChangeSchema, await request.formData(), ROLE_CHANGE_FIELDS);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		const result = await changeRole(getDb(), admin, params.user, parsed.data);
		if (!result) error(404, 'Not found');
		if (!result.ok) return fail(400, { errors: result.errors, values: parsed.values });
		return { done: 'Role changed' };
	},
	disable: async ({ params }) => {
		const admin = requireRole('admin');
		const result = await setDisabled(getDb(), admin, params.user, true);
		if (!result) error(404, 'Not found');
		if (!result.ok) return fail(400, { errors: result.errors });
		return { done: 'Account disabled. They have been signed out everywhere' };
	},
	enable: async ({ params }) => {
		const admin = requireRole('admin');
		const result = await setDisabled(getDb(), admin, params.user, false);
		if (!result) error(404, 'Not found');
		if (!result.ok) return fail(400, { errors: result.errors });
		return { done: 'Account enabled' };
	},
	rows: async ({ params, request }) => {
		const admin = requireRole('admin');
		const allowed = (await request.formData()).get('allowed') === 'yes';
		const result = await setRowExport(getDb(), admin, params.user, allowed);
		if (!result) error(404, 'Not found');
		if (!result.ok) return fail(400, { errors: result.errors });
		return {
			done: allowed
				? 'They may now download row-level responses files'
				: 'They may no longer download row-level responses files'
		};
	},
	reset: async ({ params }) => {
		const admin = requireRole('admin');
		const result = await resetPassword(getDb(), admin, params.user);
		if (!result) error(404, 'Not found');
		if (!result.ok) return fail(400, { errors: result.errors });
		// Shown this once; only its hash is kept.
		return { password: result.password, email: result.email };
	}
};
