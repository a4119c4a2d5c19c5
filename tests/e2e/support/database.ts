/**
 * The tests' own synchronous view of the end-to-end database, on either engine. SQLite (the
 * default): the server's file, opened directly. PostgreSQL (E2E_DATABASE_URL set, see
 * playwright.config.ts): a worker thread holds a connection (pg-worker.mjs) and each call waits
 * for its answer with Atomics.wait, so the specs keep one plain synchronous API on both.
 *
 * The SQL is written once for both: `?` placeholders (numbered for PostgreSQL here), integer
 * flags (`= 1`), and camelCase aliases, which are quoted here so PostgreSQL keeps their case.
 */
import Database from 'better-sqlite3';
import { resolve } from 'node:path';
import {
	MessageChannel,
	receiveMessageOnPort,
	Worker,
	type MessagePort
} from 'node:worker_threads';

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

const pause = new Int32Array(new SharedArrayBuffer(4));

let channel: { port: MessagePort; flag: Int32Array } | undefined;

function connection(): { port: MessagePort; flag: Int32Array } {
	if (channel) return channel;
	const flag = new Int32Array(new SharedArrayBuffer(4));
	const { port1, port2 } = new MessageChannel();
	const worker = new Worker(resolve('tests/e2e/support/pg-worker.mjs'), {
		workerData: { url: E2E_DATABASE_URL, flag: flag.buffer, port: port2 },
		transferList: [port2]
	});
	// The worker never keeps the test process alive.
	worker.unref();
	port1.unref();
	channel = { port: port1, flag };
	return channel;
}

function onServer(statements: Statement[]): unknown[] {
	const { port, flag } = connection();
	Atomics.store(flag, 0, 0);
	port.postMessage(statements.map(([sql, params]) => [forPostgres(sql), params]));
	if (Atomics.wait(flag, 0, 0, 60_000) === 'timed-out') {
		throw new Error(`The e2e database did not answer: ${statements[0]?.[0]}`);
	}
	// The reply is posted before the flag is set, but may reach this port a moment later.
	let reply: { rows: unknown[]; error?: undefined } | { error: string } | undefined;
	for (let tries = 0; !reply && tries < 2000; tries++) {
		reply = receiveMessageOnPort(port)?.message as typeof reply;
		if (!reply) Atomics.wait(pause, 0, 0, 5);
	}
	if (!reply) throw new Error('The e2e database worker sent no reply');
	if (reply.error !== undefined) throw new Error(`${reply.error}\nin: ${statements[0]?.[0]}`);
	return reply.rows;
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
