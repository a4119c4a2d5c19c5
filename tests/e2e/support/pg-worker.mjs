// The worker thread behind the tests' synchronous PostgreSQL helpers (database.ts): it holds one
// connection, runs each request's statements (in a transaction when there are several), posts
// the last statement's rows back, and wakes the waiting thread through the shared flag.
import pg from 'pg';
import { workerData } from 'node:worker_threads';

pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

const { url, flag: shared, port } = workerData;
const flag = new Int32Array(shared);
const client = new pg.Client({ connectionString: url });
const connected = client.connect();

port.on('message', async (statements) => {
	let reply;
	try {
		await connected;
		let rows = [];
		if (statements.length > 1) await client.query('begin');
		try {
			for (const [text, params] of statements) rows = (await client.query(text, params)).rows;
			if (statements.length > 1) await client.query('commit');
		} catch (error) {
			if (statements.length > 1) await client.query('rollback').catch(() => {});
			throw error;
		}
		reply = { rows: JSON.parse(JSON.stringify(rows)) };
	} catch (error) {
		reply = { error: error instanceof Error ? error.message : String(error) };
	}
	port.postMessage(reply);
	Atomics.store(flag, 0, 1);
	Atomics.notify(flag, 0);
});
port.unref?.();
