/** A database of its own on the end-to-end PostgreSQL server, for tests that run their own servers. */
import pg from 'pg';
import { recreateDatabase } from '../../../src/cli/test-postgres';
import { E2E_DATABASE_URL } from './database';

pg.types.setTypeParser(20, (v) => Number(v));

export async function freshDatabase(name: string): Promise<string> {
	if (!E2E_DATABASE_URL) throw new Error('E2E_DATABASE_URL is not set');
	return recreateDatabase(E2E_DATABASE_URL, `${name}_${Math.random().toString(36).slice(2, 8)}`);
}

export async function dropDatabase(databaseUrl: string): Promise<void> {
	const admin = new pg.Client({ connectionString: E2E_DATABASE_URL });
	await admin.connect();
	try {
		await admin.query(
			`drop database if exists ${new URL(databaseUrl).pathname.slice(1)} with (force)`
		);
	} finally {
		await admin.end();
	}
}

/** Runs queries on another database with one client. */
export async function withClient<T>(
	databaseUrl: string,
	work: (client: pg.Client) => Promise<T>
): Promise<T> {
	const client = new pg.Client({ connectionString: databaseUrl });
	await client.connect();
	try {
		return await work(client);
	} finally {
		await client.end();
	}
}
