import { describe, expect, it } from 'vitest';
import { createDb } from './db';
import { checkHealth } from './health';
import { createTestDb } from '$testing/db';

describe('checkHealth', () => {
	it('is healthy while the database answers', async () => {
		expect(await checkHealth(await createTestDb())).toBe(true);
	});

	it('is unhealthy when no server answers', async () => {
		// Nothing listens on port 1: the connection is refused.
		const db = createDb('postgres://nobody@127.0.0.1:1/none');
		try {
			expect(await checkHealth(db, 3000)).toBe(false);
		} finally {
			await db.destroy();
		}
	});
});
