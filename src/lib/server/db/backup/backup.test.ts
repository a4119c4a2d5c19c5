/**
 * Backups taken while responses are being stored, restored into a new database, hold exactly
 * the responses committed up to one moment: every one committed before the backup started,
 * each whole, and never a later one without all the earlier ones. The CLIs run as an operator
 * runs them, in their own processes, while this process goes on storing submissions through
 * `storeResponses`. SQLite always; PostgreSQL too when TEST_DATABASE_URL names a server where
 * the test may create (and then drops) its own databases.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
	chmodSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '..';
import { migrateToLatest } from '../migrator';
import { storeResponses, type NewResponse } from '../../responses/store';
import { makeArea, makeSurvey, opts } from '../../testing/fixtures';
import { BackupError, backupDatabase, restoreDatabase } from '.';
import { findPgTool, pgEnvironment } from './postgres';

const TSX = resolve('node_modules/.bin/tsx');
/** Responses stored before the load starts, so the snapshot has something to copy. */
const BASE = 2000;
/** Each transaction of the load stores this many responses. */
const PER_BATCH = 4;
/** The load stops here even if the backup is still running. */
const MAX_BATCHES = 2500;
const PRIVATE = 'Private words';

function workDir(): string {
	return mkdtempSync(join(tmpdir(), 'heard-backup-'));
}

interface Run {
	code: number | null;
	stdout: string;
	stderr: string;
}

