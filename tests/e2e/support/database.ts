/**
 * The tests' own synchronous view of the end-to-end database, on either engine. SQLite (the
 * default): the server's file, opened directly. PostgreSQL (E2E_DATABASE_URL set, see
 * playwright.config.ts): each call runs in a short child process (pg-sync.mjs), so the specs
 * keep one plain synchronous API on both.
 *
 * The SQL is written once for both: `?` placeholders (numbered for PostgreSQL here), integer
 * flags (`= 1`), and camelCase aliases, which are quoted here so PostgreSQL keeps their case.
 */
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';

/** The e2e SQLite file the web server of this run uses (see playwright.config.ts). */
export const E2E_DATABASE = `test-results/e2e-${process.env.HEARD_BUILD_DIR ?? 'build'}.db`;

/** The e2e PostgreSQL database, when the run is on PostgreSQL. */
export const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL || undefined;

/** The DATABASE_URL the e2e server (and any CLI a test runs) uses. */
export const SERVER_DATABASE_URL = E2E_DATABASE_URL ?? `file:${E2E_DATABASE}`;

export const onPostgres = E2E_DATABASE_URL !== undefined;

type Statement = [sql: string, params: unknown[]];

/** `?` → `$1`, `$2`… outside quoted strings; `as fooBar` → `as "fooBar"`. */
export function forPostgres(sql: string): string {
	let n = 0;
	let out = '';
	let quoted = false;
	for (const ch of sql) {
		if (ch === "'") quoted = !quoted;
		out += ch === '?' && !quoted ? `$${++n}` : ch;
	}
	return out.replace(/\bas\s+([a-z]\w*[A-Z]\w*)\b/g, 'as "$1"');
}

function onServer(statements: Statement[]): unknown[] {
	const output = execFileSync(process.execPath, ['tests/e2e/support/pg-sync.mjs'], {
		input: JSON.stringify({
			url: E2E_DATABASE_URL,
			statements: statements.map(([sql, params]) => [forPostgres(sql), params])
		}),
		encoding: 'utf8',
		maxBuffer: 256 * 1024 * 1024
	});
	return JSON.parse(output) as unknown[];
}

/** Runs a read-only query on the e2e database. */
export function query<T>(sql: string, ...params: unknown[]): T[] {
	if (onPostgres) return onServer([[sql, params]]) as T[];
	const db = new Database(E2E_DATABASE, { readonly: true, fileMustExist: true });
	try {
		return db.prepare(sql).all(...params) as T[];
	} finally {
		db.close();
	}
}

/** Runs writing statements in one transaction (for fixtures no screen can make). */
export function write(statements: Statement[]): void {
	if (onPostgres) {
		onServer(statements);
		return;
	}
	const db = new Database(E2E_DATABASE, { fileMustExist: true });
	db.pragma('busy_timeout = 5000');
	try {
		db.transaction(() => {
			for (const [sql, params] of statements) db.prepare(sql).run(...params);
		})();
	} finally {
		db.close();
	}
}

/** The column names of a table, read from the database itself. */
export function tableColumns(table: string): string[] {
	const sql = onPostgres
		? `select column_name as name from information_schema.columns
		   where table_schema = current_schema() and table_name = ? order by ordinal_position`
		: 'select name from pragma_table_info(?)';
	return query<{ name: string }>(sql, table).map((c) => c.name);
}
