/**
 * Guards: called at the top of every staff load and every action (a layout load is not a guard,
 * and actions do not run layout loads). They read the user the auth handle put in locals.
 * The optional event is a seam for tests; routes call them with no argument.
 */
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import type { SessionUser } from './session';
import { can, hasRole, type Capability, type MinimumRole } from './roles';

type GuardEvent = Pick<RequestEvent, 'locals' | 'url'>;

/** The signed-in user, or a redirect to the sign-in page that comes back here afterwards. */
export function requireUser(event: GuardEvent = getRequestEvent()): SessionUser {
	const user = event.locals.user;
	if (!user) {
		const next = event.url.pathname + event.url.search;
		redirect(303, `/login?next=${encodeURIComponent(next)}`);
	}
	return user;
}

/** The signed-in user if their role is at least `minimum`; otherwise 403. */
export function requireRole(
	minimum: MinimumRole,
	event: GuardEvent = getRequestEvent()
): SessionUser {
	const user = requireUser(event);
	if (!hasRole(user.role, minimum)) error(403, 'You do not have permission to do this');
	return user;
}

/** The signed-in user if their role is granted the capability (see roles.ts); otherwise 403. */
export function requireCapability(
	capability: Capability,
	event: GuardEvent = getRequestEvent()
): SessionUser {
	const user = requireUser(event);
	if (!can(user.role, capability)) error(403, 'You do not have permission to do this');
	return user;
}
