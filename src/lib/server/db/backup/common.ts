/**
 * What both engines' backups share: the error a user is shown, reading what a database holds
 * (tables, key row counts, migrations) through Kysely, and putting a finished file in place
 * without ever overwriting one.
 */
import { randomBytes } from 'node:crypto';
import {
	closeSync,
	existsSync,
	fsyncSync,
	linkSync,
	openSync,
	renameSync,
	rmSync,
	statSync
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Kysely } from 'kysely';
import { migrations } from '../../../../../migrations';

/** A failure the user can act on. Its message is one plain line, safe to print as it is. */
export class BackupError extends Error {
	override name = 'BackupError';
}

/** Progress, one plain line at a time. Never given respondent data, only names and figures. */
export type Say = (line: string) => void;

/** The tables whose row counts a backup and a restore report. */
export const KEY_TABLES = ['responses', 'answers', 'comments'] as const;
export type KeyTable = (typeof KEY_TABLES)[number];

export interface Contents {
	/** Every table, the migrator's own included. */
	tables: number;
	rows: Record<KeyTable, number>;
	/** Names of the migrations applied, in order. */
	migrations: string[];
}

export interface BackupResult {
	engine: 'SQLite' | 'PostgreSQL';
	file: string;
	bytes: number;
	seconds: number;
	contents: Contents;
	/** How the copy was checked, in words. */
	checked: string;
}

export interface RestoreResult {
	engine: 'SQLite' | 'PostgreSQL';
	/** Where it went, with no password in it. */
	target: string;
	bytes: number;
	seconds: number;
	contents: Contents;
}

/** Tables, key row counts and migrations, read in whatever snapshot `db` is in. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function readContents(db: Kysely<any>): Promise<Contents> {
	const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
	const names = new Set(tables.filter((t) => !t.isView).map((t) => t.name));
	const rows = { responses: 0, answers: 0, comments: 0 };
	for (const table of KEY_TABLES) {
		if (!names.has(table)) continue;
		const { n } = await db
			.selectFrom(table)
			.select((eb) => eb.fn.countAll<number | string>().as('n'))
			.executeTakeFirstOrThrow();
		rows[table] = Number(n);
	}
	const applied = names.has('kysely_migration')
		? await db.selectFrom('kysely_migration').select('name').orderBy('name').execute()
		: [];
	return { tables: names.size, rows, migrations: applied.map((m: { name: string }) => m.name) };
}

/** Table count, key row counts and schema version in words: "31 tables; 20,000 responses, …". */
export function describeContents(contents: Contents): string {
	const rows = KEY_TABLES.map((t) => `${contents.rows[t].toLocaleString('en-GB')} ${t}`);
	return `${contents.tables} tables; ${rows.join(', ')}`;
}

/** Where a database's schema stands against the migrations this version of Heard knows. */
export function describeSchema(applied: string[]): string {
	const known = Object.keys(migrations);
	const unknown = applied.filter((name) => !known.includes(name));
	if (unknown.length) {
		return `it was made by a newer version of Heard (migration ${unknown.at(-1)} is unknown here): run that version or a later one against it`;
	}
	const pending = known.filter((name) => !applied.includes(name));
	const at = applied.at(-1) ?? 'no migration';
	if (!pending.length) return `schema up to date (${at})`;
	return `schema at ${at}; the server applies ${pending.length} newer migration${pending.length === 1 ? '' : 's'} when it starts`;
}

export function formatBytes(bytes: number): string {
	if (bytes < 1024) return `${bytes} bytes`;
	const units = ['KiB', 'MiB', 'GiB', 'TiB'];
	let value = bytes / 1024;
	let unit = 0;
	while (value >= 1024 && unit < units.length - 1) {
		value /= 1024;
		unit += 1;
	}
	return `${value.toFixed(1)} ${units[unit]}`;
}

export function formatSeconds(seconds: number): string {
	return seconds < 10 ? `${seconds.toFixed(2)} s` : `${seconds.toFixed(1)} s`;
}

export function secondsSince(start: number): number {
	return (performance.now() - start) / 1000;
}

/** A backup never replaces a file: an older good backup must not be lost to a typo or a rerun. */
export function refuseExisting(file: string): void {
	if (existsSync(file)) {
		throw new BackupError(
			`${file} already exists; a backup never overwrites a file. Choose a new name (for example with the date and time in it).`
		);
	}
}

/**
 * A new empty file beside `file`, readable by its owner only (it will hold respondents' answers),
 * to be written and then put in place by `putInPlace`. Being in the same folder keeps the final
 * step a link on one file system, so nobody ever sees half a file under the real name.
 */
export function makePartialFile(file: string): string {
	if (!existsSync(dirname(file))) {
		throw new BackupError(`The folder ${dirname(file)} does not exist; create it first.`);
	}
	const partial = join(
		dirname(file),
		`.${basename(file)}.partial-${randomBytes(4).toString('hex')}`
	);
	closeSync(openSync(partial, 'wx', 0o600));
	return partial;
}

/**
 * Flushes `partial` to disk and gives it the name `file`, failing if `file` exists by then.
 * A hard link is the atomic "create if absent" of file systems; where links are not supported
 * the check and the rename are two steps, still never overwriting what was seen to exist.
 */
export function putInPlace(partial: string, file: string): void {
	const fd = openSync(partial, 'r+');
	try {
		fsyncSync(fd);
	} finally {
		closeSync(fd);
	}
	try {
		linkSync(partial, file);
		rmSync(partial);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'EEXIST') {
			throw new BackupError(`${file} appeared while this was running; it was left as it is.`);
		}
		if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw error;
		refuseExisting(file);
		renameSync(partial, file);
	}
	syncFolder(dirname(file));
}

/** Makes the new name itself durable (a rename is only safe once its folder is synced). */
function syncFolder(folder: string): void {
	let fd: number | undefined;
	try {
		fd = openSync(folder, 'r');
		fsyncSync(fd);
	} catch {
		// Some file systems cannot sync a folder; the file's own data is already flushed.
	} finally {
		if (fd !== undefined) closeSync(fd);
	}
}

export function fileSize(file: string): number {
	return statSync(file).size;
}
