/**
 * Page data that only the server's render reads. Families' pages ship no framework script
 * (`csr = false`), yet SvelteKit still serialises every page's data for a client that will never
 * run: for a question page, more CPU than drawing it. A value marked here is serialised as a
 * placeholder instead (the `transport` hook in hooks.ts); a page that did hydrate would stop with
 * a clear error rather than run without its data.
 */
const drawnOnServer = new WeakSet<object>();

/** Marks `value` (kept as it is, and returned) as read only by the server's render. */
export function serverDrawn<T extends object>(value: T): T {
	drawnOnServer.add(value);
	return value;
}

export function isServerDrawn(value: unknown): boolean {
	return typeof value === 'object' && value !== null && drawnOnServer.has(value);
}
