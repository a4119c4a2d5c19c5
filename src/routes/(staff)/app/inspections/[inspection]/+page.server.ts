import { error, fail } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { INSPECTION_FIELDS, inspectionSchema } from '$lib/server/areas/input';
import { getInspection, listFindingsOfInspection } from '$lib/server/areas/repository';
import { editInspection, setInspectionArchived } from '$lib/server/areas/service';
import { getDb } from '$lib/server/db';
import { parseForm } from '$lib/server/forms';

export const load = async ({ params }) => {
	const user = requireRole('officer');
	const db = getDb();
	const inspection = await getInspection(db, user.localAreaId, params.inspection);
	if (!inspection) error(404, 'Not found');
	const findings = await listFindingsOfInspection(db, user.localAreaId, inspection.id);
	return { inspection, findingCount: findings.length };
};

export const actions = {
	save: async ({ request, params }) => {
		const user = requireRole('officer');
		// Another area's inspection is "not found" before anything about the form is said.
		if (!(await getInspection(getDb(), user.localAreaId, params.inspection)))
			error(404, 'Not found');
		const parsed = parseForm(inspectionSchema, await request.formData(), INSPECTION_FIELDS);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		if (!(await editInspection(getDb(), user, params.inspection, parsed.data)))
			error(404, 'Not found');
		return { saved: true };
	},
	archive: async ({ params }) => {
		const user = requireRole('officer');
		if (!(await setInspectionArchived(getDb(), user, params.inspection, true)))
			error(404, 'Not found');
		return { archived: true };
	},
	unarchive: async ({ params }) => {
		const user = requireRole('officer');
		if (!(await setInspectionArchived(getDb(), user, params.inspection, false)))
			error(404, 'Not found');
		return { unarchived: true };
	}
};
