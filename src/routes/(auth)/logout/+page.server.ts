import { redirect } from '@sveltejs/kit';
import { recordEvent } from '$lib/server/audit';
import { deleteSessionCookie } from '$lib/server/auth/cookies';
import { invalidateSession } from '$lib/server/auth/session';
import { getDb } from '$lib/server/db';

// Signing out is a POST (a link or an image could not sign anyone out); GET shows the button.
export const load = ({ locals }) => ({ signedIn: locals.user !== null });

export const actions = {
	default: async ({ locals, cookies, url }) => {
		if (locals.session && locals.user) {
			const db = getDb();
			await invalidateSession(db, locals.session.id);
			await recordEvent(db, {
				localAreaId: locals.user.localAreaId,
				userId: locals.user.id,
				action: 'sign_out',
				subjectType: 'user',
				subjectId: locals.user.id
			});
		}
		deleteSessionCookie(cookies, url);
		redirect(303, '/login');
	}
};
