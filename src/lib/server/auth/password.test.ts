import { describe, expect, it } from 'vitest';
import {
	generatePassword,
	hashPassword,
	passwordProblem,
	verifyDummyPassword,
	verifyPassword
} from './password';

describe('passwordProblem', () => {
	const email = 'sam.jones@council.example';

	it('accepts a long passphrase', () => {
		expect(passwordProblem('violet kettle harbour sprint', email)).toBeNull();
	});

	it('needs 12 characters or more and 256 or fewer', () => {
		expect(passwordProblem('Xk9#mQ2$vL7', email)).toBe('Password must be 12 characters or more');
		expect(passwordProblem('Xk9#mQ2$vL7!', email)).toBeNull();
		expect(passwordProblem('a b c d e f '.repeat(22), email)).toBe(
			'Password must be 256 characters or fewer'
		);
	});

	it('refuses very common passwords, also with digits and symbols stuck on', () => {
		for (const common of [
			'passwordpassword',
			'Password123456',
			'password1234!',
			'qwertyuiop123',
			'123456789012',
			'iloveyou2024!!',
			'Welcome12345',
			'aaaaaaaaaaaa',
			'abcabcabcabc'
		]) {
			expect(passwordProblem(common, email), common).toBe(
				'Password is too common. Try three or four random words together'
			);
		}
	});

	it('refuses a password that contains the email address’s local part, in any case', () => {
		expect(passwordProblem('my name is SAM.JONES ok', email)).toBe(
			'Password must not contain your email address'
		);
	});

	it('generates strong passwords that pass the policy', () => {
		const passwords = new Set(Array.from({ length: 50 }, () => generatePassword()));
		expect(passwords.size).toBe(50);
		for (const p of passwords) {
			expect(p).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{20}$/);
			expect(passwordProblem(p, email)).toBeNull();
		}
	});
});

describe('hashing', () => {
	it('uses argon2id and verifies only the right password', async () => {
		const hash = await hashPassword('violet kettle harbour sprint');
		expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(await verifyPassword(hash, 'violet kettle harbour sprint')).toBe(true);
		expect(await verifyPassword(hash, 'violet kettle harbour sprint ')).toBe(false);
	});

	it('the dummy check always fails', async () => {
		expect(await verifyDummyPassword('anything at all here')).toBe(false);
	});
});
