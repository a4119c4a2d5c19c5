/** Parsing the sign-in and account forms. Passwords are never shown back to anyone. */
import { z } from 'zod';
import { MAX_PASSWORD_LENGTH } from './password';

export const signInSchema = z.object({
	email: z
		.string()
		.trim()
		.min(1, 'Enter your email address')
		.max(320, 'Enter a shorter email address'),
	// Checked against the hash only; a cap stops a huge post tying up argon2.
	password: z
		.string()
		.min(1, 'Enter your password')
		.max(MAX_PASSWORD_LENGTH, 'Enter a correct email address and password')
});
export const SIGN_IN_FIELDS = ['email', 'password'] as const;

export const changePasswordSchema = z
	.object({
		current: z.string().min(1, 'Enter your current password'),
		password: z.string().min(1, 'Enter a new password'),
		confirm: z.string()
	})
	.refine((v) => v.password === v.confirm, {
		path: ['confirm'],
		message: 'The new passwords do not match'
	});
export const CHANGE_PASSWORD_FIELDS = ['current', 'password', 'confirm'] as const;

/**
 * Where to go after signing in: only a path on this site. Anything else ("//evil.example",
 * "https://…", "/\\evil") falls back to the workspace, so the link cannot send people elsewhere.
 */
export function safeNext(next: string | null | undefined, fallback = '/app'): string {
	if (!next || !next.startsWith('/') || next.startsWith('//') || next.includes('\\'))
		return fallback;
	const base = 'http://heard.invalid';
	let url: URL;
	try {
		url = new URL(next, base);
	} catch {
		return fallback;
	}
	if (url.origin !== base) return fallback;
	return url.pathname + url.search + url.hash;
}