/** Runs `npm run backup|restore -- <file>` in its own process; resolves when it exits. */
function runCli(script: 'backup' | 'restore', file: string, databaseUrl: string): Promise<Run> {
	return new Promise((done, fail) => {
		const child = spawn(TSX, [`src/cli/${script}.ts`, file], {
			env: { ...process.env, DATABASE_URL: databaseUrl },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
		child.on('error', fail);
		child.on('close', (code) => done({ code, stdout, stderr }));
	});
}

async function makeLoadSurvey(db: Db) {
	const area = await makeArea(db);
	return makeSurvey(db, area.id, {
		questions: [
			{ kind: 'scale', key: 'listened-to', dimension: 'lived_experience', required: 1 },
			{
				kind: 'single',
				key: 'district',
				dimension: 'about_you',
				options: JSON.stringify(opts(['North', 'South']))
			},
			// Which transaction of the load stored the response, to check the snapshot's edge.
			{ kind: 'number', key: 'batch' },
			{ kind: 'text', key: 'anything-else' }
		]
	});
}

type LoadSurvey = Awaited<ReturnType<typeof makeLoadSurvey>>;

function batchOf(survey: LoadSurvey, batch: number, size: number): NewResponse[] {
	const [scale, district, marker, text] = survey.questions;
	return Array.from({ length: size }, (_, i) => ({
		submittedOn: survey.today,
		channel: 'web' as const,
		answers: {
			[scale!.id]: [i % 2 ? 'agree' : 'disagree'],
			[district!.id]: [i % 3 ? 'north' : 'south'],
			[marker!.id]: [String(batch)],
			[text!.id]: [`${PRIVATE} ${batch}-${i}`]
		}
	}));
}

async function storeBatch(db: Db, survey: LoadSurvey, batch: number, size: number) {
	await db
		.transaction()
		.execute((trx) =>
			storeResponses(trx, survey.id, survey.questions, batchOf(survey, batch, size))
		);
}

/** Every answer and comment, keyed by the load batch of its response. */
async function readStored(db: Db, survey: LoadSurvey) {
	const marker = survey.questions[2]!.id;
	const batches = await db
		.selectFrom('answers')
		.select(['responseId', 'value'])
		.where('questionId', '=', marker)
		.execute();
	const batchOfResponse = new Map(batches.map((b) => [b.responseId, Number(b.value)]));
	const responses = await db.selectFrom('responses').select(['id', 'surveyId']).execute();
	const answers = await db
		.selectFrom('answers')
		.select(['responseId', 'questionId', 'value'])
		.execute();
	const comments = await db
		.selectFrom('comments')
		.select(['id', 'responseId', 'questionId', 'body'])
		.execute();
	const counts = await db.selectFrom('answerCounts').select(['questionId', 'value', 'n']).execute();
	return { batchOfResponse, responses, answers, comments, counts };
}

const sortedJson = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).sort();

/**
 * Stores batches before and while `npm run backup` runs, restores the backup into `targetUrl`,
 * and checks that the restored database holds exactly batches 0..k of what was stored, whole.
 */
async function backUpUnderLoadAndRestore(sourceUrl: string, targetUrl: string, file: string) {
	const source = createDb(sourceUrl);
	try {
		await migrateToLatest(source);
		const survey = await makeLoadSurvey(source);
		await storeBatch(source, survey, 0, BASE);

		let batches = 1;
		const storeUntil = async (stop: () => boolean) => {
			while (!stop() && batches < MAX_BATCHES) {
				await storeBatch(source, survey, batches, PER_BATCH);
				batches += 1;
				// better-sqlite3 answers synchronously, so give the event loop a turn in which it can
				// see the backup process exit; without one this loop would run to MAX_BATCHES.
				await nextTurn();
			}
		};
		await storeUntil(() => batches > 50);
		const committedBeforeBackup = batches;
		let finished = false;
		const backup = runCli('backup', file, sourceUrl).finally(() => (finished = true));
		await storeUntil(() => finished);
		const committed = batches;
		const backedUp = await backup;

		expect(backedUp.stderr).toBe('');
		expect(backedUp.code).toBe(0);
		expect(backedUp.stdout).toMatch(/Backup done: .*, [\d.]+ (KiB|MiB), in [\d.]+ s/);
		expect(backedUp.stdout).toMatch(/\d[\d,]* responses, [\d,]+ answers, [\d,]+ comments/);
		expect(backedUp.stdout).toContain('keep it apart from the database backups');
		expect(backedUp.stdout).not.toContain(PRIVATE);
		expect(statSync(file).mode & 0o777).toBe(0o600);

		const restoredRun = await runCli('restore', file, targetUrl);
		expect(restoredRun.stderr).toBe('');
		expect(restoredRun.code).toBe(0);
		expect(restoredRun.stdout).toContain('Restore done');
		expect(restoredRun.stdout).toContain('schema up to date');
		expect(restoredRun.stdout).not.toContain(PRIVATE);

		const restored = createDb(targetUrl);
		try {
			// It opens and migrates cleanly: nothing is pending, nothing unknown.
			expect(await migrateToLatest(restored)).toEqual([]);
			const got = await readStored(restored, survey);
			const all = await readStored(source, survey);

			// The restored batches are 0..k: all committed before the backup began, then a run of
			// those stored while it ran, with no gap (a later one never without an earlier one).
			const perBatch = new Map<number, number>();
			for (const batch of got.batchOfResponse.values()) {
				perBatch.set(batch, (perBatch.get(batch) ?? 0) + 1);
			}
			const k = Math.max(...perBatch.keys());
			expect([...perBatch.keys()].sort((a, b) => a - b)).toEqual(
				Array.from({ length: k + 1 }, (_, i) => i)
			);
			expect(k).toBeGreaterThanOrEqual(committedBeforeBackup - 1);
			// The load went on after the snapshot was taken: the backup really ran under it.
			expect(committed - 1).toBeGreaterThan(k);
			expect(perBatch.get(0)).toBe(BASE);
			for (let batch = 1; batch <= k; batch++) expect(perBatch.get(batch)).toBe(PER_BATCH);

			// The same responses, answers and comments as the source holds for those batches:
			// every response whole (three answers and a comment), none in part.
			const inSnapshot = (responseId: string) => (all.batchOfResponse.get(responseId) ?? -1) <= k;
			expect(got.responses.length).toBe(BASE + k * PER_BATCH);
			expect(sortedJson(got.responses)).toEqual(
				sortedJson(all.responses.filter((r) => inSnapshot(r.id)))
			);
			expect(got.answers.length).toBe(got.responses.length * 3);
			expect(sortedJson(got.answers)).toEqual(
				sortedJson(all.answers.filter((a) => inSnapshot(a.responseId)))
			);
			expect(got.comments.length).toBe(got.responses.length);
			expect(sortedJson(got.comments)).toEqual(
				sortedJson(all.comments.filter((c) => inSnapshot(c.responseId)))
			);
			// The running counts were snapshotted in the same instant as the answers they count.
			for (const count of got.counts) {
				const answered = got.answers.filter(
					(a) => a.questionId === count.questionId && a.value === count.value
				).length;
				expect(count.n).toBe(answered);
			}
			expect(got.counts.reduce((sum, c) => sum + c.n, 0)).toBe(got.responses.length * 2);
		} finally {
			await restored.destroy();
		}
	} finally {
		await source.destroy();
	}
}

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

const serverUrl = process.env.TEST_DATABASE_URL;

describe.runIf(serverUrl)('backup and restore on PostgreSQL', () => {
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
