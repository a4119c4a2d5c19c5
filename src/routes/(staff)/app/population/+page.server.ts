import { error, fail } from '@sveltejs/kit';
import { getSettings } from '$lib/server/areas/service';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { parseForm } from '$lib/server/forms';
import {
	CONFIRM_FIELDS,
	IMPORT_FIELDS,
	POPULATION_FIELDS,
	confirmSchema,
	importSchema,
	populationSchema,
	readUpload
} from '$lib/server/population/input';
import { MARGINS } from '$lib/server/population/margins';
import {
	confirmImport,
	populationView,
	previewImport,
	savePopulation
} from '$lib/server/population/service';

export const load = async () => {
	const user = requireRole('officer');
	const db = getDb();
	const settings = await getSettings(db, user.localAreaId);
	if (!settings) error(404, 'Not found');
	return {
		areaName: settings.name,
		population: await populationView(db, user.localAreaId),
		margins: MARGINS
	};
};

export const actions = {
	save: async ({ request }) => {
		const user = requireRole('officer');
		const parsed = parseForm(populationSchema, await request.formData(), POPULATION_FIELDS);
		if (!parsed.ok)
			return fail(400, { form: 'save', errors: parsed.errors, values: parsed.values });
		const { changed } = await savePopulation(getDb(), user, parsed.data);
		return { form: 'save', saved: changed };
	},
	preview: async ({ request }) => {
		const user = requireRole('officer');
		const form = await request.formData();
		const parsed = parseForm(importSchema, form, IMPORT_FIELDS);
		const upload = await readUpload(form);
		if (!parsed.ok || !upload.ok) {
			const errors = { ...(parsed.ok ? {} : parsed.errors), ...(upload.ok ? {} : upload.errors) };
			return fail(400, { form: 'import', errors, values: parsed.values, problems: [] });
		}
		const preview = previewImport(user, upload.text, parsed.data.localAuthority);
		if (!preview.ok) {
			return fail(400, {
				form: 'import',
				errors: { file: 'The file cannot be imported: see the problems listed' },
				values: parsed.values,
				problems: preview.errors
			});
		}
		return { form: 'import', preview: preview.value, token: preview.token, values: parsed.values };
	},
	confirm: async ({ request }) => {
		const user = requireRole('officer');
		const parsed = parseForm(confirmSchema, await request.formData(), CONFIRM_FIELDS);
		if (!parsed.ok)
			return fail(400, { form: 'import', errors: { file: 'Import the file again' }, problems: [] });
		const outcome = await confirmImport(getDb(), user, parsed.data.token);
		if (!outcome.ok)
			return fail(400, { form: 'import', errors: { file: outcome.errors[0]! }, problems: [] });
		return { form: 'import', imported: outcome.value.detail };
	}
};
