// See https://svelte.dev/docs/kit/types#app.d.ts
import type { SessionUser, SessionRecord } from '$lib/server/auth/session';
import type { Language } from '$lib/i18n';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			session: SessionRecord | null;
			/** The page's language: a questionnaire's pages set it to the family's choice. */
			language: Language;
		}
	}
}

export {};
