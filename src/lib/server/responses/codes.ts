/**
 * Access codes: short, single-use, printed on letters. Only a keyed hash is stored (HMAC under
 * the server secret, which is not in the database), so a copy of the database can neither be
 * used to answer as a family nor be swept for codes: 50 bits hashed plainly would fall to a
 * search, keyed they cannot be tried without the secret. Crockford's base-32 alphabet: no I, L, O or U,
 * and what people type for them (O for 0, I or L for 1) is read as meant, so codes read aloud or
 * typed from paper work first time.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { keyedHash } from '../secret';

export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 10;

/** A new random code (50 bits), grouped for reading: "K7QM2-XRT9H". */
export function generateCode(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(CODE_LENGTH));
	// 256 is a multiple of 32, so every character is equally likely.
	return formatCode([...bytes].map((b) => CODE_ALPHABET[b % 32]).join(''));
}

/** What a family typed → the code: case, spaces and dashes ignored, look-alikes mapped. */
export function normaliseCode(input: string): string {
	return input
		.toUpperCase()
		.replace(/[\s\-‐‑–—_.]/g, '')
		.replace(/O/g, '0')
		.replace(/[IL]/g, '1');
}

export function formatCode(normalised: string): string {
	return `${normalised.slice(0, 5)}-${normalised.slice(5)}`;
}

/** Could this be a code at all? (Says nothing about whether it exists.) */
export function isWellFormedCode(normalised: string): boolean {
	return (
		normalised.length === CODE_LENGTH && [...normalised].every((c) => CODE_ALPHABET.includes(c))
	);
}

/**
 * The stored form of a code. The keyed hash is taken over the code's SHA-256 rather than the code
 * itself so that codes stored by earlier versions (plain SHA-256) can be keyed in place.
 */
export function hashCode(normalised: string): string {
	return keyCodeDigest(encodeHexLowerCase(sha256(new TextEncoder().encode(normalised))));
}

/** Keys a plain SHA-256 digest of a code (hex) as `hashCode` would. */
export function keyCodeDigest(digest: string): string {
	return keyedHash('access-code', digest);
}
