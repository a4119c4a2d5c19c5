import { error, redirect } from '@sveltejs/kit';
import { requireCapability } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { buildContent, publish } from '$lib/server/public/service';

export const load = async () => {
	const user = requireCapability('managePublicPage');
	const content = await buildContent(getDb(), user.localAreaId);
	if (!content) error(404, 'Not found');
	return { content };
};

export const actions = {
	publish: async () => {
		const user = requireCapability('managePublicPage');
		if (!(await publish(getDb(), user))) error(404, 'Not found');
		redirect(303, '/app/public?done=published');
	}
};
