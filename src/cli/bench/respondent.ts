/**
 * What families cost the server, in CPU time read from /proc (so whatever else runs on the
 * machine does not count), each beside a baseline measured in the same run:
 *
 * - a question page, against a bare SvelteKit page (one static page, server-rendered without
 *   client script, like ours) built with the same Kit and adapter;
 * - a family's whole flow without JavaScript (code, every page, check, send), against as many
 *   bare SvelteKit pages as the flow makes requests (what the framework alone costs it), and a
 *   bare node:http + better-sqlite3 server storing the same answers in one transaction.
 *
 * The question page's CPU is also split between the main thread, where the JavaScript runs, and
 * V8's helper threads (garbage collection, compiling), each beside the bare page's: it shows
 * which of the two a change to the page moves.
 *
 * The Heard server is given; the baselines are started here.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Db } from '../../lib/server/db';
import { describeDemo } from '../../lib/server/demo/summary';
import { createBatch } from '../../lib/server/responses/batches';
import { answerAsFamily } from './family';
import { codeCookie } from './page-weight';

const TICKS_PER_SECOND = 100;

/** Requests before a server's CPU per request stops falling (see cpuPerRequest). */
const STEADY_STATE = 3000;

/** Requests measured for each figure, after the server has reached its steady state. */
const MEASURED = 3000;

