import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { evidencePack } from '$lib/server/exports/evidence';

export const load = async () => {
	const user = requireRole('viewer');
	const pack = await evidencePack(getDb(), user.localAreaId);
	if (!pack) error(404, 'Not found');
	return { pack };
};
