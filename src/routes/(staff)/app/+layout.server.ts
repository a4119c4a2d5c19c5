import { error } from '@sveltejs/kit';
import { NAV } from '$lib/components/staff/nav';
import { requireUser } from '$lib/server/auth/guards';
import { allows } from '$lib/server/auth/roles';
import { getArea } from '$lib/server/areas/repository';
import { getDb } from '$lib/server/db';

// The shell only: every page and action below runs its own guard.
export const load = async () => {
	const user = requireUser();
	const area = await getArea(getDb(), user.localAreaId);
	if (!area) error(404, 'Not found');
	return {
		user: { name: user.name, email: user.email, role: user.role, expiresOn: user.expiresOn },
		area: { name: area.name, isDemo: area.isDemo === 1 },
		nav: NAV.filter((entry) => allows(user.role, entry.access))
	};
};
