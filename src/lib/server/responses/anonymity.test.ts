/**
 * The anonymity promise, tried by someone with a copy of the database (a database administrator,
 * a hosting provider, a stolen backup) who also holds the mail merge that joins codes to
 * addresses. They read the tables and what the engine keeps besides them: PostgreSQL's system
 * columns (the transaction id every row carries, its physical position), SQLite's row order, its
 * write-ahead log and its free pages. They do not hold the server secret, which lives beside the
 * database and not in it.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { sql } from 'kysely';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { whenIdle } from '../background';
import { createDb, isSqlite, type Db } from '../db';
import { migrateToLatest } from '../db/migrator';
import { createTestDb } from '$testing/db';
import { answerAll, setUpCodeSurvey } from '$testing/families';
import { normaliseCode } from './codes';
import { countPending, releasePending } from './release';

let db: Db;
beforeEach(async () => {
	db = await createTestDb();
});

/** Every text cell of every table, with where it was found. */
async function everyCell(on: Db = db): Promise<{ table: string; column: string; value: string }[]> {
	const tables = await on.introspection.getTables();
	const cells: { table: string; column: string; value: string }[] = [];
	for (const { name } of tables) {
		const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(
			on
		);
		for (const row of rows) {
			for (const [column, value] of Object.entries(row)) {
				if (typeof value === 'string') cells.push({ table: name, column, value });
			}
		}
	}
	return cells;
}

async function columns(table: string): Promise<string[]> {
	const found = (await db.introspection.getTables()).find((t) => t.name === table);
	return (found?.columns ?? []).map((c) => c.name).sort();
}

const plainSha256 = (text: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(text)));

describe('a copy of the database', () => {
	it('holds a response as a row with only a random id, the questionnaire, a date, the channel and the language', async () => {
		expect(await columns('responses')).toEqual([
			'channel',
			'id',
			'language',
			'submitted_on',
			'survey_id'
		]);
		expect(await columns('answers')).toEqual(['question_id', 'response_id', 'value']);
		const { q, codes } = await setUpCodeSurvey(db, 10);
		for (const [i, code] of codes.entries()) await answerAll(db, q, code, `Words ${i}`);
		const rows = await db.selectFrom('responses').selectAll().execute();
		expect(rows).toHaveLength(10);
		for (const row of rows) {
			expect(row.submittedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
			expect(row.id).toMatch(/^[a-z2-7]{16}$/);
			expect(row.language).toBe('en');
		}
	});

	it('cannot be swept for codes, nor tie a spent code to anything readable', async () => {
		const { q, codes } = await setUpCodeSurvey(db);
		await answerAll(db, q, codes[0]!, 'Our worker Ms Patel never rang back');
		const cells = await everyCell();
		const code = normaliseCode(codes[0]!);
		// Neither the code nor its plain hash (what a sweep of all 2^50 codes would compute).
		expect(cells.filter((c) => c.value.includes(code))).toEqual([]);
		expect(cells.filter((c) => c.value.includes(plainSha256(code)))).toEqual([]);
		// Until enough responses gather, the answers exist only sealed.
		expect(await db.selectFrom('responses').selectAll().execute()).toEqual([]);
		expect(await countPending(db, q.survey.id)).toBe(1);
		expect(cells.filter((c) => c.value.includes('Ms Patel'))).toEqual([]);
		// Nothing a family's answers touch carries a time of day.
		const respondentTables = ['responses', 'answers', 'comments', 'access_codes'];
		expect(
			cells.filter((c) => respondentTables.includes(c.table) && /\d:\d\d/.test(c.value))
		).toEqual([]);
	});

	it('releases responses only in crowds of the minimum base, in an order that is not the order they came', async () => {
		const { q, codes } = await setUpCodeSurvey(db, 12);
		for (const [i, code] of codes.slice(0, 9).entries()) {
			await answerAll(db, q, code, `Marker ${i}`);
		}
		expect(await db.selectFrom('responses').selectAll().execute()).toEqual([]);
		await answerAll(db, q, codes[9]!, 'Marker 9');
		// The tenth makes a crowd of ten: all are released at once.
		expect(await countPending(db, q.survey.id)).toBe(0);
		const stored = await physicalOrder(db, 'comments', 'body');
		expect(stored.sort()).toEqual(Array.from({ length: 10 }, (_, i) => `Marker ${i}`).sort());
		expect(await physicalOrder(db, 'comments', 'body')).not.toEqual(
			Array.from({ length: 10 }, (_, i) => `Marker ${i}`)
		);
	});

	it('keeps no draft, and no readable trace of a draft, once the answers are sent', async () => {
		const { q, codes } = await setUpCodeSurvey(db);
		await answerAll(db, q, codes[2]!, 'Words');
		expect(await db.selectFrom('drafts').selectAll().execute()).toEqual([]);
		expect((await everyCell()).filter((c) => c.value.includes('Words'))).toEqual([]);
	});
});

/** A column's values in the order the engine stores the rows (not an order anyone chose). */
async function physicalOrder(on: Db, table: string, column: string): Promise<string[]> {
	const order = isSqlite(on) ? sql`` : sql` order by ctid`;
	const { rows } = await sql<
		Record<string, string>
	>`select ${sql.ref(column)} as v from ${sql.table(table)}${order}`.execute(on);
	return rows.map((r) => r.v!);
}

// Run on every run: the file is SQLite's whatever engine the rest of the suite is on.
describe('a copy of the SQLite file', () => {
	async function fileDb() {
		const path = join(mkdtempSync(join(tmpdir(), 'heard-copy-')), 'heard.db');
		const on = createDb(`file:${path}`);
		await migrateToLatest(on);
		return { on, path };
	}

	it('stores responses, answers and comments without row numbers, so not in arrival order', async () => {
		const { on } = await fileDb();
		try {
			for (const table of ['responses', 'answers', 'comments', 'pending_responses']) {
				await expect(sql`select rowid from ${sql.table(table)}`.execute(on)).rejects.toThrow(
					/rowid/
				);
			}
		} finally {
			await on.destroy();
		}
	});

	it('keeps no history in its write-ahead log after a release', async () => {
		const { on, path } = await fileDb();
		try {
			const { q, codes } = await setUpCodeSurvey(on, 10);
			for (const [i, code] of codes.entries()) await answerAll(on, q, code, `Log ${i}`);
			expect(await countPending(on, q.survey.id)).toBe(0);
			const wal = `${path}-wal`;
			expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0);
		} finally {
			await whenIdle(); // the publication a release starts, before its database goes
			await on.destroy();
		}
	});

	it('overwrites deleted drafts and waiting responses instead of leaving them in free pages', async () => {
		const { on, path } = await fileDb();
		try {
			const { q, codes } = await setUpCodeSurvey(on, 10);
			const sealedSeen: string[] = [];
			for (const [i, code] of codes.entries()) {
				await answerAll(on, q, code, `Free ${i}`);
				for (const row of await on.selectFrom('pendingResponses').select('sealed').execute()) {
					sealedSeen.push(row.sealed.slice(0, 40));
				}
			}
			await releasePending(on, q.survey.id);
			await whenIdle();
			await on.destroy();
			const bytes = readFileSync(path).toString('latin1');
			expect(sealedSeen.length).toBeGreaterThan(0);
			expect(sealedSeen.filter((s) => bytes.includes(s))).toEqual([]);
		} finally {
			await on.destroy().catch(() => undefined);
		}
	});
});
