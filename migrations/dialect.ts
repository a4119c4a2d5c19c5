import { SqliteAdapter, type Kysely } from 'kysely';

// Frozen in time like the migrations that use it: it imports nothing but Kysely.
// Nearly every migration is portable Kysely; the few steps SQLite and PostgreSQL must take
// differently (changing a CHECK constraint) ask this.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function isSqlite(db: Kysely<any>): boolean {
	return db.getExecutor().adapter instanceof SqliteAdapter;
}
