/**
 * Backups taken while responses are being stored, restored into a new database, hold exactly
 * the responses committed up to one moment: every one committed before the backup started,
 * each whole, and never a later one without all the earlier ones. The CLIs run as an operator
 * runs them, in their own processes, while this process goes on storing submissions through
 * `storeResponses`. SQLite here; PostgreSQL in backup.postgres.test.ts.
 */
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDb } from '..';
import { migrateToLatest } from '../migrator';
import { BackupError, backupDatabase, restoreDatabase } from '.';
import { findPgTool, pgEnvironment } from './postgres';
import {
	PRIVATE,
	backUpUnderLoadAndRestore,
	makeLoadSurvey,
	runCli,
	storeBatch,
	workDir
} from './under-load';

function sha256(file: string): string {
	return createHash('sha256').update(readFileSync(file)).digest('hex');
}

describe('backup and restore on SQLite', () => {
	it(
		'backs up while responses are being stored and restores exactly those committed up to one moment',
		{ timeout: 120_000 },
		async () => {
			const dir = workDir();
			const backupFile = join(dir, 'backups', 'heard.backup.db');
			mkdirSync(join(dir, 'backups'));
			const target = join(dir, 'restored', 'heard.db');
			await backUpUnderLoadAndRestore(
				`file:${join(dir, 'heard.db')}`,
				`file:${target}`,
				backupFile
			);
			// A compact, self-contained file: no write-ahead log beside the backup.
			expect(existsSync(`${backupFile}-wal`)).toBe(false);
		}
	);

	it('carries no deleted rows: a sent draft is gone from the backup though the live file still holds its bytes', async () => {
		const dir = workDir();
		const url = `file:${join(dir, 'heard.db')}`;
		const db = createDb(url);
		try {
			await migrateToLatest(db);
			const survey = await makeLoadSurvey(db);
			await storeBatch(db, survey, 0, 50);
			const marker = 'Draft answers that were sent and deleted';
			await db
				.insertInto('drafts')
				.values({
					id: 'k'.repeat(64),
					surveyId: survey.id,
					sealed: JSON.stringify({ words: marker }),
					expiresOn: survey.today
				})
				.execute();
			await db.deleteFrom('drafts').execute();
			const live = Buffer.concat([
				readFileSync(join(dir, 'heard.db')),
				readFileSync(join(dir, 'heard.db-wal'))
			]);
			expect(live.includes(marker)).toBe(true);

			const file = join(dir, 'backup.db');
			const lines: string[] = [];
			const result = await backupDatabase(file, (line) => lines.push(line), url);
			expect(readFileSync(file).includes(marker)).toBe(false);
			expect(result.checked).toBe('integrity check ok');
			expect(result.contents.rows).toEqual({ responses: 50, answers: 150, comments: 50 });
			expect(lines.join('\n')).not.toContain(PRIVATE);
		} finally {
			await db.destroy();
		}
	});

	it('never writes over an existing file, and leaves nothing behind when it refuses', async () => {
		const dir = workDir();
		const url = `file:${join(dir, 'heard.db')}`;
		const db = createDb(url);
		await migrateToLatest(db);
		await db.destroy();
		const file = join(dir, 'yesterday.db');
		writeFileSync(file, 'an older backup');
		await expect(backupDatabase(file, () => {}, url)).rejects.toThrow(
			/already exists; a backup never overwrites a file/
		);
		expect(readFileSync(file, 'utf8')).toBe('an older backup');
		await expect(
			backupDatabase(join(dir, 'x.db'), () => {}, `file:${join(dir, 'none.db')}`)
		).rejects.toThrow(/There is no SQLite database at/);
		expect(existsSync(join(dir, 'none.db'))).toBe(false);
		expect(existsSync(join(dir, 'x.db'))).toBe(false);
	});

	it(
		'refuses, in one line, to restore into a database that has tables, and changes nothing',
		{ timeout: 60_000 },
		async () => {
			const dir = workDir();
			const liveUrl = `file:${join(dir, 'heard.db')}`;
			const live = createDb(liveUrl);
			await migrateToLatest(live);
			const survey = await makeLoadSurvey(live);
			await storeBatch(live, survey, 0, 10);
			await live.destroy();
			const file = join(dir, 'backup.db');
			await backupDatabase(file, () => {}, liveUrl);
			const before = sha256(join(dir, 'heard.db'));

			const refused = await runCli('restore', file, liveUrl);
			expect(refused.code).toBe(1);
			expect(refused.stdout).toBe('');
			expect(refused.stderr.trimEnd().split('\n')).toHaveLength(1);
			expect(refused.stderr).toMatch(/^Refusing to restore: .*heard\.db already holds a database/);
			expect(refused.stderr).toContain('stop the server');
			expect(sha256(join(dir, 'heard.db'))).toBe(before);
			// Looking did not open it: no log or shared-memory file was left beside it.
			expect(existsSync(join(dir, 'heard.db-wal'))).toBe(false);
			expect(existsSync(join(dir, 'heard.db-shm'))).toBe(false);

			// A log beside an empty target means a server may have it open (or stopped uncleanly).
			const target = join(dir, 'empty.db');
			writeFileSync(target, '');
			writeFileSync(`${target}-wal`, 'pages of another database');
			await expect(restoreDatabase(file, () => {}, `file:${target}`)).rejects.toThrow(
				/empty\.db-wal exists, so a server may have .* open/
			);
			expect(statSync(target).size).toBe(0);

			// An empty file is no database: the restore goes there.
			const fresh = join(dir, 'fresh.db');
			writeFileSync(fresh, '');
			const restored = await restoreDatabase(file, () => {}, `file:${fresh}`);
			expect(restored.contents.rows).toEqual({ responses: 10, answers: 30, comments: 10 });
			expect(sha256(fresh)).toBe(sha256(file));
		}
	);

	it('refuses a file that is not a backup, a compressed one, or a backup of the other engine', async () => {
		const dir = workDir();
		const notBackup = join(dir, 'notes.txt');
		writeFileSync(notBackup, 'not a database at all');
		const target = join(dir, 'heard.db');
		await expect(restoreDatabase(notBackup, () => {}, `file:${target}`)).rejects.toThrow(
			/neither a SQLite backup nor a PostgreSQL custom-format dump/
		);
		const zipped = join(dir, 'heard.db.gz');
		writeFileSync(zipped, gzipSync(Buffer.from('SQLite format 3\u0000')));
		await expect(restoreDatabase(zipped, () => {}, `file:${target}`)).rejects.toThrow(
			/compressed with gzip; decompress it first/
		);
		const dump = join(dir, 'heard.dump');
		writeFileSync(dump, 'PGDMP and the rest of a dump');
		await expect(restoreDatabase(dump, () => {}, `file:${target}`)).rejects.toThrow(
			/is a PostgreSQL backup but DATABASE_URL names a SQLite database/
		);
		await expect(
			restoreDatabase(join(dir, 'missing.db'), () => {}, `file:${target}`)
		).rejects.toThrow(BackupError);
		expect(existsSync(target)).toBe(false);
	});
});

