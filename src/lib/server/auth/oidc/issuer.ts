/**
 * Which issuer addresses Heard will talk to. A real provider is always https; plain http is
 * allowed only for a provider on this machine (a test or a local development provider), the
 * same exception browsers make for secure contexts.
 */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isLoopback(url: URL): boolean {
	return LOOPBACK.has(url.hostname);
}

/** What is wrong with an issuer URL as typed, or null if Heard can use it. */
export function issuerProblem(text: string): string | null {
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		return 'Enter the issuer as a full web address, like https://login.microsoftonline.com/…/v2.0';
	}
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url)))
		return 'The issuer must start with https://';
	if (url.username || url.password) return 'The issuer must not contain a user name or password';
	if (url.search || url.hash) return 'The issuer must not have a ? or # part';
	return null;
}

/** Whether openid-client must be told to allow http for this issuer (loopback only). */
export function needsInsecureRequests(issuer: string): boolean {
	const url = new URL(issuer);
	return url.protocol === 'http:' && isLoopback(url);
}
