import { expect, test } from '@playwright/test';

test('the health check answers ok, without signing in, and is never cached', async ({
	request
}) => {
	const response = await request.get('/healthz');
	expect(response.status()).toBe(200);
	expect(await response.text()).toBe('ok\n');
	expect(response.headers()['cache-control']).toBe('no-store');
	expect(response.headers()['set-cookie']).toBeUndefined();
});
