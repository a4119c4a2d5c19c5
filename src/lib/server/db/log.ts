/**
 * What the database engine keeps besides the tables. SQLite's write-ahead log holds every page
 * each recent commit wrote, in commit order: a history. After responses are released (and
 * regularly otherwise) the log is copied back into the database and cut to nothing, so a copy
 * of the files holds the current rows and not the order in which they came. PostgreSQL's log is
 * the server's own and is recycled by it; its handling is the operator's (see SECURITY.md).
 */
import { sql } from 'kysely';
import type { Db } from './index';
import { isSqlite } from './index';

/** Checkpoints SQLite's log and truncates it to zero bytes; nothing on PostgreSQL. */
export async function checkpointLog(db: Db): Promise<void> {
	if (!isSqlite(db) || db.isTransaction) return;
	await sql`pragma wal_checkpoint(truncate)`.execute(db);
}
