import { requireCapability } from '$lib/server/auth/guards';
import { can } from '$lib/server/auth/roles';
import { coproductionLog } from '$lib/server/coproduction/service';
import { getDb } from '$lib/server/db';

export const load = async ({ url }) => {
	const user = requireCapability('readPlan');
	return {
		log: await coproductionLog(getDb(), user.localAreaId),
		canEdit: can(user.role, 'editPlan'),
		done: url.searchParams.get('done')
	};
};
