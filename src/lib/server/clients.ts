/**
 * Who is making a request, for the in-memory rate limiters only: a salted hash of the client
 * address, so no address is ever logged, stored or kept in readable form. The salt is fresh per
 * process, so the keys mean nothing once the process ends.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';

const SALT = crypto.getRandomValues(new Uint8Array(16));

/** A key for a client that cannot be turned back into its address. */
export function clientKey(address: string): string {
	const bytes = new TextEncoder().encode(address);
	const salted = new Uint8Array(SALT.length + bytes.length);
	salted.set(SALT);
	salted.set(bytes, SALT.length);
	return encodeHexLowerCase(sha256(salted));
}

/**
 * The limiter key of a request. End-to-end runs all come from one address, so there each test
 * names itself and one test's failures do not slow down the next; HEARD_E2E is set only by the
 * test runner, never in production.
 */
export function requestClient(
	event: { request: Request; getClientAddress(): string },
	env: Record<string, string | undefined> = process.env
): string {
	const testClient =
		env.HEARD_E2E === '1' ? event.request.headers.get('x-heard-test-client') : null;
	return clientKey(testClient ?? event.getClientAddress());
}
