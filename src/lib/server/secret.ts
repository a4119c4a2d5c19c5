/**
 * The server secret: 32 random bytes that live beside the database, never in it. A copy of the
 * database alone then cannot be swept for access codes (they are stored as keyed hashes), cannot
 * open sealed data (responses waiting to be released, identity-provider client secrets), and
 * cannot forge limiter keys.
 *
 * Where it comes from, in order: `HEARD_SECRET` (base64 or hex of at least 32 bytes), the file
 * named by `HEARD_SECRET_FILE`, or `data/heard.secret`, which is made on first start when it
 * does not exist. Several instances must share one secret: give each the same `HEARD_SECRET`
 * (or the same file). `checkSecret` refuses to start an instance whose secret is not the one the
 * database was set up with, since its codes would all look unknown.
 *
 * Each use derives its own key (HKDF with a purpose label), so no two uses share a key.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export const DEFAULT_SECRET_FILE = 'data/heard.secret';
const MIN_SECRET_BYTES = 32;

/** What a derived key is for. A new use gets a new label, never a shared one. */
export type Purpose = 'access-code' | 'seal' | 'limiter' | 'check';

let secret: Buffer | undefined;

function decodeSecret(text: string, from: string): Buffer {
	const trimmed = text.trim();
	const bytes = /^[0-9a-f]+$/i.test(trimmed)
		? Buffer.from(trimmed, 'hex')
		: Buffer.from(trimmed, 'base64');
	if (bytes.length < MIN_SECRET_BYTES) {
		throw new Error(
			`${from} must hold at least ${MIN_SECRET_BYTES} random bytes, as hex or base64 (make one with: openssl rand -base64 32)`
		);
	}
	return bytes;
}

/** Reads (or, the first time, makes) the secret. */
export function loadSecret(
	env: Record<string, string | undefined> = process.env,
	defaultFile = DEFAULT_SECRET_FILE
): Buffer {
	if (env.HEARD_SECRET) return decodeSecret(env.HEARD_SECRET, 'HEARD_SECRET');
	const file = env.HEARD_SECRET_FILE || defaultFile;
	if (existsSync(file)) return decodeSecret(readFileSync(file, 'utf8'), file);
	if (env.HEARD_SECRET_FILE)
		throw new Error(`HEARD_SECRET_FILE names ${file}, which does not exist`);
	mkdirSync(dirname(file), { recursive: true });
	const made = randomBytes(MIN_SECRET_BYTES);
	// wx: never overwrite a secret another process made a moment ago.
	try {
		writeFileSync(file, `${made.toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
		chmodSync(file, 0o600);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		return decodeSecret(readFileSync(file, 'utf8'), file);
	}
	return made;
}

function serverSecret(): Buffer {
	secret ??= loadSecret();
	return secret;
}

const derived = new Map<Purpose, Buffer>();

function keyFor(purpose: Purpose): Buffer {
	let key = derived.get(purpose);
	if (!key) {
		key = Buffer.from(hkdfSync('sha256', serverSecret(), 'heard', `heard:${purpose}`, 32));
		derived.set(purpose, key);
	}
	return key;
}

/** HMAC-SHA-256 under the purpose's key, hex: a hash nobody without the secret can recompute. */
export function keyedHash(purpose: Purpose, data: string): string {
	return createHmac('sha256', keyFor(purpose)).update(data, 'utf8').digest('hex');
}

/**
 * Encrypts with AES-256-GCM: nonce, tag and text, base64url. `context` is bound to the text
 * (authenticated, not stored), so a sealed value moved to another row or use will not open.
 */
export function sealWithKey(key: Uint8Array, plaintext: string, context: string): string {
	const iv = randomBytes(12);
	const cipher = createCipheriv('aes-256-gcm', key, iv);
	cipher.setAAD(Buffer.from(context, 'utf8'));
	const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
	return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** Opens what `sealWithKey` made with the same key and context; throws otherwise. */
export function unsealWithKey(key: Uint8Array, sealed: string, context: string): string {
	const bytes = Buffer.from(sealed, 'base64url');
	const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
	decipher.setAAD(Buffer.from(context, 'utf8'));
	decipher.setAuthTag(bytes.subarray(12, 28));
	return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
}

/** Seals under the server's own key: only an instance holding the secret can open it. */
export function seal(plaintext: string, context: string): string {
	return sealWithKey(keyFor('seal'), plaintext, context);
}

export function unseal(sealed: string, context: string): string {
	return unsealWithKey(keyFor('seal'), sealed, context);
}

/** A value that shows which secret made it without revealing the secret. */
export function secretFingerprint(): string {
	return keyedHash('check', 'heard-secret-fingerprint');
}
