/**
 * Who is making a request, for the rate limiters only. The address reaches the limiter table
 * only as an HMAC under the server secret (limits/limiter.ts) and is never logged or stored.
 * Behind a reverse proxy, adapter-node's ADDRESS_HEADER and XFF_DEPTH say where the real
 * address is; without them every family would share the proxy's.
 */
export function requestClient(event: { getClientAddress(): string }): string {
	return event.getClientAddress();
}
