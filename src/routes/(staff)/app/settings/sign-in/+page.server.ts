import { error, fail } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { SIGN_IN_SETTINGS_FIELDS, signInSettingsSchema } from '$lib/server/auth/oidc/input';
import { redirectUri } from '$lib/server/auth/oidc/redirect-uri';
import { subjectOf } from '$lib/server/auth/oidc/repository';
import {
	getSignInSettings,
	removeSignInSettings,
	saveSignInSettings
} from '$lib/server/auth/oidc/settings';
import { getSettings } from '$lib/server/areas/service';
import { getDb } from '$lib/server/db';
import { parseForm } from '$lib/server/forms';

export const load = async ({ url }) => {
	const user = requireRole('admin');
	const db = getDb();
	const area = await getSettings(db, user.localAreaId);
	if (!area) error(404, 'Not found');
	const settings = await getSignInSettings(db, user.localAreaId);
	return {
		areaName: area.name,
		settings,
		redirectUri: redirectUri(url.origin),
		signInLink: new URL(`/login?area=${area.slug}`, url.origin).href,
		// Password sign-in can go only once this admin has signed in through the provider.
		signedInThroughProvider: settings
			? (await subjectOf(db, user.id, settings.issuer)) !== undefined
			: false
	};
};

export const actions = {
	save: async ({ request }) => {
		const user = requireRole('admin');
		const parsed = parseForm(
			signInSettingsSchema,
			await request.formData(),
			SIGN_IN_SETTINGS_FIELDS
		);
		// The secret is never sent back to the page, whatever happens.
		const values: Record<string, string> = { ...parsed.values, clientSecret: '' };
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values });
		const result = await saveSignInSettings(getDb(), user, parsed.data);
		if (!result.ok) return fail(400, { errors: result.errors, values });
		return { saved: 'Council sign-in settings saved' };
	},
	remove: async () => {
		const user = requireRole('admin');
		await removeSignInSettings(getDb(), user);
		return { saved: 'Council sign-in removed. Everyone in the area signs in with a password' };
	}
};
