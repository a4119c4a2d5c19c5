import { error, fail } from '@sveltejs/kit';
import { requireCapability, requireRole } from '$lib/server/auth/guards';
import { parseTheme } from '$lib/server/comments/input';
import { createTheme, themesPage } from '$lib/server/comments/service';
import { can } from '$lib/server/auth/roles';
import { THEME_REVIEW_FIELDS, themeReviewSchema } from '$lib/server/coproduction/input';
import { reviewTheme, themeReviews } from '$lib/server/coproduction/service';
import { getDb } from '$lib/server/db';
import { parseForm } from '$lib/server/forms';

export const load = async () => {
	const user = requireCapability('readComments');
	const [page, reviews] = await Promise.all([
		themesPage(getDb(), user),
		themeReviews(getDb(), user.localAreaId)
	]);
	return { page, reviews, canCoReview: can(user.role, 'reviewThemes') };
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
	},
	review: async ({ request }) => {
		const user = requireCapability('reviewThemes');
		const parsed = parseForm(themeReviewSchema, await request.formData(), THEME_REVIEW_FIELDS);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		const outcome = await reviewTheme(getDb(), user, parsed.data);
		if (!outcome) error(404, 'Not found');
		if (!outcome.ok) return fail(400, { errors: outcome.errors, values: parsed.values });
		return { reviewed: true };
	}
};