/** User and system CPU time from a /proc stat file, in ms. */
function statCpuMs(file: string): number {
	const stat = readFileSync(file, 'utf8');
	// Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** User and system CPU time a process has used so far, in ms, all its threads together. */
export function processCpuMs(pid: number): number {
	return statCpuMs(`/proc/${pid}/stat`);
}

/** The same for the process's main thread alone, where JavaScript runs. */
function mainThreadCpuMs(pid: number): number {
	return statCpuMs(`/proc/${pid}/task/${pid}/stat`);
}

/** CPU ms per request: all the process's threads, and the main thread alone. */
interface RequestCpu {
	total: number;
	/** The rest is V8's helper threads: garbage collection and compiling. */
	mainThread: number;
}

/**
 * CPU per request of a server process while `requests` run, `inFlight` at a time, after
 * `warm` unmeasured ones: a server that has been up a while has compiled its hot paths, and
 * V8 takes thousands of requests to get there. Over the 1,000 requests after the first 300, a
 * bare SvelteKit page cost 1.1–1.5 ms; over the 3,000 after the first 3,000, 0.28–0.41 ms, and
 * it stays there. Measured colder, the bare page looked three to five times its cost, and every
 * ratio to it looked better than it is.
 */
async function cpuPerRequest(
	pid: number,
	requests: number,
	inFlight: number,
	send: (i: number) => Promise<void>,
	warm = STEADY_STATE
): Promise<RequestCpu> {
	for (let i = 0; i < warm; i++) await send(i);
	let next = 0;
	const before = { total: processCpuMs(pid), mainThread: mainThreadCpuMs(pid) };
	const worker = async () => {
		for (let i = next++; i < requests; i = next++) await send(i + warm);
	};
	await Promise.all(Array.from({ length: inFlight }, worker));
	return {
		total: (processCpuMs(pid) - before.total) / requests,
		mainThread: (mainThreadCpuMs(pid) - before.mainThread) / requests
	};
}

interface Child {
	process: ChildProcess;
	url: string;
}

/** Starts `node <args>` and waits for it to print `ready` on its output. */
async function startChild(args: string[], ready: string, env: Record<string, string>) {
	const child = spawn(process.execPath, args, {
		env: { ...process.env, ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	await new Promise<void>((done, fail) => {
		const listen = (chunk: Buffer) => {
			output += chunk.toString();
			if (output.includes(ready)) done();
		};
		child.stdout!.on('data', listen);
		child.stderr!.on('data', listen);
		child.on('exit', (code) => fail(new Error(`${args.join(' ')} stopped (${code}):\n${output}`)));
	});
	return child;
}

async function stop(child: Child): Promise<void> {
	const exited = new Promise((done) => child.process.on('exit', done));
	child.process.kill('SIGTERM');
	await exited;
}

const BARE_KIT = resolve('node_modules/.cache/heard-bench/bare-kit');

/** A one-page SvelteKit app with the same Kit, Svelte and adapter, built once and kept. */
function buildBareKit(): string {
	const server = join(BARE_KIT, 'build', 'index.js');
	const files: Record<string, string> = {
		'package.json': '{ "type": "module", "private": true }\n',
		'svelte.config.js':
			"import adapter from '@sveltejs/adapter-node';\nexport default { kit: { adapter: adapter() } };\n",
		'vite.config.js':
			"import { sveltekit } from '@sveltejs/kit/vite';\nexport default { plugins: [sveltekit()] };\n",
		'src/app.html':
			'<!doctype html>\n<html lang="en"><head><meta charset="utf-8" /><meta name="viewport" content="width=device-width" />%sveltekit.head%</head><body>%sveltekit.body%</body></html>\n',
		'src/routes/+page.js': 'export const csr = false;\n',
		'src/routes/+page.svelte':
			'<h1>A question</h1>\n<form method="POST"><fieldset><legend>How was it?</legend>\n{#each ["Good", "All right", "Poor"] as label, i}<label><input type="radio" name="q" value={i} /> {label}</label>{/each}\n</fieldset><button>Continue</button></form>\n'
	};
	let changed = false;
	for (const [path, text] of Object.entries(files)) {
		const file = join(BARE_KIT, path);
		mkdirSync(join(file, '..'), { recursive: true });
		let old = '';
		try {
			old = readFileSync(file, 'utf8');
		} catch {
			changed = true;
		}
		if (old !== text) {
			writeFileSync(file, text);
			changed = true;
		}
	}
	let built = true;
	try {
		readFileSync(server);
	} catch {
		built = false;
	}
	if (changed || !built) {
		const vite = resolve('node_modules/vite/bin/vite.js');
		const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'error'], {
			cwd: BARE_KIT,
			encoding: 'utf8'
		});
		if (result.status !== 0)
			throw new Error(`The bare SvelteKit page did not build:\n${result.stderr}`);
	}
	return server;
}

/** A bare node:http + better-sqlite3 server that stores a posted form as one response. */
const BARE_SUBMISSION_SERVER = `
const http = require('node:http');
const Database = require(${JSON.stringify(resolve('node_modules/better-sqlite3'))});
const db = new Database(process.env.FILE);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec('create table if not exists responses (id text primary key, submitted_on text)');
db.exec('create table if not exists answers (response_id text, question_id text, value text, primary key (response_id, question_id, value))');
const response = db.prepare('insert into responses values (?, ?)');
const answer = db.prepare('insert into answers values (?, ?, ?)');
const store = db.transaction((id, fields) => {
	response.run(id, new Date().toISOString().slice(0, 10));
	for (const [q, v] of fields) answer.run(id, q, v);
});
http.createServer((req, res) => {
	let body = '';
	req.on('data', (c) => (body += c));
	req.on('end', () => {
		store(require('node:crypto').randomUUID(), new URLSearchParams(body));
		res.writeHead(303, { location: '/done' }).end();
	});
}).listen(Number(process.env.PORT), () => console.log('ready'));
`;

export interface RespondentBench {
	questionPageCpu: number;
	barePageCpu: number;
	familyFlowCpu: number;
	requestsPerFlow: number;
	bareSubmissionCpu: number;
}

/** Measures against the Heard server at `base` (process `pid`) on the demo database `db`. */
export async function main(base: string, pid: number, db: Db): Promise<RespondentBench> {
	const area = (await describeDemo(db)).find((a) => a.unusedCodes.length > 0);
	if (!area) throw new Error('No demo questionnaire with codes: start the server with the demo');
	const parent = area.surveys.find((s) => s.accessMode === 'code')!;
	const areaId = (await db
		.selectFrom('surveys')
		.select('localAreaId')
		.where('id', '=', parent.id)
		.executeTakeFirstOrThrow())!.localAreaId;
	const cookie = await codeCookie(base, parent.id, area.unusedCodes[0]!);
	const page = new URL(`/s/${parent.id}/p/1`, base);
	const get = async (url: URL, headers: Record<string, string> = {}) => {
		const response = await fetch(url, { headers: { accept: 'text/html', ...headers } });
		if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
		await response.arrayBuffer();
	};
	const questionPage = await cpuPerRequest(pid, MEASURED, 4, () => get(page, { cookie }));

	const bareKit = buildBareKit();
	const kitPort = 4900 + Math.floor(Math.random() * 100);
	const kit = {
		process: await startChild([bareKit], 'Listening on', { PORT: String(kitPort) }),
		url: `http://localhost:${kitPort}/`
	};
	const barePage = await cpuPerRequest(kit.process.pid!, MEASURED, 4, () => get(new URL(kit.url)));
	await stop(kit);

	const families = 150;
	// As many requests as warm the pages up: a flow makes 12.
	const warmFamilies = STEADY_STATE / 12;
	const { codes } = await createBatch(db, {
		localAreaId: areaId,
		surveyId: parent.id,
		label: `Bench ${new Date().toISOString()}`,
		size: warmFamilies + families,
		createdBy: null
	});
	let requests = 0;
	const familyFlow = await cpuPerRequest(
		pid,
		families,
		4,
		async (i) => {
			const outcome = await answerAsFamily({
				server: base,
				address: `10.9.${Math.floor(i / 250)}.${i % 250}`,
				surveyId: parent.id,
				code: codes[i]!,
				text: 'Bench words',
				onRequest: () => requests++
			});
			if (outcome !== 'sent') throw new Error(`A bench family was ${outcome}`);
		},
		warmFamilies
	);
	const requestsPerFlow = requests / (warmFamilies + families);
	const bareFlowCpu = requestsPerFlow * barePage.total;

	const barePort = 5000 + Math.floor(Math.random() * 100);
	const bare = {
		process: await startChild(['-e', BARE_SUBMISSION_SERVER], 'ready', {
			PORT: String(barePort),
			FILE: resolve('data/bench-bare-submissions.db')
		}),
		url: `http://localhost:${barePort}/`
	};
	const form = new URLSearchParams(
		Array.from({ length: 30 }, (_, q) => [`q${q}`, `value-${q % 5}`] as [string, string])
	);
	const bareSubmission = await cpuPerRequest(bare.process.pid!, MEASURED, 4, async () => {
		const response = await fetch(bare.url, { method: 'POST', body: form, redirect: 'manual' });
		if (response.status !== 303) throw new Error(`The bare server answered ${response.status}`);
		await response.arrayBuffer();
	});
	await stop(bare);

	const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
	const threads = (a: RequestCpu, b: RequestCpu) =>
		`main thread ${a.mainThread.toFixed(2)} ms against ${b.mainThread.toFixed(2)} (${ratio(a.mainThread, b.mainThread)}), V8's helper threads ${(a.total - a.mainThread).toFixed(2)} against ${(b.total - b.mainThread).toFixed(2)}`;
	console.log(
		[
			`Question page (server CPU):  ${questionPage.total.toFixed(2)} ms   bare SvelteKit page ${barePage.total.toFixed(2)} ms: ${ratio(questionPage.total, barePage.total)}, target ≤ 1.5×`,
			`  of which:                  ${threads(questionPage, barePage)}`,
			`A family's whole flow:       ${familyFlow.total.toFixed(2)} ms   target ≤ 4 ms, in ${requestsPerFlow} requests; as many bare SvelteKit pages ${bareFlowCpu.toFixed(2)} ms: ${ratio(familyFlow.total, bareFlowCpu)}; a bare node:http + better-sqlite3 submission ${bareSubmission.total.toFixed(2)} ms: ${ratio(familyFlow.total, bareSubmission.total)}`
		].join('\n')
	);
	return {
		questionPageCpu: questionPage.total,
		barePageCpu: barePage.total,
		familyFlowCpu: familyFlow.total,
		requestsPerFlow,
		bareSubmissionCpu: bareSubmission.total
	};
}
