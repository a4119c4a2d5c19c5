/**
 * Nothing acknowledged is lost: on each engine, start the built server on a fresh database, send
 * families' answers through the open link from many clients at once, `kill -9` the server in the
 * middle of it, start it again, and compare. Every family that reached the confirmation page must
 * be stored (waiting, sealed, or released), once and whole; the restart must be clean; and a
 * SIGTERM afterwards must stop the server with exit code 0.
 *
 *   tsx src/cli/bench.ts durability [--json]
 *
 * PostgreSQL is DURABILITY_DATABASE_URL (an empty database), or a throwaway cluster.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, type Db } from '../../lib/server/db';
import { unseal } from '../../lib/server/secret';
import { startCluster } from '../test-postgres';
import { answerAsFamily } from './family';
import { startServer, stopServer } from './servers';

const SECRET = 'd0'.repeat(32);
const PORT = Number(process.env.DURABILITY_PORT ?? 4390);
const CLIENTS = 24;
/** Kill once this many families have been acknowledged. */
const KILL_AFTER = 120;

export interface DurabilityResult {
	engine: string;
	attempted: number;
	acknowledged: number;
	stored: number;
	missing: number;
	duplicated: number;
	partial: number;
	restartClean: boolean;
	sigtermExit: number | null;
	ok: boolean;
}

async function storedTexts(db: Db, surveyId: string, textQuestions: number, questions: number) {
	// Released: each family's text is in comments, with the response it belongs to.
	const released = await db
		.selectFrom('comments as c')
		.select(['c.body', 'c.responseId'])
		.where('c.surveyId', '=', surveyId)
		.where('c.body', 'like', 'durability %')
		.execute();
	const answered = await db
		.selectFrom('answers as a')
		.innerJoin('responses as r', 'r.id', 'a.responseId')
		.select(['a.responseId', (eb) => eb.fn.count<number>('a.questionId').distinct().as('n')])
		.where('r.surveyId', '=', surveyId)
		.groupBy('a.responseId')
		.execute();
	const answersOf = new Map(answered.map((r) => [r.responseId, Number(r.n)]));
	const found = new Map<string, number>();
	let partial = 0;
	const perResponse = new Map<string, string[]>();
	for (const row of released) {
		perResponse.set(row.responseId, [...(perResponse.get(row.responseId) ?? []), row.body]);
	}
	for (const [responseId, bodies] of perResponse) {
		if (bodies.length !== textQuestions || new Set(bodies).size !== 1) partial++;
		if ((answersOf.get(responseId) ?? 0) !== questions - textQuestions) partial++;
		found.set(bodies[0]!, (found.get(bodies[0]!) ?? 0) + 1);
	}
	// Waiting: sealed whole; opened here with the server secret, as the server itself would.
	const waiting = await db
		.selectFrom('pendingResponses')
		.select('sealed')
		.where('surveyId', '=', surveyId)
		.execute();
	for (const { sealed } of waiting) {
		const response = JSON.parse(unseal(sealed, surveyId)) as { answers: Record<string, string[]> };
		const values = Object.values(response.answers).flat();
		const text = values.find((v) => v.startsWith('durability '));
		if (!text) continue;
		if (Object.keys(response.answers).length !== questions) partial++;
		found.set(text, (found.get(text) ?? 0) + 1);
	}
	return { found, partial };
}

async function once(engine: string, databaseUrl: string): Promise<DurabilityResult> {
	console.log(`\n-- ${engine}`);
	const server = await startServer({ port: PORT, databaseUrl, secret: SECRET });
	const db = createDb(databaseUrl);
	try {
		const survey = await db
			.selectFrom('surveys')
			.select('id')
			.where('status', '=', 'open')
			.where('isDemo', '=', 1)
			.where('accessMode', '=', 'open')
			.orderBy('id')
			.executeTakeFirstOrThrow();
		const kinds = await db
			.selectFrom('questions')
			.select('kind')
			.where('surveyId', '=', survey.id)
			.execute();
		const textQuestions = kinds.filter((q) => q.kind === 'text').length;

		let next = 0;
		let killed = false;
		const acknowledged: string[] = [];
		const started = Date.now();
		const client = async (c: number) => {
			while (!killed) {
				const text = `durability ${engine} ${next++}`;
				const outcome = await answerAsFamily({
					server: server.url,
					address: `10.77.${c}.${next % 250}`,
					surveyId: survey.id,
					text
				}).catch(() => 'refused' as const);
				if (outcome === 'sent' && !killed) {
					acknowledged.push(text);
					if (acknowledged.length >= KILL_AFTER) {
						killed = true;
						server.process.kill('SIGKILL');
					}
				}
			}
		};
		await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
		await server.exited;
		const attempted = next;
		console.log(
			`killed with kill -9 after ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
				`${acknowledged.length} acknowledged of ${attempted} sent (${CLIENTS} clients)`
		);

		// Start again on the same database: it must come up cleanly and answer its health check.
		let restartClean = false;
		let sigtermExit: number | null = null;
		try {
			const again = await startServer({ port: PORT, databaseUrl, secret: SECRET });
			restartClean = (await fetch(`${again.url}/healthz`)).status === 200;
			const exit = await stopServer(again, 'SIGTERM');
			sigtermExit = exit.code;
		} catch (error) {
			console.error(String(error));
		}
		const { found, partial } = await storedTexts(db, survey.id, textQuestions, kinds.length);
		const missing = acknowledged.filter((t) => !found.has(t)).length;
		const duplicated = [...found.values()].filter((n) => n > 1).length;
		const stored = [...found.values()].reduce((a, b) => a + b, 0);
		const ok =
			missing === 0 && duplicated === 0 && partial === 0 && restartClean && sigtermExit === 0;
		console.log(
			`acknowledged ${acknowledged.length}, stored ${stored} (every acknowledged one present: ` +
				`${missing === 0 ? 'yes' : `no, ${missing} missing`}; duplicated ${duplicated}; ` +
				`partial ${partial}); restart ${restartClean ? 'clean' : 'FAILED'}; ` +
				`SIGTERM exit ${sigtermExit}`
		);
		return {
			engine,
			attempted,
			acknowledged: acknowledged.length,
			stored,
			missing,
			duplicated,
			partial,
			restartClean,
			sigtermExit,
			ok
		};
	} finally {
		await db.destroy();
		if (server.process.exitCode === null && server.process.signalCode === null) {
			server.process.kill('SIGKILL');
		}
	}
}

export async function main(args: string[] = []): Promise<number> {
	// The bench opens waiting responses as the server does: it needs the servers' secret.
	process.env.HEARD_SECRET = SECRET;
	const results: DurabilityResult[] = [];
	const dir = mkdtempSync(join(tmpdir(), 'heard-durability-'));
	try {
		results.push(await once('SQLite', `file:${join(dir, 'heard.db')}`));
		let url = process.env.DURABILITY_DATABASE_URL;
		const cluster = url ? undefined : await startCluster();
		url ??= cluster!.createDatabase('durability');
		try {
			results.push(await once('PostgreSQL', url));
		} finally {
			cluster?.stop();
		}
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
	if (args.includes('--json')) {
		writeFileSync('test-results/durability.json', JSON.stringify(results, null, 2));
	}
	return results.every((r) => r.ok) ? 0 : 1;
}
