/**
 * What the browser carries between leaving for the provider and coming back: the state, nonce
 * and PKCE verifier, the area and where to go afterwards. Sealed (AES-GCM under the server
 * secret) so it can be neither read nor altered, and refused after ten minutes. It travels in a
 * short-lived HttpOnly cookie scoped to the callback path; nothing is kept on the server, so
 * any instance can finish a sign-in another began.
 */
import { z } from 'zod';
import { seal, unseal } from '../../secret';

export const FLOW_MINUTES = 10;

/** Sealed for this use only: a sealed value made for anything else will not open here. */
const PENDING_CONTEXT = 'oidc-pending-sign-in';

const pendingSchema = z.object({
	localAreaId: z.string().min(1),
	/** For the way back to the area's own sign-in page if something is refused. */
	slug: z.string(),
	state: z.string().min(16),
	nonce: z.string().min(16),
	codeVerifier: z.string().min(43),
	next: z.string(),
	startedAt: z.number().int()
});
export type PendingSignIn = z.infer<typeof pendingSchema>;

export function sealPending(pending: PendingSignIn): string {
	return seal(JSON.stringify(pending), PENDING_CONTEXT);
}

/** The pending sign-in, or null if there is none, it was tampered with, or it is too old. */
export function openPending(value: string | undefined, now = Date.now()): PendingSignIn | null {
	if (!value) return null;
	let parsed: unknown;
	try {
		parsed = JSON.parse(unseal(value, PENDING_CONTEXT));
	} catch {
		return null;
	}
	const result = pendingSchema.safeParse(parsed);
	if (!result.success) return null;
	const age = now - result.data.startedAt;
	if (age < 0 || age > FLOW_MINUTES * 60 * 1000) return null;
	return result.data;
}
