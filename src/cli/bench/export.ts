/**
 * The responses export at scale: streams the responses file of the questionnaire with the most
 * responses and prints the total time, the time to the first byte and the peak memory (RSS and
 * heap), with the heap sampled at each quarter of the rows to show it stays flat, beside a bare
 * csv-stringify stream of the same rows, and the time to build that questionnaire's publication
 * beside a bare GROUP BY over its answers. `--double-rest` downloads it again from a copy of the
 * database with another area as large added, to show nothing grows with other areas' rows.
 *
 *   tsx src/cli/bench/export.ts [--responses 100000] [--database file:data/bench-export.db]
 *                               [--http build-dir] [--double-rest]
 *
 * The database is DATABASE_URL's (as made by `npm run seed:load -- --responses 100000`) or
 * `--database`; if no questionnaire there has enough responses, a load area is added to it with
 * that many responses (30 answers each, a third with a reviewed comment) through the same
 * storeResponses the app uses. `--http` also starts that build on the database, signs in as a
 * bench officer and downloads the file over HTTP, reading the server's own peak RSS.
 */
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify';
import { readFileSync, rmSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { hashPassword } from '../../lib/server/auth/password';
import { createDb, nowIso, today, type Db } from '../../lib/server/db';
import { migrateToLatest } from '../../lib/server/db/migrator';
import { loadExportArea } from '../../lib/server/exports/context';
import { storedCsvStream } from '../../lib/server/exports/csv';
import { findExportSurvey } from '../../lib/server/exports/repository';
import { responsesFileText } from '../../lib/server/exports/responses';
import { newId } from '../../lib/server/ids';
import { latestPublication } from '../../lib/server/insights/publish/store';
import { buildPublication, publishSurvey } from '../../lib/server/insights/publish/refresh';
import { seedLoad } from '../seed-load';
import { areaRules } from '../../lib/server/insights/service';
import { bareGroupBy, time } from './insights';
import { startServer, stopServer } from './servers';

const MiB = 1024 * 1024;
const BENCH_EMAIL = 'bench-officer@bench.example';
const BENCH_PASSWORD = 'bench export officer password 1';

interface Largest {
	surveyId: string;
	areaId: string;
	responses: number;
}

async function largestSurvey(db: Db): Promise<Largest | undefined> {
	const row = await db
		.selectFrom('responses')
		.innerJoin('surveys', 'surveys.id', 'responses.surveyId')
		.select((eb) => ['surveys.id', 'surveys.localAreaId', eb.fn.countAll<number>().as('n')])
		.groupBy(['surveys.id', 'surveys.localAreaId'])
		.orderBy('n', 'desc')
		.executeTakeFirst();
	return row && { surveyId: row.id, areaId: row.localAreaId, responses: Number(row.n) };
}

/** A load area with one questionnaire holding every response, its comments reviewed. */
async function makeLoad(db: Db, responses: number): Promise<Largest> {
	const area = await seedLoad(db, { responses, waves: 1, audiences: ['parent_carer'] });
	const survey = await db
		.selectFrom('surveys')
		.select('id')
		.where('localAreaId', '=', area.areaId)
		.executeTakeFirstOrThrow();
	await db
		.updateTable('comments')
		.set({ status: 'reviewed', reviewedOn: today() })
		.where('surveyId', '=', survey.id)
		.execute();
	return { surveyId: survey.id, areaId: area.areaId, responses };
}

interface Measured {
	baselineRss: number;
	baselineHeap: number;
	rows: number;
	bytes: number;
	firstByteMs: number;
	totalMs: number;
	peakRss: number;
	peakHeap: number;
	heapAtQuarters: number[];
}

/** Streams the file into a counting sink, sampling memory as it goes. */
async function measureInProcess(db: Db, found: Largest): Promise<Measured> {
	const area = (await loadExportArea(db, found.areaId))!;
	const survey = (await findExportSurvey(db, area.id, found.surveyId))!;
	global.gc?.();
	const baseline = process.memoryUsage();
	let peakRss = baseline.rss;
	let peakHeap = baseline.heapUsed;
	const sample = () => {
		const m = process.memoryUsage();
		peakRss = Math.max(peakRss, m.rss);
		peakHeap = Math.max(peakHeap, m.heapUsed);
	};
	const timer = setInterval(sample, 20);
	const started = performance.now();
	let firstByteMs = -1;
	let bytes = 0;
	let rows = 0;
	const heapAtQuarters: number[] = [];
	try {
		const stored = (await responsesFileText(db, survey))!;
		const quarter = Math.max(1, Math.floor(found.responses / 4));
		for await (const chunk of storedCsvStream(stored.chunks)) {
			if (firstByteMs < 0) firstByteMs = performance.now() - started;
			const text = String(chunk);
			bytes += Buffer.byteLength(text);
			const before = rows;
			rows += text.split('\r\n').length - 1;
			sample();
			if (Math.floor(rows / quarter) > Math.floor(before / quarter)) {
				heapAtQuarters.push(process.memoryUsage().heapUsed);
			}
		}
	} finally {
		clearInterval(timer);
	}
	sample();
	return {
		baselineRss: baseline.rss,
		baselineHeap: baseline.heapUsed,
		rows,
		bytes,
		firstByteMs,
		totalMs: performance.now() - started,
		peakRss,
		peakHeap,
		heapAtQuarters
	};
}

/** Downloads measured, after one that warms the database's cache as a live server's is. */
const DOWNLOADS = 5;

/**
 * The download whose total time is the median of `DOWNLOADS`, with the fastest and slowest: one
 * download of a tenth of a second moves with whatever else the machine does (on PostgreSQL, the
 * minutes after a bulk load and a publication), so a single one cannot show whether it moved.
 */
async function medianDownload(db: Db, found: Largest) {
	await measureInProcess(db, found);
	const runs: Measured[] = [];
	for (let i = 0; i < DOWNLOADS; i++) runs.push(await measureInProcess(db, found));
	runs.sort((a, b) => a.totalMs - b.totalMs);
	return {
		...runs[Math.floor(DOWNLOADS / 2)]!,
		fastestMs: runs[0]!.totalMs,
		slowestMs: runs.at(-1)!.totalMs
	};
}

/** The file is made with its questionnaire's publication: make one if there is none yet. */
async function ensurePublished(db: Db, surveyId: string): Promise<void> {
	if (await latestPublication(db, surveyId)) return;
	console.log('Publishing it first (the file is made with the publication)…');
	await publishSurvey(db, surveyId, { final: true });
}

/**
 * Building this questionnaire's whole publication (every breakdown, and the row file) beside a
 * bare GROUP BY question, value over its answers: one questionnaire of all the responses.
 */
async function publicationBeside(db: Db, found: Largest) {
	const rules = await areaRules(db, found.areaId);
	const survey = { id: found.surveyId, localAreaId: found.areaId };
	return {
		publish: await time(3, () => buildPublication(db, survey, rules, null)),
		groupBy: await time(3, () => bareGroupBy(db, found.surveyId))
	};
}

/** The baseline: the same rows, already in memory, through a bare csv-stringify stream. */
async function bareStream(db: Db, found: Largest): Promise<number> {
	const area = (await loadExportArea(db, found.areaId))!;
	const survey = (await findExportSurvey(db, area.id, found.surveyId))!;
	let text = '';
	for await (const chunk of (await responsesFileText(db, survey))!.chunks) text += chunk;
	const rows = parse(text) as string[][];
	const started = performance.now();
	let bytes = 0;
	for await (const chunk of Readable.from(rows).pipe(
		stringify({ record_delimiter: 'windows', bom: true })
	)) {
		bytes += (chunk as Buffer).length;
	}
	if (bytes === 0) throw new Error('The bare stream wrote nothing');
	return performance.now() - started;
}

/**
 * The same download with as much again in another area: the figure should not move, since every
 * query a download makes is keyed by the questionnaire's own rows. A SQLite file is copied first,
 * so the bench's own is kept; a PostgreSQL database (the bench's throwaway one) grows in place.
 */
async function withRestDoubled(url: string, db: Db, found: Largest, responses: number) {
	const copy = url.startsWith('postgres') ? null : `${url.replace(/^file:/, '')}.doubled`;
	if (copy) {
		rmSync(copy, { force: true });
		const source = new Database(url.replace(/^file:/, ''), { readonly: true });
		await source.backup(copy);
		source.close();
	}
	const target = copy ? createDb(`file:${copy}`) : db;
	try {
		console.log(`  adding another area of ${responses} responses${copy ? ' to a copy' : ''}…`);
		const other = await makeLoad(target, responses);
		await publishSurvey(target, other.surveyId, { final: true });
		return await medianDownload(target, found);
	} finally {
		if (copy) {
			await target.destroy();
			rmSync(copy, { force: true });
		}
	}
}

/** Starts the built server on the database, signs in as the bench officer and downloads the file. */
async function measureOverHttp(db: Db, url: string, build: string, found: Largest) {
	const existing = await db
		.selectFrom('users')
		.select('id')
		.where('email', '=', BENCH_EMAIL)
		.executeTakeFirst();
	if (!existing) {
		await db
			.insertInto('users')
			.values({
				id: newId(),
				localAreaId: found.areaId,
				email: BENCH_EMAIL,
				name: 'Bench officer',
				role: 'officer',
				// The row-level file is a grant of its own, given by an admin.
				canExportRows: 1,
				passwordHash: await hashPassword(BENCH_PASSWORD),
				expiresOn: null,
				disabledAt: null,
				createdAt: nowIso()
			})
			.execute();
	} else {
		await db
			.updateTable('users')
			.set({ localAreaId: found.areaId, canExportRows: 1 })
			.where('id', '=', existing.id)
			.execute();
	}
	const port = 4300 + Math.floor(Math.random() * 500);
	const origin = `http://localhost:${port}`;
	const server = await startServer({
		port,
		databaseUrl: url,
		build,
		behindProxy: false,
		env: { HEARD_DEMO: '0' }
	});
	try {
		const login = await fetch(`${origin}/login`, {
			method: 'POST',
			headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ email: BENCH_EMAIL, password: BENCH_PASSWORD }),
			redirect: 'manual'
		});
		const cookie = (login.headers.getSetCookie()[0] ?? '').split(';')[0]!;
		if (!cookie) throw new Error(`sign-in failed (${login.status})`);
		const vmHwm = () => {
			const status = readFileSync(`/proc/${server.process.pid}/status`, 'utf8');
			return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
		};
		const download = async () => {
			const started = performance.now();
			const response = await fetch(
				`${origin}/app/exports/surveys/${found.surveyId}/responses.csv`,
				{ headers: { cookie } }
			);
			if (!response.ok || !response.body) throw new Error(`download answered ${response.status}`);
			let firstByteMs = -1;
			let bytes = 0;
			for await (const chunk of response.body) {
				if (firstByteMs < 0) firstByteMs = performance.now() - started;
				bytes += chunk.length;
			}
			return { bytes, firstByteMs, totalMs: performance.now() - started };
		};
		// The first request to a fresh server also loads the route's code: time the second.
		const before = vmHwm();
		const cold = await download();
		return {
			...(await download()),
			coldFirstByteMs: cold.firstByteMs,
			rssBefore: before,
			peakRss: vmHwm()
		};
	} finally {
		await stopServer(server);
	}
}

