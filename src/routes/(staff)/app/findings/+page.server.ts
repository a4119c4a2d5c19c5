import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { hasRole } from '$lib/server/auth/roles';
import { MOVE_FIELDS, moveSchema } from '$lib/server/areas/input';
import { inspectionsWithFindings, moveFinding, moveInspection } from '$lib/server/areas/service';
import { getDb } from '$lib/server/db';
import { parseForm } from '$lib/server/forms';

export const load = async () => {
	const user = requireRole('viewer');
	return {
		inspections: await inspectionsWithFindings(getDb(), user.localAreaId),
		canEdit: hasRole(user.role, 'officer')
	};
};

async function readMove(request: Request) {
	const parsed = parseForm(moveSchema, await request.formData(), MOVE_FIELDS);
	if (!parsed.ok) error(400, 'Choose what to move and which way');
	return parsed.data;
}

export const actions = {
	moveFinding: async ({ request }) => {
		const user = requireRole('officer');
		const { id, direction } = await readMove(request);
		const moved = await moveFinding(getDb(), user, id, direction);
		if (!moved) error(404, 'Not found');
		return { moved: id };
	},
	moveInspection: async ({ request }) => {
		const user = requireRole('officer');
		const { id, direction } = await readMove(request);
		const moved = await moveInspection(getDb(), user, id, direction);
		if (!moved) error(404, 'Not found');
		return { moved: id };
	}
};
