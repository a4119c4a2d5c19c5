import { fail, redirect } from '@sveltejs/kit';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { SIGN_IN_FIELDS, safeNext, signInSchema } from '$lib/server/auth/input';
import { signInOptionsForSlug } from '$lib/server/auth/oidc/find-area';
import { FAILURE_MESSAGES, isFailureReason } from '$lib/server/auth/oidc/reasons';
import { anyAreaOffersCouncilSignIn } from '$lib/server/auth/oidc/repository';
import { createSession, generateSessionToken } from '$lib/server/auth/session';
import { requestClient } from '$lib/server/clients';
import { signIn } from '$lib/server/auth/sign-in';
import { getDb } from '$lib/server/db';
import { parseForm, readFields, type FormErrors } from '$lib/server/forms';

// One message for a wrong email and a wrong password, so the page never says which emails exist.
const MESSAGES = {
	invalid: 'Enter a correct email address and password',
	limited: 'Too many attempts to sign in. Wait a few minutes, then try again',
	inactive: 'This account is no longer active. Ask an admin in your local area to renew it',
	council_only:
		'Your local area does not use passwords. Use “Continue with your council account” on this page'
} as const;
const STATUS = { invalid: 400, limited: 429, inactive: 403, council_only: 403 } as const;

export const load = async ({ locals, url }) => {
	const next = safeNext(url.searchParams.get('next'));
	if (locals.user) redirect(303, next);
	const db = getDb();
	// ?area=<slug> is an area's own sign-in link: its council button, and no password form if
	// it has turned passwords off. ?problem= names why a council sign-in was refused.
	const slug = url.searchParams.get('area');
	const found = slug ? await signInOptionsForSlug(db, slug) : undefined;
	const area = found && { slug: found.slug, name: found.name, council: found.councilSignIn };
	const problem = url.searchParams.get('problem');
	return {
		next,
		area,
		passwords: found?.passwordSignIn ?? true,
		councilOffered: area ? area.council : await anyAreaOffersCouncilSignIn(db),
		problem: isFailureReason(problem) ? FAILURE_MESSAGES[problem] : null
	};
};

export const actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const next = safeNext(readFields(form, ['next']).next);
		const parsed = parseForm(signInSchema, form, SIGN_IN_FIELDS);
		if (!parsed.ok) {
			return fail(400, { errors: parsed.errors, values: { email: parsed.values.email ?? '' } });
		}
		const db = getDb();
		const result = await signIn(db, { ...parsed.data, client: requestClient(event) });
		if (!result.ok) {
			const errors: FormErrors = { '': MESSAGES[result.reason] };
			return fail(STATUS[result.reason], {
				errors,
				values: { email: parsed.data.email }
			});
		}
		const token = generateSessionToken();
		const session = await createSession(db, token, result.user.id);
		setSessionCookie(event.cookies, event.url, token, session.expiresAt);
		redirect(303, next);
	}
};
