import { error, fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { FINDING_FIELDS, findingSchema } from '$lib/server/areas/input';
import { countFindingLinks, getFinding, listInspections } from '$lib/server/areas/repository';
import { editFinding, removeFinding, setFindingArchived } from '$lib/server/areas/service';
import { THEMES } from '$lib/server/areas/themes';
import { getDb } from '$lib/server/db';
import { parseForm } from '$lib/server/forms';
import { inspectionKindLabel } from '$lib/components/staff/labels';

export const load = async ({ params }) => {
	const user = requireRole('officer');
	const db = getDb();
	const finding = await getFinding(db, user.localAreaId, params.finding);
	if (!finding) error(404, 'Not found');
	const inspections = await listInspections(db, user.localAreaId);
	return {
		finding,
		links: await countFindingLinks(db, finding.id),
		inspections: inspections.map((i) => ({
			value: i.id,
			label: `${inspectionKindLabel(i.kind)}${i.startsOn ? `, ${i.startsOn}` : ''}`
		})),
		themes: THEMES.map((t) => ({ value: t.code, label: t.title }))
	};
};

export const actions = {
	save: async ({ request, params }) => {
		const user = requireRole('officer');
		// Another area's finding is "not found" before anything about the form is said.
		if (!(await getFinding(getDb(), user.localAreaId, params.finding))) error(404, 'Not found');
		const parsed = parseForm(findingSchema, await request.formData(), FINDING_FIELDS);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		const result = await editFinding(getDb(), user, params.finding, parsed.data);
		if (!result) error(404, 'Not found');
		if (!result.ok) return fail(400, { errors: result.errors, values: parsed.values });
		return { saved: true };
	},
	archive: async ({ params }) => {
		const user = requireRole('officer');
		if (!(await setFindingArchived(getDb(), user, params.finding, true))) error(404, 'Not found');
		return { archived: true };
	},
	unarchive: async ({ params }) => {
		const user = requireRole('officer');
		if (!(await setFindingArchived(getDb(), user, params.finding, false))) error(404, 'Not found');
		return { unarchived: true };
	},
	delete: async ({ params }) => {
		const user = requireRole('officer');
		const result = await removeFinding(getDb(), user, params.finding);
		if (!result) error(404, 'Not found');
		if (!result.ok) return fail(409, { errors: result.errors });
		redirect(303, '/app/findings');
	}
};
