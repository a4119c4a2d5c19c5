/**
 * Once per Vitest run: on PostgreSQL, drop the schemas the tests made (they are many, and each
 * holds a whole copy of the tables). Nothing to do for SQLite, whose test databases are in memory.
 */
import pg from 'pg';
import { TEST_SCHEMA_PREFIX, testServerUrl } from './support/db';

async function dropTestSchemas(): Promise<void> {
	const url = testServerUrl();
	if (!url) return;
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		const { rows } = await client.query<{ name: string }>(
			'select nspname as name from pg_namespace where nspname like $1',
			[`${TEST_SCHEMA_PREFIX}%`]
		);
		for (const { name } of rows) await client.query(`drop schema "${name}" cascade`);
	} finally {
		await client.end();
	}
}

export async function setup(): Promise<void> {
	await dropTestSchemas();
}

export async function teardown(): Promise<void> {
	await dropTestSchemas();
}
