/**
 * What the backup tests share: the CLIs run as an operator runs them, in their own processes, and
 * a load of responses stored through `storeResponses` while `npm run backup` runs, restored and
 * checked to hold exactly the responses committed up to one moment. For tests only.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { expect } from 'vitest';
import { createDb, type Db } from '..';
import { migrateToLatest } from '../migrator';
import { storeResponses, type NewResponse } from '../../responses/store';
import { makeArea, makeSurvey, opts } from '$testing/fixtures';

const TSX = resolve('node_modules/.bin/tsx');
/** Responses stored before the load starts, so the snapshot has something to copy. */
const BASE = 2000;
/** Each transaction of the load stores this many responses. */
const PER_BATCH = 4;
/** The load stops here even if the backup is still running. */
const MAX_BATCHES = 2500;
export const PRIVATE = 'Private words';

export function workDir(): string {
	return mkdtempSync(join(tmpdir(), 'heard-backup-'));
}

interface Run {
	code: number | null;
	stdout: string;
	stderr: string;
}

/** Runs `npm run backup|restore -- <file>` in its own process; resolves when it exits. */
export function runCli(
	script: 'backup' | 'restore',
	file: string,
	databaseUrl: string
): Promise<Run> {
	return new Promise((done, fail) => {
		const child = spawn(TSX, [`src/cli/${script}.ts`, file], {
			env: { ...process.env, DATABASE_URL: databaseUrl },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
		child.on('error', fail);
		child.on('close', (code) => done({ code, stdout, stderr }));
	});
}

export async function makeLoadSurvey(db: Db) {
	const area = await makeArea(db);
	return makeSurvey(db, area.id, {
		questions: [
			{ kind: 'scale', key: 'listened-to', dimension: 'lived_experience', required: 1 },
			{
				kind: 'single',
				key: 'district',
				dimension: 'about_you',
				options: JSON.stringify(opts(['North', 'South']))
			},
			// Which transaction of the load stored the response, to check the snapshot's edge.
			{ kind: 'number', key: 'batch' },
			{ kind: 'text', key: 'anything-else' }
		]
	});
}

type LoadSurvey = Awaited<ReturnType<typeof makeLoadSurvey>>;

function batchOf(survey: LoadSurvey, batch: number, size: number): NewResponse[] {
	const [scale, district, marker, text] = survey.questions;
	return Array.from({ length: size }, (_, i) => ({
		submittedOn: survey.today,
		channel: 'web' as const,
		answers: {
			[scale!.id]: [i % 2 ? 'agree' : 'disagree'],
			[district!.id]: [i % 3 ? 'north' : 'south'],
			[marker!.id]: [String(batch)],
			[text!.id]: [`${PRIVATE} ${batch}-${i}`]
		}
	}));
}

export async function storeBatch(db: Db, survey: LoadSurvey, batch: number, size: number) {
	await db
		.transaction()
		.execute((trx) =>
			storeResponses(trx, survey.id, survey.questions, batchOf(survey, batch, size))
		);
}

/** Every answer and comment, keyed by the load batch of its response. */
async function readStored(db: Db, survey: LoadSurvey) {
	const marker = survey.questions[2]!.id;
	const batches = await db
		.selectFrom('answers')
		.select(['responseId', 'value'])
		.where('questionId', '=', marker)
		.execute();
	const batchOfResponse = new Map(batches.map((b) => [b.responseId, Number(b.value)]));
	const responses = await db.selectFrom('responses').select(['id', 'surveyId']).execute();
	const answers = await db
		.selectFrom('answers')
		.select(['responseId', 'questionId', 'value'])
		.execute();
	const comments = await db
		.selectFrom('comments')
		.select(['id', 'responseId', 'questionId', 'body'])
		.execute();
	return { batchOfResponse, responses, answers, comments };
}

const sortedJson = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).sort();

/**
 * Stores batches before and while `npm run backup` runs, restores the backup into `targetUrl`,
 * and checks that the restored database holds exactly batches 0..k of what was stored, whole.
 */
export async function backUpUnderLoadAndRestore(
	sourceUrl: string,
	targetUrl: string,
	file: string
) {
	const source = createDb(sourceUrl);
	try {
		await migrateToLatest(source);
		const survey = await makeLoadSurvey(source);
		await storeBatch(source, survey, 0, BASE);

		let batches = 1;
		const storeUntil = async (stop: () => boolean) => {
			while (!stop() && batches < MAX_BATCHES) {
				await storeBatch(source, survey, batches, PER_BATCH);
				batches += 1;
				// better-sqlite3 answers synchronously, so give the event loop a turn in which it can
				// see the backup process exit; without one this loop would run to MAX_BATCHES.
				await nextTurn();
			}
		};
		await storeUntil(() => batches > 50);
		const committedBeforeBackup = batches;
		let finished = false;
		const backup = runCli('backup', file, sourceUrl).finally(() => (finished = true));
		await storeUntil(() => finished);
		const committed = batches;
		const backedUp = await backup;

		expect(backedUp.stderr).toBe('');
		expect(backedUp.code).toBe(0);
		expect(backedUp.stdout).toMatch(/Backup done: .*, [\d.]+ (KiB|MiB), in [\d.]+ s/);
		expect(backedUp.stdout).toMatch(/\d[\d,]* responses, [\d,]+ answers, [\d,]+ comments/);
		expect(backedUp.stdout).toContain('keep it apart from the database backups');
		expect(backedUp.stdout).not.toContain(PRIVATE);
		expect(statSync(file).mode & 0o777).toBe(0o600);

		const restoredRun = await runCli('restore', file, targetUrl);
		expect(restoredRun.stderr).toBe('');
		expect(restoredRun.code).toBe(0);
		expect(restoredRun.stdout).toContain('Restore done');
		expect(restoredRun.stdout).toContain('schema up to date');
		expect(restoredRun.stdout).not.toContain(PRIVATE);

		const restored = createDb(targetUrl);
		try {
			// It opens and migrates cleanly: nothing is pending, nothing unknown.
			expect(await migrateToLatest(restored)).toEqual([]);
			const got = await readStored(restored, survey);
			const all = await readStored(source, survey);

			// The restored batches are 0..k: all committed before the backup began, then a run of
			// those stored while it ran, with no gap (a later one never without an earlier one).
			const perBatch = new Map<number, number>();
			for (const batch of got.batchOfResponse.values()) {
				perBatch.set(batch, (perBatch.get(batch) ?? 0) + 1);
			}
			const k = Math.max(...perBatch.keys());
			expect([...perBatch.keys()].sort((a, b) => a - b)).toEqual(
				Array.from({ length: k + 1 }, (_, i) => i)
			);
			expect(k).toBeGreaterThanOrEqual(committedBeforeBackup - 1);
			// The load went on after the snapshot was taken: the backup really ran under it.
			expect(committed - 1).toBeGreaterThan(k);
			expect(perBatch.get(0)).toBe(BASE);
			for (let batch = 1; batch <= k; batch++) expect(perBatch.get(batch)).toBe(PER_BATCH);

			// The same responses, answers and comments as the source holds for those batches:
			// every response whole (three answers and a comment), none in part.
			const inSnapshot = (responseId: string) => (all.batchOfResponse.get(responseId) ?? -1) <= k;
			expect(got.responses.length).toBe(BASE + k * PER_BATCH);
			expect(sortedJson(got.responses)).toEqual(
				sortedJson(all.responses.filter((r) => inSnapshot(r.id)))
			);
			expect(got.answers.length).toBe(got.responses.length * 3);
			expect(sortedJson(got.answers)).toEqual(
				sortedJson(all.answers.filter((a) => inSnapshot(a.responseId)))
			);
			expect(got.comments.length).toBe(got.responses.length);
			expect(sortedJson(got.comments)).toEqual(
				sortedJson(all.comments.filter((c) => inSnapshot(c.responseId)))
			);
		} finally {
			await restored.destroy();
		}
	} finally {
		await source.destroy();
	}
}
