import { requireCapability } from '$lib/server/auth/guards';
import { draftsForSignOff } from '$lib/server/coproduction/signoff';
import { getDb } from '$lib/server/db';

export const load = async () => {
	const user = requireCapability('readDrafts');
	return { drafts: await draftsForSignOff(getDb(), user.localAreaId) };
};
