/**
 * A real OpenID Connect provider for the council sign-in tests: panva's oidc-provider on
 * 127.0.0.1 at a free port, with one client registered for Heard's callback and its development
 * sign-in page (any login, any password: the login names the test account). Test code may make
 * it misbehave the way a broken or hostile provider would, such as issuing already-expired ID
 * tokens; Heard's own code is never changed for a test.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';
import type { Page } from '@playwright/test';

export interface TestAccount {
	email: string;
	emailVerified?: boolean;
	name?: string;
}

export interface TestProvider {
	issuer: string;
	clientId: string;
	clientSecret: string;
	/** Accounts by login (also their subject). An unknown login has no email. */
	accounts: Map<string, TestAccount>;
	/** Seconds an ID token is valid for; negative issues tokens that have already expired. */
	setIdTokenLifetime(seconds: number): void;
	stop(): Promise<void>;
}

export async function startTestProvider(redirectUri: string): Promise<TestProvider> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const clientId = 'heard-e2e';
	const clientSecret = randomBytes(24).toString('base64url');
	const accounts = new Map<string, TestAccount>();
	let idTokenLifetime = 600;

	const provider = new Provider(issuer, {
		clients: [
			{
				client_id: clientId,
				client_secret: clientSecret,
				redirect_uris: [redirectUri],
				response_types: ['code'],
				grant_types: ['authorization_code'],
				token_endpoint_auth_method: 'client_secret_basic'
			}
		],
		claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
		pkce: { required: () => true, methods: ['S256'] },
		cookies: { keys: [randomBytes(16).toString('hex')] },
		ttl: { IdToken: () => idTokenLifetime },
		async findAccount(_ctx: KoaContextWithOIDC, id: string) {
			const account = accounts.get(id);
			return {
				accountId: id,
				async claims() {
					if (!account) return { sub: id };
					return {
						sub: id,
						email: account.email,
						email_verified: account.emailVerified ?? true,
						name: account.name ?? id
					};
				}
			};
		},
		// A first-party client: grant the scopes without a consent screen.
		async loadExistingGrant(ctx: KoaContextWithOIDC) {
			const oidc = ctx.oidc;
			const grantId =
				oidc.result?.consent?.grantId || oidc.session!.grantIdFor(oidc.client!.clientId);
			if (grantId) return oidc.provider.Grant.find(grantId);
			const grant = new oidc.provider.Grant({
				clientId: oidc.client!.clientId,
				accountId: oidc.session!.accountId!
			});
			grant.addOIDCScope('openid email profile');
			await grant.save();
			return grant;
		}
	});
	server.on('request', provider.callback());

	return {
		issuer,
		clientId,
		clientSecret,
		accounts,
		setIdTokenLifetime(seconds) {
			idTokenLifetime = seconds;
		},
		stop: () =>
			new Promise<void>((resolve, reject) =>
				server.close((error) => (error ? reject(error) : resolve()))
			)
	};
}

/** Signs in on the provider's development page as one of its test accounts. */
export async function signInAtProvider(page: Page, login: string): Promise<void> {
	await page.getByPlaceholder('Enter any login').fill(login);
	await page.getByPlaceholder('and password').fill('any password');
	await page.getByRole('button', { name: 'Sign-in' }).click();
}
