import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

/** A random id (80 bits, 16 characters). Never sequential, so ids say nothing about order. */
export function newId(): string {
	const bytes = new Uint8Array(10);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}
