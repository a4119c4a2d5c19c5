/**
 * PostgreSQL backup and restore through PostgreSQL's own client programs: pg_dump's custom
 * format (compressed, restorable table by table) and pg_restore into an empty database in one
 * transaction. The connection is handed to them in libpq's environment variables, never on a
 * command line, where any user of the machine could read a password with `ps`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, readdirSync, rmSync } from 'node:fs';
import { userInfo } from 'node:os';
import { basename, delimiter, join } from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import {
	BackupError,
	fileSize,
	formatSeconds,
	makePartialFile,
	putInPlace,
	readContents,
	refuseExisting,
	secondsSince,
	type BackupResult,
	type RestoreResult,
	type Say
} from './common';

const CLIENT_PACKAGE = 'postgresql-client';

/** URL query parameters that libpq reads from the environment, with the variable for each. */
const LIBPQ_PARAMETERS: Record<string, string> = {
	host: 'PGHOST',
	port: 'PGPORT',
	user: 'PGUSER',
	password: 'PGPASSWORD',
	dbname: 'PGDATABASE',
	sslmode: 'PGSSLMODE',
	sslrootcert: 'PGSSLROOTCERT',
	sslcert: 'PGSSLCERT',
	sslkey: 'PGSSLKEY',
	sslcrl: 'PGSSLCRL',
	channel_binding: 'PGCHANNELBINDING',
	gssencmode: 'PGGSSENCMODE',
	target_session_attrs: 'PGTARGETSESSIONATTRS',
	application_name: 'PGAPPNAME',
	connect_timeout: 'PGCONNECT_TIMEOUT',
	options: 'PGOPTIONS',
	client_encoding: 'PGCLIENTENCODING'
};

/**
 * libpq's environment for a connection URL, on top of `base`. Like the server's own driver, what
 * the URL says wins over PG* variables already set. `ssl=true` (the Node driver's spelling) is
 * libpq's `sslmode=require`.
 */
