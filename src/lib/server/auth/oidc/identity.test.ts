import { describe, expect, it } from 'vitest';
import { identityFrom } from './identity';

const ISSUER = 'https://idp.example';

describe('identityFrom', () => {
	it('reads subject, email (lower-cased), verification and name from the ID token', () => {
		expect(
			identityFrom(ISSUER, {
				sub: 'abc',
				email: 'Sam@Council.example',
				email_verified: true,
				name: 'Sam Jones'
			})
		).toEqual({
			issuer: ISSUER,
			subject: 'abc',
			email: 'sam@council.example',
			emailVerified: true,
			name: 'Sam Jones'
		});
	});

	it('counts only a real true as verified', () => {
		for (const email_verified of ['true', 1, undefined, false, null]) {
			const identity = identityFrom(ISSUER, { sub: 'abc', email: 'a@b.example', email_verified });
			expect(identity.emailVerified, String(email_verified)).toBe(false);
		}
	});

	it('takes Entra ID’s xms_edov (the tenant owns the domain) as verified', () => {
		expect(
			identityFrom(ISSUER, { sub: 'a', email: 'a@b.example', xms_edov: true }).emailVerified
		).toBe(true);
		expect(
			identityFrom(ISSUER, { sub: 'a', email: 'a@b.example', xms_edov: 'true' }).emailVerified
		).toBe(false);
	});

	it('reads email and verification together from UserInfo when the ID token has no email', () => {
		const identity = identityFrom(
			ISSUER,
			{ sub: 'abc', email_verified: true },
			{
				sub: 'abc',
				email: 'sam@council.example',
				email_verified: false,
				given_name: 'Sam',
				family_name: 'Jones'
			}
		);
		expect(identity).toMatchObject({
			email: 'sam@council.example',
			emailVerified: false,
			name: 'Sam Jones'
		});
	});

	it('has no email or name when neither says one', () => {
		expect(identityFrom(ISSUER, { sub: 'abc' }, { sub: 'abc' })).toMatchObject({
			email: null,
			emailVerified: false,
			name: null
		});
	});
});
