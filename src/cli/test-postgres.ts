/**
 * What `npm test` needs from the machine, and a throwaway PostgreSQL cluster of its own.
 *
 * Chromium and PostgreSQL 15 come from Debian's packages: installed when missing if the tests run
 * as root, otherwise named in one line and the run stops. The cluster lives in a temporary
 * directory (owned by user postgres when run as root, since initdb refuses root), trusts local
 * connections, listens on 127.0.0.1 on a free port with its socket in that directory, runs with
 * fsync off, and is stopped and removed when the run ends, fails or is interrupted.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const PG_BIN = '/usr/lib/postgresql/15/bin';
const USER = 'heard';

const isRoot = () => process.getuid?.() === 0;

function quiet(command: string, args: string[], options: SpawnSyncOptions = {}): boolean {
	return spawnSync(command, args, { stdio: 'ignore', ...options }).status === 0;
}

/** Stops the run with one line saying what to install. */
function missing(what: string, pkg: string): never {
	console.error(
		`npm test needs ${what}: install it with \`apt-get install -y ${pkg}\` (as root), then run again.`
	);
	process.exit(1);
}

/** Installs a Debian package when running as root; otherwise says what to install and stops. */
function ensurePackage(what: string, pkg: string, present: () => boolean): void {
	if (present()) return;
	if (!isRoot()) missing(what, pkg);
	console.log(`Installing ${pkg} (${what}) with apt-get`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const install = () =>
		quiet('apt-get', ['install', '-y', '-qq', pkg], {
			env,
			stdio: ['ignore', 'ignore', 'inherit']
		});
	// A fresh machine may have no package lists yet.
	if (!install() && !(quiet('apt-get', ['update', '-qq'], { env }) && install())) {
		missing(what, pkg);
	}
	if (!present()) missing(what, pkg);
}

export function ensureChromium(): void {
	const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
	ensurePackage('Chromium for the end-to-end tests', 'chromium', () => existsSync(path));
}

function pgBin(): string {
	ensurePackage('PostgreSQL 15 (or TEST_DATABASE_URL)', 'postgresql', () =>
		existsSync(join(PG_BIN, 'initdb'))
	);
	return PG_BIN;
}

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

export interface Cluster {
	/** The URL of a database on the cluster (created by `createDatabase`). */
	url(database: string): string;
	createDatabase(database: string): string;
	stop(): void;
}

/** Starts a throwaway cluster; it stops itself when the process exits or is interrupted. */
export async function startCluster(): Promise<Cluster> {
	const bin = pgBin();
	const dir = mkdtempSync(join(tmpdir(), 'heard-pg-'));
	chmodSync(dir, 0o700);
	// initdb and the server refuse to run as root: they run as postgres, which owns the directory.
	const as = isRoot() ? ['runuser', '-u', 'postgres', '--'] : [];
	if (isRoot() && !quiet('chown', ['postgres', dir])) {
		throw new Error('Could not give the cluster directory to user postgres');
	}
	const tool = (name: string, args: string[]) => {
		const [command, ...rest] = [...as, join(bin, name), ...args];
		return spawnSync(command!, rest, { encoding: 'utf8' });
	};
	const run = (name: string, args: string[]) => {
		const result = tool(name, args);
		if (result.status !== 0) throw new Error(`${name} failed: ${result.stderr || result.stdout}`);
	};
	const data = join(dir, 'data');
	run('initdb', ['-D', data, '-A', 'trust', '-U', USER, '-E', 'UTF8', '--locale=C', '--no-sync']);
	const port = await freePort();
	const options = [
		`-p ${port}`,
		`-k ${dir}`,
		'-c listen_addresses=127.0.0.1',
		'-c fsync=off',
		'-c synchronous_commit=off',
		'-c full_page_writes=off',
		'-c max_connections=200'
	].join(' ');
	let stopped = false;
	const stop = () => {
		if (stopped) return;
		stopped = true;
		tool('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
		rmSync(dir, { recursive: true, force: true });
	};
	process.on('exit', stop);
	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		process.once(signal, () => {
			stop();
			process.exit(130);
		});
	}
	try {
		run('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', 'start']);
	} catch (error) {
		stop();
		throw error;
	}
	const url = (database: string) => `postgres://${USER}@127.0.0.1:${port}/${database}`;
	return {
		url,
		createDatabase(database) {
			run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', USER, database]);
			return url(database);
		},
		stop
	};
}

/** A new, empty database called `name` on the server of `serverUrl` (dropped first if there). */
export async function recreateDatabase(serverUrl: string, name: string): Promise<string> {
	const admin = new pg.Client({ connectionString: serverUrl });
	await admin.connect();
	try {
		await admin.query(`drop database if exists ${name} with (force)`);
		await admin.query(`create database ${name}`);
	} finally {
		await admin.end();
	}
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	return url.toString();
}
