/**
 * Test support: a fresh, fully migrated database per test. On SQLite (the default) it is in
 * memory; with TEST_DATABASE_URL set to a PostgreSQL server it is a schema of its own on that
 * server, so the same tests run on both engines and in parallel. Every database made here is
 * closed after its test (tests/unit/setup.ts), and the schemas are dropped after the run.
 */
import pg from 'pg';
import { createDb, isPostgresUrl, isSqlite, type Db } from '$lib/server/db';
import { migrateToLatest } from '$lib/server/db/migrator';
import { newId } from '$lib/server/ids';

const opened: Db[] = [];

/** The PostgreSQL server the tests run on, or undefined for SQLite in memory. */
export function testServerUrl(): string | undefined {
	const url = process.env.TEST_DATABASE_URL;
	return url && isPostgresUrl(url) ? url : undefined;
}

export const TEST_SCHEMA_PREFIX = 'test_';

export async function createTestDb(): Promise<Db> {
	const url = testServerUrl();
	let db: Db;
	let schema: string | undefined;
	if (url) {
		schema = `${TEST_SCHEMA_PREFIX}${newId()}`;
		const client = new pg.Client({ connectionString: url });
		await client.connect();
		try {
			await client.query(`create schema ${schema}`);
		} finally {
			await client.end();
		}
		db = createDb(url, { schema });
	} else {
		db = createDb(':memory:');
	}
	opened.push(db);
	await migrateToLatest(db, schema);
	return db;
}

/** Closes every database made since the last call (run after each test). */
export async function closeTestDbs(): Promise<void> {
	await Promise.all(opened.splice(0).map((db) => db.destroy()));
}

export { isSqlite };
