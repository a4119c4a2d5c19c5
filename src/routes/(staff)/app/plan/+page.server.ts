import { requireCapability } from '$lib/server/auth/guards';
import { can } from '$lib/server/auth/roles';
import { getDb } from '$lib/server/db';
import { planFilterSchema } from '$lib/server/plan/input';
import { planPage } from '$lib/server/plan/view';

export const load = async ({ url }) => {
	const user = requireCapability('readPlan');
	const page = await planPage(getDb(), user.localAreaId, {
		filter: planFilterSchema.parse(url.searchParams.get('show') ?? 'all'),
		findingId: url.searchParams.get('finding') || null,
		partnerId: url.searchParams.get('partner') || null
	});
	return { page, canEdit: can(user.role, 'editPlan'), imported: url.searchParams.get('imported') };
};
