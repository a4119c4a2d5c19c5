/**
 * `npm run bench [-- --responses 100000 --database file:data/bench.db --postgres URL]`: every benchmark, printing
 * figures (never pass/fail timings inside tests).
 *
 * 1. Page weight of the families' question pages, on the built server with a fresh demo database,
 *    and their server CPU beside a bare SvelteKit page and a bare submission server.
 * 2. Insights at scale: dashboard and finding page server time, publications beside a bare
 *    GROUP BY, and submissions a second, on a load area of `--responses` responses (made by
 *    seed:load the first time, then reused).
 * 3. The responses export of a questionnaire with `--responses` responses: time to first byte,
 *    total time and peak memory, in process and over HTTP.
 * 4. Parts 2 and 3 again on PostgreSQL (`--postgres URL`, or a throwaway cluster made for the run,
 *    filled with its own load the same way): the figures that depend on the database, on both.
 *
 * `npm run bench -- durability`: only the kill -9 check, on SQLite and PostgreSQL (durability.ts).
 * `npm run bench -- families`: only the first part (what families' pages weigh and cost).
 */
import { startServer, stopServer } from './bench/servers';
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildIfNeeded } from './build';
import { main as durability } from './bench/durability';
import { main as exportBench } from './bench/export';
import { main as insightsBench } from './bench/insights';
import { main as pageWeight } from './bench/page-weight';
import { main as respondentBench } from './bench/respondent';
import { createDb } from '../lib/server/db';
import { startCluster } from './test-postgres';

const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: {
		responses: { type: 'string', default: '100000' },
		database: { type: 'string', default: 'file:data/bench.db' },
		postgres: { type: 'string' },
		json: { type: 'boolean', default: false }
	}
});

buildIfNeeded();

if (positionals[0] === 'durability') {
	console.log('\n== Durability: kill -9 in the middle of a submission load, on each engine');
	process.exit(await durability(values.json ? ['--json'] : []));
}

console.log('\n== Page weight of the question pages');
const port = '3999';
const demoDatabase = 'data/bench-demo.db';
rmSync(demoDatabase, { force: true });
const server = await startServer({
	port: Number(port),
	databaseUrl: `file:${demoDatabase}`,
	build: 'build',
	behindProxy: false
});
process.env.DATABASE_URL = `file:${demoDatabase}`;
const weightCode = await pageWeight([`http://localhost:${port}`]);

console.log('\n== What families cost the server');
const demoDb = createDb(`file:${demoDatabase}`);
await respondentBench(server.url, server.process.pid!, demoDb);
await demoDb.destroy();
await stopServer(server);
delete process.env.DATABASE_URL;
if (positionals[0] === 'families') process.exit(weightCode);

/** Insights at scale and the responses export, on one database. */
async function databaseBenches(database: string, engine: string): Promise<number> {
	console.log(`\n== Insights at scale (${engine})`);
	await insightsBench(['--database', database, '--responses', values.responses]);
	console.log(`\n== Responses export (${engine})`);
	return exportBench([
		'--database',
		database,
		'--responses',
		values.responses,
		'--http',
		'build',
		'--double-rest'
	]);
}

const sqliteCode = await databaseBenches(values.database, 'SQLite');
const cluster = values.postgres ? undefined : await startCluster();
const postgresCode = await databaseBenches(
	values.postgres ?? cluster!.createDatabase('heard_bench'),
	'PostgreSQL'
);
cluster?.stop();

process.exit(weightCode || sqliteCode || postgresCode);
