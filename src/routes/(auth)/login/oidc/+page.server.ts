import { fail, redirect } from '@sveltejs/kit';
import { safeNext } from '$lib/server/auth/input';
import { councilAreaForEmail, signInOptionsForSlug } from '$lib/server/auth/oidc/find-area';
import { COUNCIL_EMAIL_FIELDS, councilEmailSchema } from '$lib/server/auth/oidc/input';
import { beginCouncilSignIn } from '$lib/server/auth/oidc/sign-in';
import { getDb } from '$lib/server/db';
import { parseForm, readFields } from '$lib/server/forms';
import { redirectUri } from '$lib/server/auth/oidc/redirect-uri';
import { setPendingCookie } from './pending-cookie';

function loginPage(params: Record<string, string>): string {
	return `/login?${new URLSearchParams(params)}`;
}

// GET with ?area=<slug> (the council button is a plain link): off to the provider. Without one,
// the page asks for a work email.
export const load = async ({ url, cookies, locals }) => {
	const next = safeNext(url.searchParams.get('next'));
	if (locals.user) redirect(303, next);
	const slug = url.searchParams.get('area');
	if (slug === null) return { next };
	const area = await signInOptionsForSlug(getDb(), slug);
	if (!area?.councilSignIn) redirect(303, loginPage({ problem: 'not_offered', next }));
	const begun = await beginCouncilSignIn(getDb(), area, {
		redirectUri: redirectUri(url.origin),
		next
	});
	if (!begun.ok) redirect(303, loginPage({ area: area.slug, problem: begun.reason, next }));
	setPendingCookie(cookies, url, begun.pending);
	redirect(303, begun.url.href);
};

export const actions = {
	// Finds the area from the email's domain and sends people to its sign-in page. Not straight
	// on to the provider: the pages' Content-Security-Policy (form-action 'self') rightly stops a
	// form post from ending on another site, and a link away is allowed.
	default: async ({ request }) => {
		const form = await request.formData();
		const next = safeNext(readFields(form, ['next']).next);
		const parsed = parseForm(councilEmailSchema, form, COUNCIL_EMAIL_FIELDS);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values, next });
		const choice = await councilAreaForEmail(getDb(), parsed.data.workEmail);
		if (!choice.ok) {
			const workEmail =
				choice.reason === 'several'
					? 'More than one local area accepts email addresses like yours. Use the sign-in link your local area gave you'
					: 'Council sign-in is not set up for that email address. Check it, or sign in with your password';
			return fail(400, { errors: { workEmail }, values: parsed.values, next });
		}
		redirect(303, loginPage({ area: choice.slug, next }));
	}
};
