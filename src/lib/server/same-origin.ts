/**
 * Cross-site request forgery check for form posts. Every page sends `Referrer-Policy:
 * no-referrer`, and with that policy browsers post forms with `Origin: null`, which SvelteKit's
 * own origin check would refuse; svelte.config.js lets "null" past it and this check takes its
 * place. Browsers say where a request came from in `Sec-Fetch-Site` (Fetch Metadata), which the
 * referrer policy does not touch; clients without it must send our exact origin.
 */
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
const UNSAFE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'];

export function isForgedFormPost(request: Request, url: URL): boolean {
	const type = request.headers.get('content-type')?.split(';', 1)[0]?.trim().toLowerCase() ?? '';
	if (!UNSAFE_METHODS.includes(request.method) || !FORM_TYPES.includes(type)) return false;
	const site = request.headers.get('sec-fetch-site');
	if (site) return site !== 'same-origin';
	return request.headers.get('origin') !== url.origin;
}