describe("PostgreSQL's client programs", () => {
	/** A stand-in for an installed client program that only answers --version. */
	function fakeTool(folder: string, name: string, version: string): string {
		mkdirSync(folder, { recursive: true });
		const path = join(folder, name);
		writeFileSync(path, `#!/bin/sh\necho "${name} (PostgreSQL) ${version}"\n`);
		chmodSync(path, 0o755);
		return path;
	}

	it('names the Debian package when pg_dump is nowhere to be found', () => {
		const empty = workDir();
		expect(() =>
			findPgTool('pg_dump', { major: 15, what: 'the server' }, { path: empty, libRoot: empty })
		).toThrow(/pg_dump was not found .* apt-get install postgresql-client\)/);
	});

	it('says plainly when pg_dump is older than the server, and finds a newer one where Debian puts it', () => {
		const dir = workDir();
		fakeTool(join(dir, 'bin'), 'pg_dump', '13.2 (Debian 13.2-1)');
		const search = { path: join(dir, 'bin'), libRoot: join(dir, 'lib') };
		expect(() =>
			findPgTool('pg_dump', { major: 16, what: 'the PostgreSQL 16 server' }, search)
		).toThrow(/pg_dump 13 \(.*\) is older than the PostgreSQL 16 server .*postgresql-client-16/);

		const newer = fakeTool(join(dir, 'lib', '17', 'bin'), 'pg_dump', '17.1');
		fakeTool(join(dir, 'lib', '16', 'bin'), 'pg_dump', '16.4');
		expect(findPgTool('pg_dump', { major: 16, what: 'the server' }, search)).toEqual({
			path: newer,
			major: 17
		});
		// The PATH's own copy is used when it is new enough.
		expect(findPgTool('pg_dump', { major: 13, what: 'the server' }, search).major).toBe(13);
	});

	it("hands the connection over in libpq's environment, password included", () => {
		const env = pgEnvironment(
			'postgres://heard%40app:p%23ss%20w@db.example.gov.uk:6543/heard_live?sslmode=verify-full&application_name=backup',
			{ PATH: '/usr/bin', PGPASSWORD: 'from before' }
		);
		expect(env).toEqual({
			PATH: '/usr/bin',
			PGHOST: 'db.example.gov.uk',
			PGPORT: '6543',
			PGUSER: 'heard@app',
			PGPASSWORD: 'p#ss w',
			PGDATABASE: 'heard_live',
			PGSSLMODE: 'verify-full',
			PGAPPNAME: 'backup'
		});
		expect(pgEnvironment('postgres://h/db?ssl=true', {}).PGSSLMODE).toBe('require');
		expect(() => pgEnvironment('postgres://h/db?pool_size=4', {})).toThrow(/"pool_size"/);
	});
});
