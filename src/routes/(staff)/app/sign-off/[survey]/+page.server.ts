import { error, fail, redirect } from '@sveltejs/kit';
import { requireCapability } from '$lib/server/auth/guards';
import {
	DRAFT_COMMENT_FIELDS,
	SIGN_OFF_FIELDS,
	draftCommentSchema,
	signOffSchema
} from '$lib/server/coproduction/input';
import { commentOnDraft, draftReview, signOffDraft } from '$lib/server/coproduction/signoff';
import { getDb } from '$lib/server/db';
import { parseForm } from '$lib/server/forms';

export const load = async ({ params, url }) => {
	const user = requireCapability('readDrafts');
	const review = await draftReview(getDb(), user, params.survey);
	if (!review) error(404, 'Not found');
	return { ...review, done: url.searchParams.get('done') };
};

export const actions = {
	comment: async ({ params, request }) => {
		const user = requireCapability('readDrafts');
		requireCapability('commentOnDrafts');
		if (!(await draftReview(getDb(), user, params.survey))) error(404, 'Not found');
		const parsed = parseForm(draftCommentSchema, await request.formData(), DRAFT_COMMENT_FIELDS);
		if (!parsed.ok)
			return fail(400, { action: 'comment', errors: parsed.errors, values: parsed.values });
		const outcome = await commentOnDraft(getDb(), user, params.survey, parsed.data.body);
		if (!outcome) error(404, 'Not found');
		if (!outcome.ok)
			return fail(400, { action: 'comment', errors: outcome.errors, values: parsed.values });
		redirect(303, `/app/sign-off/${params.survey}?done=commented#comments`);
	},
	signOff: async ({ params, request }) => {
		// Another area's questionnaire is "not found" for anyone; then only partners sign off.
		const user = requireCapability('readDrafts');
		if (!(await draftReview(getDb(), user, params.survey))) error(404, 'Not found');
		requireCapability('signOff');
		const parsed = parseForm(signOffSchema, await request.formData(), SIGN_OFF_FIELDS);
		if (!parsed.ok)
			return fail(400, { action: 'signOff', errors: parsed.errors, values: parsed.values });
		const outcome = await signOffDraft(getDb(), user, params.survey, parsed.data.note);
		if (!outcome) error(404, 'Not found');
		if (!outcome.ok)
			return fail(400, { action: 'signOff', errors: outcome.errors, values: parsed.values });
		redirect(303, `/app/sign-off/${params.survey}?done=signed`);
	}
};