const mib = (n: number) => `${(n / MiB).toFixed(1)} MiB`;
const ms = (n: number) => `${n.toFixed(0)} ms`;

export async function main(argv: string[] = process.argv.slice(2)): Promise<number> {
	const { values } = parseArgs({
		args: argv,
		options: {
			responses: { type: 'string', default: '100000' },
			database: { type: 'string' },
			http: { type: 'string' },
			'double-rest': { type: 'boolean', default: false }
		}
	});
	const wanted = Number(values.responses);
	if (!Number.isInteger(wanted) || wanted < 1) {
		console.error('--responses must be a whole number');
		return 2;
	}
	const url = values.database ?? process.env.DATABASE_URL ?? 'file:data/bench-export.db';
	const db = createDb(url);
	try {
		await migrateToLatest(db);
		let found = await largestSurvey(db);
		if (!found || found.responses < wanted) {
			console.log(`No questionnaire with ${wanted} responses in ${url}: adding a load area.`);
			found = await makeLoad(db, wanted);
		}
		await ensurePublished(db, found.surveyId);
		console.log(`Responses file of a questionnaire with ${found.responses} responses (${url})`);
		const m = await medianDownload(db, found);
		const bare = await bareStream(db, found);
		console.log(
			[
				'In process:',
				`  rows ${m.rows}, ${mib(m.bytes)} of CSV`,
				`  time to first byte ${ms(m.firstByteMs)}, total ${ms(m.totalMs)} (${Math.round(m.rows / (m.totalMs / 1000))} rows/s; the median of ${DOWNLOADS} downloads, ${ms(m.fastestMs)} to ${ms(m.slowestMs)})`,
				`  peak RSS ${mib(m.peakRss)}, peak heap ${mib(m.peakHeap)} (before: RSS ${mib(m.baselineRss)}, heap ${mib(m.baselineHeap)})`,
				`  heap at each quarter of the rows: ${m.heapAtQuarters.map(mib).join(', ')}`,
				`  a bare csv-stringify stream of the same rows: ${ms(bare)}; the file takes ${(m.totalMs / bare).toFixed(2)}× that, target ≤ 1.5×`
			].join('\n')
		);
		const built = await publicationBeside(db, found);
		console.log(
			[
				`Publication of this questionnaire (every breakdown, with the row file):`,
				`  bare GROUP BY question, value: median ${ms(built.groupBy.median)}   baseline`,
				`  its whole publication: median ${ms(built.publish.median)}, CPU ${ms(built.publish.cpu)} (${built.publish.runs} runs)   ${(built.publish.median / built.groupBy.median).toFixed(1)}× baseline, target ≤ 3×`
			].join('\n')
		);
		if (values['double-rest']) {
			const doubled = await withRestDoubled(url, db, found, wanted);
			console.log(
				`  with the rest of the database doubled (another area of ${wanted} responses): total ${ms(doubled.totalMs)} (${ms(doubled.fastestMs)} to ${ms(doubled.slowestMs)}), first byte ${ms(doubled.firstByteMs)}: ${(doubled.totalMs / m.totalMs).toFixed(2)}× the figure above`
			);
		}
		if (values.http) {
			const h = await measureOverHttp(db, url, values.http, found);
			console.log(
				[
					`Over HTTP (node ${values.http}):`,
					`  ${mib(h.bytes)} downloaded`,
					`  time to first byte ${ms(h.firstByteMs)}, total ${ms(h.totalMs)} (the first download of a fresh server, which loads the route's code: first byte ${ms(h.coldFirstByteMs)})`,
					`  server peak RSS ${mib(h.peakRss)} (${mib(h.rssBefore)} before the download)`
				].join('\n')
			);
		}
		return 0;
	} finally {
		await db.destroy();
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	process.exit(await main());
}
