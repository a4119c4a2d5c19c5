import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { parseWaveQuery } from '$lib/server/exports/input';
import { exportsPage } from '$lib/server/exports/service';

export const load = async ({ url }) => {
	const user = requireRole('viewer');
	const query = parseWaveQuery(url);
	if (!query.ok) error(400, query.message);
	const page = await exportsPage(getDb(), user, query.waveId);
	if (!page) error(404, 'Not found');
	return page;
};
