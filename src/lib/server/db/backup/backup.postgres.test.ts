/**
 * Backup and restore on PostgreSQL (pg_dump, pg_restore) under the same load as on SQLite. Run
 * only where TEST_DATABASE_URL names a server on which the test may create (and then drops) its
 * own databases; see vite.config.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backUpUnderLoadAndRestore, runCli, workDir } from './under-load';

const serverUrl = process.env.TEST_DATABASE_URL;

describe('backup and restore on PostgreSQL', () => {
	const suffix = `${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
	const names = { source: `backup_test_${suffix}_src`, target: `backup_test_${suffix}_dst` };
	const urlOf = (database: string) => {
		const url = new URL(serverUrl!);
		url.pathname = `/${database}`;
		return url.toString();
	};
	let admin: pg.Client;

	beforeAll(async () => {
		admin = new pg.Client({ connectionString: serverUrl });
		await admin.connect();
		for (const name of Object.values(names)) await admin.query(`create database ${name}`);
	});

	afterAll(async () => {
		for (const name of Object.values(names)) {
			await admin.query(`drop database if exists ${name} with (force)`);
		}
		await admin.end();
	});

	it(
		'backs up while responses are being stored, restores into an empty database, and refuses a second time',
		{ timeout: 180_000 },
		async () => {
			const dir = workDir();
			const file = join(dir, 'heard.dump');
			await backUpUnderLoadAndRestore(urlOf(names.source), urlOf(names.target), file);
			expect(readFileSync(file).subarray(0, 5).toString()).toBe('PGDMP');

			const again = await runCli('restore', file, urlOf(names.target));
			expect(again.code).toBe(1);
			expect(again.stderr.trimEnd().split('\n')).toHaveLength(1);
			expect(again.stderr).toMatch(/^Refusing to restore: .* already has \d+ tables/);
		}
	);
});
