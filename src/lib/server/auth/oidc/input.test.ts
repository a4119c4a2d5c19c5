import { describe, expect, it } from 'vitest';
import { errorsOf } from '../../forms';
import { councilEmailSchema, signInSettingsSchema } from './input';

const good = {
	enabled: 'on',
	issuer: 'https://login.microsoftonline.com/2f0a7c3e-0000-4000-8000-000000000000/v2.0',
	clientId: '6731de76-14a6-49ae-97bc-6eba6914391e',
	clientSecret: ' s3cret~value ',
	domains: '@Lancashire.gov.uk\nlancashire.gov.uk\n\n nhs.net, lscft.nhs.uk ',
	newAccounts: 'viewer',
	passwordSignIn: 'on'
};

function errorsFor(values: Record<string, string>) {
	const result = signInSettingsSchema.safeParse(values);
	return result.success ? {} : errorsOf(result.error);
}

describe('council sign-in settings form', () => {
	it('parses good settings: domains normalised and deduplicated, secret trimmed', () => {
		expect(signInSettingsSchema.parse(good)).toEqual({
			enabled: true,
			issuer: good.issuer,
			clientId: good.clientId,
			clientSecret: 's3cret~value',
			domains: ['lancashire.gov.uk', 'nhs.net', 'lscft.nhs.uk'],
			newAccountRole: 'viewer',
			passwordSignIn: true
		});
	});

	it('reads unticked boxes, a blank secret and "refuse"', () => {
		const parsed = signInSettingsSchema.parse({
			...good,
			enabled: '',
			clientSecret: '  ',
			newAccounts: 'refuse'
		});
		expect(parsed).toMatchObject({ enabled: false, clientSecret: null, newAccountRole: null });
	});

	it('never makes new accounts admins (or inspectors, or anything unknown)', () => {
		for (const newAccounts of ['admin', 'inspector', 'partner', '']) {
			expect(errorsFor({ ...good, newAccounts }), newAccounts).toEqual({
				newAccounts: 'Choose what happens when someone without an account signs in'
			});
		}
	});

	it('wants an https issuer, allowing plain http only on this machine', () => {
		expect(errorsFor({ ...good, issuer: 'http://login.example.com' })).toEqual({
			issuer: 'The issuer must start with https://'
		});
		expect(errorsFor({ ...good, issuer: 'login.microsoftonline.com' }).issuer).toMatch(
			/^Enter the issuer as a full web address/
		);
		expect(errorsFor({ ...good, issuer: 'https://idp.example/?tenant=1' })).toEqual({
			issuer: 'The issuer must not have a ? or # part'
		});
		expect(errorsFor({ ...good, issuer: 'https://user:pw@idp.example' })).toEqual({
			issuer: 'The issuer must not contain a user name or password'
		});
		expect(errorsFor({ ...good, issuer: 'ftp://idp.example' }).issuer).toBe(
			'The issuer must start with https://'
		);
		for (const local of ['http://127.0.0.1:4000', 'http://localhost:8080/realms/x'])
			expect(errorsFor({ ...good, issuer: local }), local).toEqual({});
	});

	it('says what is missing or wrong, field by field', () => {
		expect(errorsFor({ ...good, issuer: '', clientId: 'has space', domains: ' \n ' })).toEqual({
			issuer: 'Enter the issuer URL of your identity provider',
			clientId: 'The client ID must not contain spaces',
			domains: 'Enter at least one email domain, like council.gov.uk'
		});
		expect(errorsFor({ ...good, domains: 'lancashire.gov.uk\n*.nhs.uk' })).toEqual({
			domains: '“*.nhs.uk” is not an email domain. Enter domains like council.gov.uk, one a line'
		});
		const many = Array.from({ length: 21 }, (_, i) => `d${i}.example`).join('\n');
		expect(errorsFor({ ...good, domains: many })).toEqual({
			domains: 'Enter 20 email domains or fewer'
		});
	});

	it('refuses turning both ways of signing in off', () => {
		expect(errorsFor({ ...good, enabled: '', passwordSignIn: '' })).toEqual({
			passwordSignIn:
				'Keep password sign-in on while council sign-in is off, or nobody could sign in'
		});
		expect(errorsFor({ ...good, passwordSignIn: '' })).toEqual({});
	});
});

describe('work email form', () => {
	it('takes a work email, lower-cased', () => {
		expect(councilEmailSchema.parse({ workEmail: ' Sam@Lancashire.GOV.uk ' })).toEqual({
			workEmail: 'sam@lancashire.gov.uk'
		});
		expect(councilEmailSchema.safeParse({ workEmail: 'not an email' }).success).toBe(false);
	});
});
