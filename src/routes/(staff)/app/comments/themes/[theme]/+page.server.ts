import { error, fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { parseTheme } from '$lib/server/comments/input';
import { archiveTheme, editTheme, themesPage } from '$lib/server/comments/service';
import { getDb } from '$lib/server/db';

export const load = async ({ params }) => {
	const user = requireRole('officer');
	const page = await themesPage(getDb(), user);
	const theme = page.themes.find((t) => t.id === params.theme);
	if (!theme) error(404, 'Not found');
	return { theme, findings: page.findings };
};

export const actions = {
	save: async ({ request, params }) => {
		const user = requireRole('officer');
		const form = await request.formData();
		const parsed = parseTheme(form);
		const findingIds = form.getAll('findingIds').map(String);
		if (!parsed.ok) {
			if (!(await themesPage(getDb(), user)).themes.some((t) => t.id === params.theme))
				error(404, 'Not found');
			return fail(400, { errors: parsed.errors, values: parsed.values, findingIds });
		}
		const outcome = await editTheme(getDb(), user, params.theme, parsed.data);
		if (!outcome) error(404, 'Not found');
		if (!outcome.ok)
			return fail(400, { errors: outcome.errors, values: { name: parsed.data.name }, findingIds });
		redirect(303, '/app/comments/themes');
	},
	archive: async ({ params }) => {
		const user = requireRole('officer');
		if (!(await archiveTheme(getDb(), user, params.theme, true))) error(404, 'Not found');
		return { archived: true };
	},
	unarchive: async ({ params }) => {
		const user = requireRole('officer');
		if (!(await archiveTheme(getDb(), user, params.theme, false))) error(404, 'Not found');
		return { unarchived: true };
	}
};
