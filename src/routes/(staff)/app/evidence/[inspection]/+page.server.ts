import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { evidencePack } from '$lib/server/exports/evidence';

export const load = async ({ params }) => {
	const user = requireRole('viewer');
	const pack = await evidencePack(getDb(), user.localAreaId, params.inspection);
	if (!pack) error(404, 'Not found');
	return { pack };
};
