/**
 * Online backup and restore of the database named by a DATABASE_URL, on either engine.
 *
 * A backup is a consistent snapshot taken while the server keeps running and storing
 * submissions: a response is in it whole or not at all. It is checked before it is kept and is
 * never written over an existing file. A restore goes only into an empty database and never
 * overwrites one. Neither prints respondent data: only file names, sizes, times and row counts.
 *
 * What is not in a backup: the server secret (data/heard.secret or HEARD_SECRET). Without it the
 * codes and sealed data in a backup cannot be used, which is the point: the database alone must
 * not be enough. Keep the secret backed up separately, apart from the database backups.
 */
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { DEFAULT_DATABASE_URL } from '../index';
import { BackupError, type BackupResult, type RestoreResult, type Say } from './common';
import { backupPostgres, restorePostgres } from './postgres';
import { backupSqlite, restoreSqlite } from './sqlite';

export {
	BackupError,
	describeContents,
	describeSchema,
	formatBytes,
	formatSeconds
} from './common';
export type { BackupResult, Contents, RestoreResult, Say } from './common';

type Engine = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

function engineFor(url: string): Engine {
	if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
		return { kind: 'postgres', url };
	}
	return { kind: 'sqlite', path: url === ':memory:' ? url : url.replace(/^file:/, '') };
}

/** Backs up the database at `url` (default: DATABASE_URL) into the new file `file`. */
export async function backupDatabase(
	file: string,
	say: Say,
	url: string = process.env.DATABASE_URL || DEFAULT_DATABASE_URL
): Promise<BackupResult> {
	const engine = engineFor(url);
	if (engine.kind === 'postgres') return backupPostgres(engine.url, file, say);
	if (engine.path === ':memory:') {
		throw new BackupError('An in-memory database cannot be backed up from another process.');
	}
	return backupSqlite(engine.path, file, say);
}

/** Restores `file` into the empty database at `url` (default: DATABASE_URL). */
export async function restoreDatabase(
	file: string,
	say: Say,
	url: string = process.env.DATABASE_URL || DEFAULT_DATABASE_URL
): Promise<RestoreResult> {
	const engine = engineFor(url);
	const made = backupKind(file);
	if (made !== engine.kind) {
		const names = { sqlite: 'SQLite', postgres: 'PostgreSQL' };
		throw new BackupError(
			`${file} is a ${names[made]} backup but DATABASE_URL names a ${names[engine.kind]} database; restore it into a ${names[made]} one.`
		);
	}
	return engine.kind === 'postgres'
		? restorePostgres(engine.url, file, say)
		: restoreSqlite(engine.path, file, say);
}

/** Which engine made a backup file, from its first bytes. */
function backupKind(file: string): Engine['kind'] {
	if (!existsSync(file)) throw new BackupError(`There is no backup file ${file}.`);
	const head = Buffer.alloc(16);
	const fd = openSync(file, 'r');
	try {
		readSync(fd, head, 0, 16, 0);
	} finally {
		closeSync(fd);
	}
	if (head.toString('latin1') === 'SQLite format 3\u0000') return 'sqlite';
	if (head.subarray(0, 5).toString('latin1') === 'PGDMP') return 'postgres';
	const compressed = { gzip: [0x1f, 0x8b], zstd: [0x28, 0xb5, 0x2f, 0xfd], xz: [0xfd, 0x37, 0x7a] };
	for (const [tool, magic] of Object.entries(compressed)) {
		if (magic.every((byte, i) => head[i] === byte)) {
			throw new BackupError(`${file} is compressed with ${tool}; decompress it first.`);
		}
	}
	throw new BackupError(
		`${file} is neither a SQLite backup nor a PostgreSQL custom-format dump (pg_dump --format=custom).`
	);
}
