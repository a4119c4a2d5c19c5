// See https://svelte.dev/docs/kit/types#app.d.ts
import type { SessionUser, SessionRecord } from '$lib/server/auth/session';
import type { Language } from '$lib/i18n';
import type { Questionnaire } from '$lib/server/responses/service';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			session: SessionRecord | null;
			/** The page's language: a questionnaire's pages set it to the family's choice. */
			language: Language;
			/** A questionnaire's pages: it, loaded once for the layout and the page together. */
			questionnaire?: Promise<Questionnaire | undefined>;
		}
	}
}

export {};
