// See https://svelte.dev/docs/kit/types#app.d.ts
import type { SessionUser, SessionRecord } from '$lib/server/auth/session';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			session: SessionRecord | null;
		}
	}
}

export {};
