/** Runs in every Vitest worker: each test's databases are closed when it ends. */
import { afterEach } from 'vitest';
import { closeTestDbs } from '../../src/lib/server/testing/db';

afterEach(async () => {
	await closeTestDbs();
});
