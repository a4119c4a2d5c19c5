import { error, fail } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import {
	MIN_BASE_FLOOR,
	MIN_COUNT_FLOOR,
	SETTINGS_FIELDS,
	settingsSchema
} from '$lib/server/areas/input';
import { getSettings, updateSettings } from '$lib/server/areas/service';
import { getDb } from '$lib/server/db';
import { parseForm } from '$lib/server/forms';

export const load = async () => {
	const user = requireRole('admin');
	const settings = await getSettings(getDb(), user.localAreaId);
	if (!settings) error(404, 'Not found');
	return { settings, floors: { minBase: MIN_BASE_FLOOR, minCount: MIN_COUNT_FLOOR } };
};

export const actions = {
	default: async ({ request }) => {
		const user = requireRole('admin');
		const parsed = parseForm(settingsSchema, await request.formData(), SETTINGS_FIELDS);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		if (!(await updateSettings(getDb(), user, parsed.data))) error(404, 'Not found');
		return { saved: true };
	}
};
