import { hash, verify } from '@node-rs/argon2';
import { COMMON_PASSWORDS } from './common-passwords';

// OWASP's argon2id minimum (19 MiB, 2 passes): strong, yet quick enough on a 2-core server.
const options = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 };

export const MIN_PASSWORD_LENGTH = 12;
/** Long passphrases are welcome; the cap only stops a megabyte "password" tying up argon2. */
export const MAX_PASSWORD_LENGTH = 256;

export async function hashPassword(password: string): Promise<string> {
	return hash(password, options);
}

/** Whether the password is right. An account with no password (identity provider only) never matches. */
export async function verifyPassword(
	passwordHash: string | null,
	password: string
): Promise<boolean> {
	if (passwordHash === null) return verifyDummyPassword(password);
	return verify(passwordHash, password);
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as a real check and always fails. Used when the email is unknown, so how
 * long a refusal takes does not tell anyone whether an account exists.
 */
export async function verifyDummyPassword(password: string): Promise<false> {
	dummyHash ??= hashPassword(crypto.randomUUID());
	await verify(await dummyHash, password);
	return false;
}

const COMMON = new Set(COMMON_PASSWORDS);

function isCommon(password: string): boolean {
	const lower = password.toLowerCase();
	// "Password2024!" is "password" with the usual decorations: strip digits and symbols at the ends.
	const core = lower.replace(/^[\d\W_]+/, '').replace(/[\d\W_]+$/, '');
	if (COMMON.has(lower) || COMMON.has(core)) return true;
	// One short unit repeated ("aaaaaaaaaaaa", "abcabcabcabc", "passwordpassword").
	const unit = /^(.{1,8}?)\1+$/.exec(lower)?.[1];
	if (unit !== undefined && (unit.length <= 4 || COMMON.has(unit))) return true;
	// Runs along the digits or the keyboard ("123456789012", "qwertyuiopas").
	const runs = ['01234567890123456789', 'qwertyuiopasdfghjklzxcvbnm', 'abcdefghijklmnopqrstuvwxyz'];
	return runs.some((run) => run.includes(lower) || [...run].reverse().join('').includes(lower));
}

/**
 * What is wrong with a new password, as a message for the person choosing it, or null if it will
 * do. Follows NCSC and NIST advice: length over complexity, and no well-known passwords.
 */
export function passwordProblem(password: string, email: string): string | null {
	if (password.length < MIN_PASSWORD_LENGTH)
		return `Password must be ${MIN_PASSWORD_LENGTH} characters or more`;
	if (password.length > MAX_PASSWORD_LENGTH)
		return `Password must be ${MAX_PASSWORD_LENGTH} characters or fewer`;
	const localPart = email.split('@')[0]?.toLowerCase() ?? '';
	if (localPart.length >= 3 && password.toLowerCase().includes(localPart))
		return 'Password must not contain your email address';
	if (isCommon(password)) return 'Password is too common. Try three or four random words together';
	return null;
}

/** A strong password for someone else to change later: 20 characters from a 56-letter alphabet. */
export function generatePassword(): string {
	// No 0/O, 1/l/I: it may be read out over the phone or copied from paper.
	const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
	const bytes = crypto.getRandomValues(new Uint8Array(40));
	let out = '';
	// Rejection sampling keeps every letter equally likely (256 is not a multiple of 56).
	for (const b of bytes) {
		if (b >= 224) continue;
		out += alphabet[b % alphabet.length];
		if (out.length === 20) break;
	}
	return out.length === 20 ? out : generatePassword();
}
