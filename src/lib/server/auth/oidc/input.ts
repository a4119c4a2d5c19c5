/** Parsing the council sign-in settings form and the "which council?" form on the sign-in page. */
import { z } from 'zod';
import type { NewAccountRole } from '../../db/schema';
import { isDomain, normaliseDomain } from './domains';
import { issuerProblem } from './issuer';

export const MAX_DOMAINS = 20;

/** A checkbox posts "on" when ticked and nothing at all otherwise. */
const checkbox = z.string().transform((v) => v === 'on');

const domainList = z
	.string()
	.transform((v) => [
		...new Set(
			v
				.split(/[\s,;]+/)
				.map(normaliseDomain)
				.filter(Boolean)
		)
	])
	.refine((v) => v.length > 0, 'Enter at least one email domain, like council.gov.uk')
	.refine((v) => v.length <= MAX_DOMAINS, `Enter ${MAX_DOMAINS} email domains or fewer`)
	.superRefine((v, ctx) => {
		const bad = v.find((d) => !isDomain(d));
		if (bad !== undefined)
			ctx.addIssue({
				code: 'custom',
				message: `“${bad.slice(0, 80)}” is not an email domain. Enter domains like council.gov.uk, one a line`
			});
	});

export const NEW_ACCOUNT_CHOICES = ['viewer', 'officer', 'refuse'] as const;

export const signInSettingsSchema = z
	.object({
		enabled: checkbox,
		issuer: z
			.string()
			.trim()
			.min(1, 'Enter the issuer URL of your identity provider')
			.max(500, 'The issuer URL must be 500 characters or fewer')
			.superRefine((v, ctx) => {
				const problem = issuerProblem(v);
				if (problem) ctx.addIssue({ code: 'custom', message: problem });
			}),
		clientId: z
			.string()
			.trim()
			.min(1, 'Enter the client ID (application ID) your identity provider gave Heard')
			.max(200, 'The client ID must be 200 characters or fewer')
			.regex(/^\S+$/, 'The client ID must not contain spaces'),
		// Blank keeps the saved secret; whether one is needed is for the service to say.
		clientSecret: z.string().trim().max(500, 'The client secret must be 500 characters or fewer'),
		domains: domainList,
		newAccounts: z.enum(NEW_ACCOUNT_CHOICES, {
			error: 'Choose what happens when someone without an account signs in'
		}),
		passwordSignIn: checkbox
	})
	.refine((v) => v.enabled || v.passwordSignIn, {
		path: ['passwordSignIn'],
		message: 'Keep password sign-in on while council sign-in is off, or nobody could sign in'
	})
	.transform(({ newAccounts, clientSecret, ...rest }) => ({
		...rest,
		clientSecret: clientSecret || null,
		newAccountRole: newAccounts === 'refuse' ? null : (newAccounts satisfies NewAccountRole)
	}));
export type SignInSettingsInput = z.infer<typeof signInSettingsSchema>;
export const SIGN_IN_SETTINGS_FIELDS = [
	'enabled',
	'issuer',
	'clientId',
	'clientSecret',
	'domains',
	'newAccounts',
	'passwordSignIn'
] as const;

/** The work email someone types to find their council's sign-in. */
export const councilEmailSchema = z.object({
	workEmail: z
		.string()
		.trim()
		.toLowerCase()
		.min(1, 'Enter your work email address')
		.max(254, 'Enter a shorter email address')
		.pipe(z.email('Enter your work email address in the correct format, like name@council.gov.uk'))
});
export const COUNCIL_EMAIL_FIELDS = ['workEmail'] as const;
