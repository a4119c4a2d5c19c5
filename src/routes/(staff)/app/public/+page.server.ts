import { error, fail, redirect } from '@sveltejs/kit';
import { requireCapability } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { parseForm } from '$lib/server/forms';
import { QUOTE_FIELDS, UNQUOTE_FIELDS, quoteSchema, unquoteSchema } from '$lib/server/public/input';
import { chooseQuote, manageView, removeQuote, withdraw } from '$lib/server/public/service';

export const load = async ({ url }) => {
	const user = requireCapability('managePublicPage');
	return { view: await manageView(getDb(), user.localAreaId), done: url.searchParams.get('done') };
};

export const actions = {
	quote: async ({ request }) => {
		const user = requireCapability('managePublicPage');
		const parsed = parseForm(quoteSchema, await request.formData(), QUOTE_FIELDS);
		if (!parsed.ok) return fail(400, { errors: parsed.errors });
		const outcome = await chooseQuote(getDb(), user, parsed.data);
		if (!outcome) error(404, 'Not found');
		if (!outcome.ok) return fail(400, { errors: outcome.errors });
		redirect(303, `/app/public?done=quoted#finding-${parsed.data.findingId}`);
	},
	unquote: async ({ request }) => {
		const user = requireCapability('managePublicPage');
		const parsed = parseForm(unquoteSchema, await request.formData(), UNQUOTE_FIELDS);
		if (!parsed.ok) return fail(400, { errors: parsed.errors });
		if (!(await removeQuote(getDb(), user, parsed.data.commentId))) error(404, 'Not found');
		redirect(303, '/app/public?done=unquoted');
	},
	withdraw: async () => {
		const user = requireCapability('managePublicPage');
		if (!(await withdraw(getDb(), user)))
			return fail(400, { errors: { '': 'The page is not published' } });
		redirect(303, '/app/public?done=withdrawn');
	}
};
