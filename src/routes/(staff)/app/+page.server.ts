import { requireRole } from '$lib/server/auth/guards';

export const load = async () => {
	const user = requireRole('viewer');
	return { name: user.name };
};
