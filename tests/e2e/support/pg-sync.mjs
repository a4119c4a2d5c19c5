// Runs SQL on the end-to-end PostgreSQL database for the tests' synchronous helpers
// (tests/e2e/support/database.ts): reads {url, statements, mode} as JSON on stdin and writes the
// last statement's rows as JSON on stdout. Mode "reset" empties the database first (a fresh
// database for every run, see playwright.config.ts).
import pg from 'pg';

// Counts come back as numbers, as they do from SQLite.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

const input = JSON.parse(process.argv[2] === 'reset' ? '{"statements":[]}' : await stdin());
const url = process.argv[2] === 'reset' ? process.env.E2E_DATABASE_URL : input.url;
const client = new pg.Client({ connectionString: url });
await client.connect();
try {
	if (process.argv[2] === 'reset') {
		await client.query('drop schema if exists public cascade');
		await client.query('create schema public');
	} else {
		let rows = [];
		if (input.statements.length > 1) await client.query('begin');
		for (const [text, params] of input.statements) rows = (await client.query(text, params)).rows;
		if (input.statements.length > 1) await client.query('commit');
		process.stdout.write(JSON.stringify(rows));
	}
} finally {
	await client.end();
}

async function stdin() {
	let data = '';
	for await (const chunk of process.stdin) data += chunk;
	return data;
}
