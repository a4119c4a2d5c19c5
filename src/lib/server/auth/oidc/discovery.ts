/**
 * Provider metadata (the discovery document and the client), cached per area for a few minutes
 * so a sign-in does not fetch it twice. It is not security state: each instance keeps its own
 * copy, and the key holds the settings' version, so an admin's change is seen at once here and
 * within the cache time everywhere else. Failures are not cached.
 */
import * as client from 'openid-client';
import { needsInsecureRequests } from './issuer';
import type { ProviderSettings } from './provider';

const CACHE_MS = 5 * 60 * 1000;
const MAX_ENTRIES = 500;
/** Seconds openid-client waits for the provider on any one request. */
const TIMEOUT_SECONDS = 10;

const cache = new Map<string, { config: Promise<client.Configuration>; until: number }>();

function prune(now: number) {
	for (const [key, entry] of cache) if (entry.until <= now) cache.delete(key);
	// Still full (many areas, or edits in a burst): drop the oldest.
	while (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
}

function discover(provider: ProviderSettings): Promise<client.Configuration> {
	return client.discovery(
		new URL(provider.issuer),
		provider.clientId,
		undefined,
		// client_secret_basic: the OpenID Connect default, which Entra ID and Google accept.
		client.ClientSecretBasic(provider.clientSecret),
		{
			execute: needsInsecureRequests(provider.issuer) ? [client.allowInsecureRequests] : [],
			timeout: TIMEOUT_SECONDS
		}
	);
}

export function providerConfiguration(
	provider: ProviderSettings,
	now = Date.now()
): Promise<client.Configuration> {
	const key = `${provider.localAreaId}\n${provider.version}`;
	const hit = cache.get(key);
	if (hit && hit.until > now) return hit.config;
	prune(now);
	const config = discover(provider);
	cache.set(key, { config, until: now + CACHE_MS });
	config.catch(() => {
		if (cache.get(key)?.config === config) cache.delete(key);
	});
	return config;
}
