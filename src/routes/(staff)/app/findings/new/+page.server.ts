import { fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { FINDING_FIELDS, findingSchema } from '$lib/server/areas/input';
import { listInspections } from '$lib/server/areas/repository';
import { addFinding } from '$lib/server/areas/service';
import { THEMES } from '$lib/server/areas/themes';
import { getDb } from '$lib/server/db';
import { parseForm } from '$lib/server/forms';
import { inspectionKindLabel } from '$lib/components/staff/labels';

export const load = async ({ url }) => {
	const user = requireRole('officer');
	const inspections = await listInspections(getDb(), user.localAreaId);
	return {
		inspections: inspections.map((i) => ({
			value: i.id,
			label: `${inspectionKindLabel(i.kind)}${i.startsOn ? `, ${i.startsOn}` : ''}`
		})),
		themes: THEMES.map((t) => ({ value: t.code, label: t.title })),
		inspectionId: url.searchParams.get('inspection') ?? inspections.at(-1)?.id ?? ''
	};
};

export const actions = {
	default: async ({ request }) => {
		const user = requireRole('officer');
		const parsed = parseForm(findingSchema, await request.formData(), FINDING_FIELDS);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		const result = await addFinding(getDb(), user, parsed.data);
		if (!result.ok) return fail(400, { errors: result.errors, values: parsed.values });
		redirect(303, `/app/findings#finding-${result.finding.id}`);
	}
};
