/** Test support: a fresh, fully migrated in-memory database per test. */
import { createDb, type Db } from '../db';
import { migrateToLatest } from '../db/migrator';

export async function createTestDb(): Promise<Db> {
	const db = createDb(':memory:');
	await migrateToLatest(db);
	return db;
}
