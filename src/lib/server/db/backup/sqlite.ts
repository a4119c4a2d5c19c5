/**
 * SQLite backup and restore: a snapshot made with VACUUM INTO while the server writes, checked
 * before it is kept; a restore that copies a checked file into place only where no database is.
 */
import Database from 'better-sqlite3';
import {
	closeSync,
	copyFileSync,
	existsSync,
	mkdirSync,
	openSync,
	readSync,
	rmSync,
	statSync
} from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, SqliteDialect } from 'kysely';
import {
	BackupError,
	fileSize,
	formatBytes,
	formatSeconds,
	makePartialFile,
	putInPlace,
	readContents,
	refuseExisting,
	secondsSince,
	type BackupResult,
	type Contents,
	type RestoreResult,
	type Say
} from './common';

export async function backupSqlite(path: string, file: string, say: Say): Promise<BackupResult> {
	if (!existsSync(path)) {
		throw new BackupError(`There is no SQLite database at ${path}; check DATABASE_URL.`);
	}
	refuseExisting(file);
	const start = performance.now();
	const live = openSqlite(path, { readonly: false });
	let partial: string | undefined;
	try {
		live.pragma('busy_timeout = 5000');
		const tables = live
			.prepare(`select count(*) as n from sqlite_schema where type = 'table'`)
			.get() as { n: number };
		if (tables.n === 0)
			throw new BackupError(`${path} has no tables: there is nothing to back up.`);
		const liveBytes = fileSize(path) + (existsSync(`${path}-wal`) ? fileSize(`${path}-wal`) : 0);
		say(
			`Backing up the SQLite database ${path} (${formatBytes(liveBytes)} with its write-ahead log) to ${file}; the server can keep running.`
		);
		partial = makePartialFile(file);
		// VACUUM INTO rather than the page-copying backup API. It reads inside one transaction, so
		// the copy is a consistent snapshot taken while the server goes on writing (in WAL mode
		// writers never wait for it, and it never starts over when they commit, as the stepwise
		// backup API does). And it writes a fresh, compact file: no free pages and no write-ahead log, so a
		// backup never carries deleted rows (sent drafts, spent data) or old page images that the
		// live file still holds on disk but has already forgotten. The file name is bound, not
		// spliced into the SQL.
		live.prepare('VACUUM INTO ?').run(partial);
		say(`Snapshot written in ${formatSeconds(secondsSince(start))}; checking the copy.`);
		const contents = await checkSqliteFile(partial);
		putInPlace(partial, file);
		partial = undefined;
		return {
			engine: 'SQLite',
			file,
			bytes: fileSize(file),
			seconds: secondsSince(start),
			contents,
			checked: 'integrity check ok'
		};
	} finally {
		live.close();
		if (partial) rmSync(partial, { force: true });
	}
}

export async function restoreSqlite(path: string, file: string, say: Say): Promise<RestoreResult> {
	if (path === ':memory:') throw new BackupError('Cannot restore into an in-memory database.');
	const start = performance.now();
	refuseUnlessEmpty(path);
	say(`Checking the backup ${file}.`);
	const backup = await checkSqliteFile(file);
	if (!backup.migrations.length) {
		throw new BackupError(
			`${file} is a SQLite database but not a Heard backup: it has no migrations.`
		);
	}
	say(`Copying it to ${path}.`);
	mkdirSync(dirname(path), { recursive: true });
	const partial = makePartialFile(path);
	try {
		copyFileSync(file, partial);
		// Checked empty a moment ago: an empty file holds nothing, so it may give way.
		if (existsSync(path)) {
			refuseUnlessEmpty(path);
			rmSync(path);
		}
		putInPlace(partial, path);
	} finally {
		rmSync(partial, { force: true });
	}
	const contents = await checkSqliteFile(path);
	return {
		engine: 'SQLite',
		target: path,
		bytes: fileSize(path),
		seconds: secondsSince(start),
		contents
	};
}

/**
 * Restoring goes only where there is no database: no file, an empty file, or a file with no
 * tables, and no write-ahead log or journal beside it. A log beside it would belong to another
 * database and be replayed into the restored one, and its presence means a server may have the
 * file open (or was stopped uncleanly), so the server must be stopped first.
 */
function refuseUnlessEmpty(path: string): void {
	for (const suffix of ['-wal', '-shm', '-journal']) {
		if (existsSync(`${path}${suffix}`)) {
			throw new BackupError(
				`Refusing to restore: ${path}${suffix} exists, so a server may have ${path} open (or was not shut down cleanly). Stop the server and restore into an empty database; nothing was changed.`
			);
		}
	}
	if (!existsSync(path) || statSync(path).size === 0) return;
	if (hasSchema(path)) {
		throw new BackupError(
			`Refusing to restore: ${path} already holds a database. Restore only into an empty database: stop the server and move that file aside, or point DATABASE_URL at a new file. Nothing was changed.`
		);
	}
}

/**
 * Whether a SQLite file with no log beside it has any table, index or view, read from its first
 * page rather than by opening it, which would leave a new log and shared-memory file behind.
 * Page 1 is the root of the schema table, after the 100-byte file header: a leaf page with no
 * cells means an empty schema.
 */
function hasSchema(path: string): boolean {
	const head = Buffer.alloc(108);
	const fd = openSync(path, 'r');
	let read: number;
	try {
		read = readSync(fd, head, 0, head.length, 0);
	} finally {
		closeSync(fd);
	}
	if (read < head.length || head.toString('latin1', 0, 16) !== 'SQLite format 3\u0000') {
		throw new BackupError(
			`Refusing to restore: ${path} exists and is not an empty SQLite database. Nothing was changed.`
		);
	}
	const leafTablePage = 0x0d;
	return head[100] !== leafTablePage || head.readUInt16BE(103) !== 0;
}

/** Integrity check, then what the file holds. Throws a BackupError for anything but "ok". */
async function checkSqliteFile(path: string): Promise<Contents> {
	const conn = openSqlite(path, { readonly: true });
	const db = new Kysely<never>({ dialect: new SqliteDialect({ database: conn }) });
	try {
		const result = conn.pragma('integrity_check', { simple: true });
		if (result !== 'ok') {
			throw new BackupError(`${path} fails SQLite's integrity check (${String(result)}).`);
		}
		return await readContents(db);
	} finally {
		await db.destroy();
	}
}

function openSqlite(path: string, { readonly }: { readonly: boolean }): Database.Database {
	let db: Database.Database | undefined;
	try {
		db = new Database(path, { readonly, fileMustExist: true });
		// Opening is lazy: a file that is not a database shows itself on the first read.
		db.prepare('select count(*) from sqlite_schema').get();
		return db;
	} catch (error) {
		db?.close();
		const code = (error as { code?: string }).code;
		if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
			throw new BackupError(`${path} is not a SQLite database.`);
		}
		if (code === 'SQLITE_CANTOPEN') throw new BackupError(`Cannot open ${path}.`);
		throw error;
	}
}
