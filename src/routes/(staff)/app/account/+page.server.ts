import { fail, redirect } from '@sveltejs/kit';
import { deleteSessionCookie, setSessionCookie } from '$lib/server/auth/cookies';
import { requireUser } from '$lib/server/auth/guards';
import { CHANGE_PASSWORD_FIELDS, changePasswordSchema } from '$lib/server/auth/input';
import { ROLE_DESCRIPTIONS } from '$lib/server/auth/roles';
import { createSession, generateSessionToken } from '$lib/server/auth/session';
import { getDb } from '$lib/server/db';
import { parseForm } from '$lib/server/forms';
import { changeOwnPassword, signOutEverywhere } from '$lib/server/users/service';

export const load = async () => {
	const user = requireUser();
	return {
		account: { email: user.email, name: user.name, role: user.role, expiresOn: user.expiresOn },
		roleDescription: ROLE_DESCRIPTIONS[user.role]
	};
};

export const actions = {
	password: async ({ request, cookies, url }) => {
		const user = requireUser();
		const parsed = parseForm(
			changePasswordSchema,
			await request.formData(),
			CHANGE_PASSWORD_FIELDS
		);
		// Passwords are never sent back to the page, not even the ones that were wrong.
		if (!parsed.ok) return fail(400, { action: 'password', errors: parsed.errors });
		const db = getDb();
		const result = await changeOwnPassword(db, user, parsed.data);
		if (!result.ok) return fail(400, { action: 'password', errors: result.errors });
		// Every session ended with the change; this browser carries on with a fresh one.
		const token = generateSessionToken();
		const session = await createSession(db, token, user.id);
		setSessionCookie(cookies, url, token, session.expiresAt);
		return { action: 'password', changed: true };
	},
	everywhere: async ({ cookies, url }) => {
		const user = requireUser();
		await signOutEverywhere(getDb(), user);
		deleteSessionCookie(cookies, url);
		redirect(303, '/login');
	}
};
