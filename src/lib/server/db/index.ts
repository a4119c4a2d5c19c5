/**
 * The database: one Kysely instance per process, chosen from DATABASE_URL.
 * Nothing here connects on import; `getDb()` opens the database on first use.
 */
import {
	CamelCasePlugin,
	CompiledQuery,
	Kysely,
	PostgresDialect,
	SqliteAdapter,
	SqliteDialect,
	SqliteDriver,
	type DatabaseConnection,
	type Dialect,
	type SqliteDatabase,
	type SqliteDialectConfig
} from 'kysely';
import Database from 'better-sqlite3';
import pg from 'pg';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Memo } from '../memo';
import type { Database as Schema } from './schema';

export type Db = Kysely<Schema>;

export const DEFAULT_DATABASE_URL = 'file:data/heard.db';

export interface DbOptions {
	/** PostgreSQL only: the schema to work in (tests give each database a schema of its own). */
	schema?: string;
}

/** Opens a database. `file:path` or unset → SQLite; `postgres://` → PostgreSQL; `:memory:` for tests. */
export function createDb(
	url: string = process.env.DATABASE_URL || DEFAULT_DATABASE_URL,
	options: DbOptions = {}
): Db {
	return new Kysely<Schema>({
		dialect: dialectFor(url, options),
		plugins: [new CamelCasePlugin()]
	});
}

export function isPostgresUrl(url: string): boolean {
	return url.startsWith('postgres://') || url.startsWith('postgresql://');
}

function dialectFor(url: string, options: DbOptions): Dialect {
	if (isPostgresUrl(url)) {
		// Each instance holds at most this many connections: instances × size must stay below the
		// server's max_connections (100 by default), with room for backups and maintenance.
		const pool = new pg.Pool({
			connectionString: url,
			max: poolSize(),
			...(options.schema ? { options: `-c search_path=${options.schema}` } : {})
		});
		// An idle connection the server ends (a restart, an administrator) is reported here; the
		// pool drops it and opens another when needed. Without a listener Node would crash.
		pool.on('error', (error) => {
			console.error(`PostgreSQL closed an idle connection: ${error.message}`);
		});
		return new PostgresDialect({ pool });
	}
	const path = url === ':memory:' ? ':memory:' : url.replace(/^file:/, '');
	if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	const sqlite = new Database(path);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('synchronous = NORMAL');
	sqlite.pragma('busy_timeout = 5000');
	// Deleted rows (drafts, waiting responses) are overwritten with zeros, not left in free pages
	// for a copy of the file to find.
	sqlite.pragma('secure_delete = ON');
	// When the log is reset after a checkpoint, cut the file back to nothing rather than leave
	// old commits' pages behind the point where new ones are written.
	sqlite.pragma('journal_size_limit = 0');
	// Checkpoint every ~40 MB of WAL instead of every 4 MB. A busy survey rewrites the same hot
	// pages (running counts, index interiors) commit after commit; copying them back ten times
	// less often, with ten times fewer syncs, took concurrent submissions from ~1,900 to ~2,350 a
	// second on 100,000 responses. The price: a checkpoint, when it comes, holds one commit for
	// ~0.1-0.2 s instead of ~0.05 s. (A larger page cache was measured too and did not help.)
	sqlite.pragma('wal_autocheckpoint = 10000');
	return new ImmediateSqliteDialect({ database: withStatementCache(sqlite) });
}

/**
 * The database with its prepared statements kept by SQL text. Kysely prepares every query
 * afresh, which costs as much as running a small one; the same few hundred statements serve
 * every request. Safe because each is run to completion (`all`, `run`) before the next use.
 */
function withStatementCache(sqlite: Database.Database): SqliteDatabase {
	const statements = new Memo<Database.Statement>(500);
	return {
		close: () => sqlite.close(),
		prepare: (sql: string) => statements.get(sql) ?? statements.set(sql, sqlite.prepare(sql))
	};
}

/**
 * SQLite transactions that take the write lock when they begin. A plain BEGIN reads first and
 * asks for the lock at its first write; if another connection (a command-line tool, a backup, a
 * second process) wrote in between, SQLite refuses at once with "database is locked" instead of
 * waiting. BEGIN IMMEDIATE waits its turn (busy_timeout) and then cannot fail that way.
 */
class ImmediateSqliteDialect extends SqliteDialect {
	readonly #config: SqliteDialectConfig;
	constructor(config: SqliteDialectConfig) {
		super(config);
		this.#config = config;
	}
	override createDriver() {
		return new ImmediateSqliteDriver(this.#config);
	}
}

class ImmediateSqliteDriver extends SqliteDriver {
	override async beginTransaction(connection: DatabaseConnection): Promise<void> {
		await connection.executeQuery(CompiledQuery.raw('begin immediate'));
	}
}

function poolSize(env: Record<string, string | undefined> = process.env): number {
	const size = Number(env.DATABASE_POOL_SIZE ?? 10);
	if (!Number.isInteger(size) || size < 1 || size > 500) {
		throw new Error('DATABASE_POOL_SIZE must be a whole number from 1 to 500');
	}
	return size;
}

let instance: Db | undefined;

/** The process-wide database, opened on first use. */
export function getDb(): Db {
	instance ??= createDb();
	return instance;
}

/** Today's date in ISO form (YYYY-MM-DD), the only time respondents' rows ever carry. */
export function today(now = new Date()): string {
	return now.toISOString().slice(0, 10);
}

/** A timestamp for staff data (audit, sessions). */
export function nowIso(now = new Date()): string {
	return now.toISOString();
}

/** Run in a transaction, joining the caller's if there is one (Kysely does not nest them). */
export async function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
	return db.isTransaction ? work(db) : db.transaction().execute(work);
}

/** Whether this database is SQLite (the embedded default) rather than PostgreSQL. */
export function isSqlite(db: Db): boolean {
	return db.getExecutor().adapter instanceof SqliteAdapter;
}

// PostgreSQL's "deadlock detected" and "could not serialize access": the transaction was rolled
// back whole and can simply be run again. SQLite's busy error means another writer held the file
// past busy_timeout.
const RETRYABLE = new Set(['40P01', '40001', 'SQLITE_BUSY']);

/** Runs a transaction again (a few times, with a short random pause) when the engine gave up on it. */
export async function retrying<T>(work: () => Promise<T>, attempts = 5): Promise<T> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await work();
		} catch (error) {
			const code = (error as { code?: string }).code;
			if (attempt >= attempts || !code || !RETRYABLE.has(code)) throw error;
			await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
		}
	}
}
