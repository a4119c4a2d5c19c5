/** Runs in every Vitest worker: each test's background work is waited for and its databases closed. */
import { afterEach } from 'vitest';
import { whenIdle } from '../../src/lib/server/background';
import { closeTestDbs } from './support/db';

afterEach(async () => {
	await whenIdle();
	await closeTestDbs();
});