export function pgEnvironment(
	url: string,
	base: NodeJS.ProcessEnv = process.env
): Record<string, string> {
	const parsed = new URL(url);
	const env: Record<string, string> = {};
	for (const [key, value] of Object.entries(base)) if (value !== undefined) env[key] = value;
	const set = (name: string, value: string) => {
		if (value) env[name] = value;
	};
	set('PGHOST', decodeURIComponent(parsed.hostname).replace(/^\[(.*)\]$/, '$1'));
	set('PGPORT', parsed.port);
	set('PGUSER', decodeURIComponent(parsed.username));
	set('PGPASSWORD', decodeURIComponent(parsed.password));
	set('PGDATABASE', decodeURIComponent(parsed.pathname.replace(/^\//, '')));
	for (const [key, value] of parsed.searchParams) {
		if (key === 'ssl') {
			if (!parsed.searchParams.has('sslmode')) {
				set('PGSSLMODE', ['true', '1', 'require'].includes(value) ? 'require' : 'disable');
			}
			continue;
		}
		const name = LIBPQ_PARAMETERS[key];
		if (!name) {
			throw new BackupError(
				`DATABASE_URL has the parameter "${key}", which pg_dump and pg_restore do not understand; use libpq's names (sslmode, sslrootcert, host, ...).`
			);
		}
		set(name, value);
	}
	return env;
}

/** The URL without its password, for messages. */
export function describePostgres(url: string): string {
	const parsed = new URL(url);
	parsed.password = '';
	parsed.search = '';
	return parsed.toString();
}

export interface PgTool {
	path: string;
	/** Major version: 15, 16 ... (9.6 for the old numbering). */
	major: number;
}

export interface ToolSearch {
	/** Folders searched first, in order (the PATH). */
	path?: string;
	/** Where Debian installs each version's programs: <root>/<version>/bin. */
	libRoot?: string;
}

/**
 * Every copy of a PostgreSQL client program on this machine: the PATH first, in its order, then
 * /usr/lib/postgresql/<version>/bin, newest first.
 */
export function pgToolCandidates(name: string, search: ToolSearch = {}): PgTool[] {
	const folders = (search.path ?? process.env.PATH ?? '').split(delimiter).filter(Boolean);
	const libRoot = search.libRoot ?? '/usr/lib/postgresql';
	let versions: string[] = [];
	try {
		versions = readdirSync(libRoot)
			.filter((v) => /^\d+(\.\d+)?$/.test(v))
			.sort((a, b) => Number(b) - Number(a));
	} catch {
		// No PostgreSQL installed from Debian's packages.
	}
	const paths = [
		...folders.map((folder) => join(folder, name)),
		...versions.map((v) => join(libRoot, v, 'bin', name))
	];
	const tools: PgTool[] = [];
	for (const path of new Set(paths)) {
		try {
			accessSync(path, constants.X_OK);
		} catch {
			continue;
		}
		const major = toolMajor(path);
		if (major !== undefined) tools.push({ path, major });
	}
	return tools;
}

/**
 * The first copy of `name` of at least version `needs.major`, or a BackupError that says what
 * is missing and which Debian package brings it.
 */
export function findPgTool(
	name: 'pg_dump' | 'pg_restore',
	needs: { major: number; what: string },
	search: ToolSearch = {}
): PgTool {
	const tools = pgToolCandidates(name, search);
	if (!tools.length) throw notFound(name, needs.major);
	const fit = tools.find((tool) => tool.major >= needs.major);
	if (fit) return fit;
	const newest = tools.reduce((a, b) => (b.major > a.major ? b : a));
	throw new BackupError(
		`${name} ${newest.major} (${newest.path}) is older than ${needs.what} and cannot be used with it. Install PostgreSQL's client programs, version ${needs.major} or later (on Debian: ${CLIENT_PACKAGE}-${needs.major}, or the ${CLIENT_PACKAGE} of a newer release).`
	);
}

function notFound(name: string, major?: number): BackupError {
	const version = major ? `, version ${major} or later` : '';
	return new BackupError(
		`${name} was not found on the PATH or in /usr/lib/postgresql/*/bin. Install PostgreSQL's client programs${version} (on Debian: apt-get install ${CLIENT_PACKAGE}).`
	);
}

/** The newest copy of `name`, whatever its version. */
export function newestPgTool(name: 'pg_dump' | 'pg_restore', search: ToolSearch = {}): PgTool {
	const tools = pgToolCandidates(name, search);
	if (!tools.length) throw notFound(name);
	return tools.reduce((a, b) => (b.major > a.major ? b : a));
}

/** "pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)" → 15; "9.6.24" → 9.6. */
function toolMajor(path: string): number | undefined {
	const run = spawnSync(path, ['--version'], { encoding: 'utf8' });
	const match = /\)\s*(\d+)(?:\.(\d+))?/.exec(run.stdout ?? '');
	if (run.status !== 0 || !match) return undefined;
	const first = Number(match[1]);
	return first >= 10 ? first : first + Number(match[2] ?? 0) / 10;
}

export async function backupPostgres(url: string, file: string, say: Say): Promise<BackupResult> {
	refuseExisting(file);
	const env = pgEnvironment(url);
	const where = describePostgres(url);
	const start = performance.now();
	const db = connect(url);
	let partial: string | undefined;
	try {
		const server = await serverMajor(db, where);
		const dump = findPgTool('pg_dump', { major: server, what: `the PostgreSQL ${server} server` });
		partial = makePartialFile(file);
		const output = partial;
		say(
			`Backing up the PostgreSQL ${server} database ${where} with ${dump.path} (version ${dump.major}) to ${file}; the server can keep running.`
		);
		// pg_dump reads in one repeatable-read snapshot, so it is consistent while the server
		// writes. Exporting that snapshot from here lets the row counts below be taken in exactly
		// the state pg_dump saves, so they describe the file and not the moment after.
		const contents = await db
			.transaction()
			.setIsolationLevel('repeatable read')
			.setAccessMode('read only')
			.execute(async (trx) => {
				const { rows } = await sql<{
					snapshot: string;
				}>`select pg_export_snapshot() as snapshot`.execute(trx);
				const counted = await readContents(trx);
				if (!counted.tables) {
					throw new BackupError(`${where} has no tables: there is nothing to back up.`);
				}
				await runTool(
					dump,
					[
						'--format=custom',
						'--no-owner',
						'--no-privileges',
						`--snapshot=${rows[0]!.snapshot}`,
						`--file=${output}`
					],
					env
				);
				return counted;
			});
		say(`Dump written in ${formatSeconds(secondsSince(start))}; reading it back to check it.`);
		const restore = findPgTool('pg_restore', {
			major: dump.major,
			what: `the pg_dump ${dump.major} that made the backup`
		});
		const archive = await readArchive(restore, output);
		// Reading every block (and throwing the SQL away) proves the whole file decompresses.
		await runTool(restore, ['--file=/dev/null', output], env);
		putInPlace(output, file);
		partial = undefined;
		return {
			engine: 'PostgreSQL',
			file,
			bytes: fileSize(file),
			seconds: secondsSince(start),
			contents,
			checked: `read back in full by pg_restore, ${archive.tableData} tables of data`
		};
	} finally {
		await db.destroy();
		if (partial) rmSync(partial, { force: true });
	}
}

export async function restorePostgres(url: string, file: string, say: Say): Promise<RestoreResult> {
	const env = pgEnvironment(url);
	const where = describePostgres(url);
	const start = performance.now();
	const db = connect(url);
	try {
		const server = await serverMajor(db, where);
		const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
		if (tables.length) {
			throw new BackupError(
				`Refusing to restore: ${where} already has ${tables.length} tables. Restore only into an empty database (create a new one with createdb, or drop and create this one once no server uses it). Nothing was changed.`
			);
		}
		say(`Checking the backup ${file}.`);
		// The newest pg_restore reads the most archive versions; the header then says what it needs.
		const archive = await readArchive(newestPgTool('pg_restore'), file);
		const tool = findPgTool('pg_restore', {
			major: archive.dumpedBy,
			what: `the pg_dump ${archive.dumpedBy} that made this backup`
		});
		if (!archive.heard) {
			throw new BackupError(
				`${file} is a PostgreSQL dump but not of a Heard database: it has no migrations table.`
			);
		}
		if (server < archive.dumpedFrom) {
			say(
				`Note: the backup comes from a PostgreSQL ${archive.dumpedFrom} server and this one is ${server}; if the restore fails, use a server of version ${archive.dumpedFrom} or later.`
			);
		}
		say(`Restoring into ${where} in one transaction with ${tool.path}.`);
		await runTool(
			tool,
			[
				'--no-owner',
				'--no-privileges',
				'--exit-on-error',
				'--single-transaction',
				`--dbname=${env.PGDATABASE ?? env.PGUSER ?? userInfo().username}`,
				file
			],
			env,
			'nothing was restored (it runs in one transaction)'
		);
		return {
			engine: 'PostgreSQL',
			target: where,
			bytes: fileSize(file),
			seconds: secondsSince(start),
			contents: await readContents(db)
		};
	} finally {
		await db.destroy();
	}
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function connect(url: string): Kysely<any> {
	return new Kysely({
		dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) })
	});
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function serverMajor(db: Kysely<any>, where: string): Promise<number> {
	try {
		const { rows } = await sql<{
			v: string;
		}>`select current_setting('server_version_num') as v`.execute(db);
		const num = Number(rows[0]!.v);
		return num >= 100000
			? Math.floor(num / 10000)
			: Math.floor(num / 10000) + (Math.floor(num / 100) % 100) / 10;
	} catch (error) {
		const { code, message } = error as { code?: string; message?: string };
		if (code === '3D000') {
			throw new BackupError(
				`The database named in ${where} does not exist. Create it, empty, first (createdb, or CREATE DATABASE), then run this again.`
			);
		}
		throw new BackupError(`Cannot connect to ${where}: ${message ?? String(error)}`);
	}
}

interface Archive {
	dumpedBy: number;
	dumpedFrom: number;
	tableData: number;
	/** It holds Heard's migrations table. */
	heard: boolean;
}

/** The archive's table of contents, which also proves it is a readable custom-format dump. */
async function readArchive(tool: PgTool, file: string): Promise<Archive> {
	const { stdout } = await runTool(tool, ['--list', file], process.env);
	const version = (label: string) => {
		const match = new RegExp(`${label}: (\\d+)(?:\\.(\\d+))?`).exec(stdout);
		if (!match) return 0;
		const first = Number(match[1]);
		return first >= 10 ? first : first + Number(match[2] ?? 0) / 10;
	};
	return {
		dumpedBy: version('Dumped by pg_dump version'),
		dumpedFrom: version('Dumped from database version'),
		tableData: stdout.split('\n').filter((line) => / TABLE DATA /.test(line)).length,
		heard: / TABLE \S+ kysely_migration /.test(stdout)
	};
}

/** Runs a client program; a non-zero exit becomes a BackupError with its last line of errors. */
function runTool(
	tool: PgTool,
	args: string[],
	env: NodeJS.ProcessEnv,
	consequence = 'the backup was not kept'
): Promise<{ stdout: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn(tool.path, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
		child.on('error', reject);
		child.on('close', (code) => {
			if (code === 0) return resolve({ stdout });
			// Only the program's own error line: the DETAIL and CONTEXT lines after it can quote rows.
			const line = stderr.split('\n').find((l) => / error: /.test(l)) ?? `exit code ${code}`;
			reject(new BackupError(`${basename(tool.path)} failed, so ${consequence}: ${line.trim()}`));
		});
	});
}
