import { error, fail } from '@sveltejs/kit';
import { requireCapability, requireRole } from '$lib/server/auth/guards';
import { parseRedaction, parseTags } from '$lib/server/comments/input';
import {
	commentPage,
	redactComment,
	setReviewed,
	tagComment,
	type Outcome
} from '$lib/server/comments/service';
import { getDb } from '$lib/server/db';

export const load = async ({ params }) => {
	const user = requireCapability('readComments');
	const page = await commentPage(getDb(), user, params.comment);
	if (!page) error(404, 'Not found');
	return { page };
};

/** Another area's comment, or none: 404 before anything about the form is said. */
function settle(
	outcome: Outcome,
	done: Record<string, boolean>,
	values: Record<string, string> = {}
) {
	if (!outcome) error(404, 'Not found');
	if (!outcome.ok) return fail(400, { errors: outcome.errors, values });
	return done;
}

export const actions = {
	tag: async ({ request, params }) => {
		const user = requireRole('officer');
		const parsed = parseTags(await request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: {} });
		return settle(await tagComment(getDb(), user, params.comment, parsed.data.themeIds), {
			tagged: true
		});
	},
	redact: async ({ request, params }) => {
		const user = requireRole('officer');
		const parsed = parseRedaction(await request.formData());
		if (!parsed.ok) {
			if (!(await commentPage(getDb(), user, params.comment))) error(404, 'Not found');
			return fail(400, { errors: parsed.errors, values: parsed.values });
		}
		return settle(
			await redactComment(getDb(), user, params.comment, parsed.data),
			{ redacted: true },
			{ phrases: parsed.data.phrases.join('\n') }
		);
	},
	review: async ({ params }) => {
		const user = requireRole('officer');
		return settle(await setReviewed(getDb(), user, params.comment, true), { reviewed: true });
	},
	reopen: async ({ params }) => {
		const user = requireRole('officer');
		return settle(await setReviewed(getDb(), user, params.comment, false), { reopened: true });
	}
};
