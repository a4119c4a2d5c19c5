/**
 * Why a council sign-in was refused: a fixed list, so the sign-in page shows only these words
 * (a reason arrives in its address and is never echoed as typed) and the audit log can be read.
 */
export const FAILURE_MESSAGES = {
	expired_flow:
		'Your sign-in took too long or was started in another browser or tab. Start again from this page',
	not_offered:
		'Council sign-in is not set up for that local area. Sign in with your password, or ask an admin in your local area',
	unreachable:
		'Your council’s sign-in service could not be reached. Try again in a few minutes, or ask an admin to check the council sign-in settings',
	provider_refused:
		'Your council’s sign-in service did not sign you in. Start again from this page',
	token_refused:
		'Your council’s sign-in service did not confirm the sign-in. Start again, or ask an admin to check the client ID and secret',
	state_mismatch:
		'This sign-in did not match the one started from this browser, so it was refused. Start again from this page',
	nonce_mismatch:
		'The answer from your council’s sign-in service did not match this sign-in, so it was refused. Start again from this page',
	id_token_expired:
		'The answer from your council’s sign-in service had expired. Start again; if it keeps happening, ask an admin to check the server’s clock',
	id_token_invalid:
		'The answer from your council’s sign-in service could not be checked, so it was refused. Ask an admin to check the council sign-in settings',
	no_email:
		'Your council account did not say what your email address is. Ask your council’s IT team to send the email claim to Heard',
	email_unverified:
		'Your council account’s email address is not marked as verified, so Heard cannot match it to an account. Ask your council’s IT team',
	domain_not_allowed:
		'Your council account’s email address is not in a domain this local area accepts. Ask an admin in your local area',
	other_area:
		'Your email address has an account in another local area. Sign in through that area’s link, or ask its admin',
	linked_to_other:
		'This Heard account is already linked to a different council account. Ask an admin in your local area',
	no_account:
		'You do not have a Heard account yet. Ask an admin in your local area to add you, then sign in again',
	disabled: 'This account is no longer active. Ask an admin in your local area to renew it',
	expired: 'This account is no longer active. Ask an admin in your local area to renew it'
} as const;

export type FailureReason = keyof typeof FAILURE_MESSAGES;

export function isFailureReason(value: string | null): value is FailureReason {
	return value !== null && Object.hasOwn(FAILURE_MESSAGES, value);
}
