import { checkHealth } from '$lib/server/health';
import type { RequestHandler } from './$types';

/** For load balancers and orchestrators: 200 `ok` only while the database answers. No sign-in. */
export const GET: RequestHandler = async () => {
	const healthy = await checkHealth();
	return new Response(healthy ? 'ok\n' : 'unavailable\n', {
		status: healthy ? 200 : 503,
		headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }
	});
};
