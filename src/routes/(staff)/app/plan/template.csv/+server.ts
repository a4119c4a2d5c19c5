import { requireCapability } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { planTemplate } from '$lib/server/plan/template';

export const GET = async () => {
	const user = requireCapability('editPlan');
	return planTemplate(getDb(), user.localAreaId);
};
