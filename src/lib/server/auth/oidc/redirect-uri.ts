/**
 * Where the provider sends people back to, which the admin registers with the provider (the
 * settings page shows it). The route under src/routes/(auth)/login/oidc/callback serves it.
 */
export const CALLBACK_PATH = '/login/oidc/callback';

export function redirectUri(origin: string): string {
	return new URL(CALLBACK_PATH, origin).href;
}
