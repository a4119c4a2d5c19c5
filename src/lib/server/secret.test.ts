import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyedHash, loadSecret, seal, unseal } from './secret';

describe('the server secret', () => {
	it('is made once, readable only by its owner, and read back the same', () => {
		const file = join(mkdtempSync(join(tmpdir(), 'heard-secret-')), 'data', 'heard.secret');
		const made = loadSecret({}, file);
		expect(made.length).toBe(32);
		expect(statSync(file).mode & 0o777).toBe(0o600);
		expect(loadSecret({}, file).equals(made)).toBe(true);
		expect(loadSecret({ HEARD_SECRET_FILE: file }).equals(made)).toBe(true);
		expect(readFileSync(file, 'utf8').trim()).toBe(made.toString('base64'));
	});

	it('never makes a file it was told to read', () => {
		const file = join(mkdtempSync(join(tmpdir(), 'heard-secret-')), 'missing.secret');
		expect(() => loadSecret({ HEARD_SECRET_FILE: file })).toThrow(/does not exist/);
	});

	it('refuses a secret that is too short', () => {
		expect(() => loadSecret({ HEARD_SECRET: 'abcd' })).toThrow(/at least 32 random bytes/);
	});

	it('keys hashes so that a plain hash of the same input does not match', () => {
		expect(keyedHash('access-code', 'K7QM2XRT9H')).toMatch(/^[0-9a-f]{64}$/);
		expect(keyedHash('access-code', 'K7QM2XRT9H')).not.toBe(keyedHash('limiter', 'K7QM2XRT9H'));
	});

	it('seals so that only this secret opens it, and any change is refused', () => {
		const sealed = seal('{"a":["yes"]}', 'survey-1');
		expect(sealed).not.toContain('yes');
		expect(unseal(sealed, 'survey-1')).toBe('{"a":["yes"]}');
		// One bit of the encrypted text flipped (editing the base64 text could touch only padding).
		const bytes = Buffer.from(sealed, 'base64url');
		bytes[bytes.length - 1]! ^= 1;
		const altered = bytes.toString('base64url');
		expect(() => unseal(altered, 'survey-1')).toThrow();
		// Moved to another questionnaire's row, it does not open either.
		expect(() => unseal(sealed, 'survey-2')).toThrow();
	});
});
