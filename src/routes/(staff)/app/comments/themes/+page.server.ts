import { error, fail } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { parseTheme } from '$lib/server/comments/input';
import { createTheme, themesPage } from '$lib/server/comments/service';
import { getDb } from '$lib/server/db';

export const load = async () => {
	const user = requireRole('viewer');
	return { page: await themesPage(getDb(), user) };
};

export const actions = {
	create: async ({ request }) => {
		const user = requireRole('officer');
		const form = await request.formData();
		const parsed = parseTheme(form);
		const findingIds = form.getAll('findingIds').map(String);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values, findingIds });
		const outcome = await createTheme(getDb(), user, parsed.data);
		if (!outcome) error(403, 'You do not have permission to do this');
		if (!outcome.ok)
			return fail(400, { errors: outcome.errors, values: { name: parsed.data.name }, findingIds });
		return { created: parsed.data.name };
	}
};
