/**
 * The authorisation code flow with PKCE (S256), state and nonce, through openid-client: the
 * request that sends someone to the provider, and the checks on the way back (state, issuer,
 * code exchange, the ID token's signature, issuer, audience, expiry and nonce). openid-client
 * does the checking; this module only names each refusal so people and the audit log see why.
 */
import * as client from 'openid-client';
import { identityFrom, type Identity } from './identity';
import type { FailureReason } from './reasons';

export const SCOPE = 'openid email profile';

export interface AuthorizationRequest {
	url: URL;
	state: string;
	nonce: string;
	codeVerifier: string;
}

export async function authorizationRequest(
	config: client.Configuration,
	options: { redirectUri: string }
): Promise<AuthorizationRequest> {
	const codeVerifier = client.randomPKCECodeVerifier();
	const state = client.randomState();
	const nonce = client.randomNonce();
	const parameters = {
		redirect_uri: options.redirectUri,
		scope: SCOPE,
		code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
		code_challenge_method: 'S256',
		state,
		nonce
	};
	return { url: client.buildAuthorizationUrl(config, parameters), state, nonce, codeVerifier };
}

export type CallbackOutcome =
	{ ok: true; identity: Identity } | { ok: false; reason: FailureReason };

interface Expected {
	state: string;
	nonce: string;
	codeVerifier: string;
}

/** The claim an openid-client check failed on, where it says ("nonce", "exp", …). */
function failedClaim(error: client.ClientError): unknown {
	const cause = error.cause as { cause?: { claim?: unknown } } | undefined;
	return cause?.cause?.claim;
}

function reasonFor(error: unknown): FailureReason {
	if (error instanceof client.AuthorizationResponseError) return 'provider_refused';
	if (error instanceof client.ResponseBodyError) return 'token_refused';
	if (error instanceof client.ClientError) {
		if (error.code === 'OAUTH_JWT_CLAIM_COMPARISON_FAILED' && failedClaim(error) === 'nonce')
			return 'nonce_mismatch';
		if (error.code === 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED' && failedClaim(error) === 'exp')
			return 'id_token_expired';
		return 'id_token_invalid';
	}
	// fetch's TypeError, a timeout's AbortError: the provider did not answer.
	return 'unreachable';
}

export async function redeemCallback(
	config: client.Configuration,
	callbackUrl: URL,
	expected: Expected
): Promise<CallbackOutcome> {
	// openid-client refuses a wrong state too; checking first only names the refusal.
	if (callbackUrl.searchParams.get('state') !== expected.state)
		return { ok: false, reason: 'state_mismatch' };
	try {
		const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
			pkceCodeVerifier: expected.codeVerifier,
			expectedState: expected.state,
			expectedNonce: expected.nonce,
			idTokenExpected: true
		});
		const claims = tokens.claims();
		if (!claims) return { ok: false, reason: 'id_token_invalid' };
		const userInfo =
			typeof claims.email === 'string'
				? undefined
				: await client.fetchUserInfo(config, tokens.access_token, claims.sub);
		return { ok: true, identity: identityFrom(config.serverMetadata().issuer, claims, userInfo) };
	} catch (error) {
		return { ok: false, reason: reasonFor(error) };
	}
}
