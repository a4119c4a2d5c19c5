import { fail } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { getDb, today } from '$lib/server/db';
import { parseForm } from '$lib/server/forms';
import { NEW_USER_FIELDS, newUserSchema } from '$lib/server/users/input';
import { listUsers } from '$lib/server/users/repository';
import { listPartners } from '$lib/server/plan/repository';
import { createUser } from '$lib/server/users/service';

export const load = async () => {
	const user = requireRole('admin');
	const [users, partners] = await Promise.all([
		listUsers(getDb(), user.localAreaId),
		listPartners(getDb(), user.localAreaId)
	]);
	return { users, partners: partners.map((p) => ({ id: p.id, name: p.name })), today: today() };
};

export const actions = {
	add: async ({ request }) => {
		const user = requireRole('admin');
		const parsed = parseForm(newUserSchema, await request.formData(), NEW_USER_FIELDS);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		const result = await createUser(getDb(), user, parsed.data);
		if (!result.ok) return fail(400, { errors: result.errors, values: parsed.values });
		// The generated password is shown this once and never stored in the clear.
		return {
			created: { id: result.user.id, email: result.user.email, password: result.password }
		};
	}
};
