/**
 * The anonymity promise, read back from the database itself rather than from our types: what
 * the tables can hold, and what a sent response leaves behind.
 */
import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { createTestDb } from '../testing/db';
import { makeArea, makeSurvey } from '../testing/fixtures';
import { createBatch } from './batches';
import { hashCode, normaliseCode } from './codes';
import { loadQuestionnaire, savePage, sendAnswers, type Questionnaire } from './service';

let db: Db;
beforeEach(async () => {
	db = await createTestDb();
});

async function columns(table: string): Promise<string[]> {
	const { rows } = await sql<{
		name: string;
	}>`select name from pragma_table_info(${table})`.execute(db);
	return rows.map((r) => r.name).sort();
}

/** Every text cell of every table, with where it was found. */
async function everyCell(): Promise<{ table: string; column: string; value: string }[]> {
	const { rows: tables } = await sql<{
		name: string;
	}>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'`.execute(
		db
	);
	const cells: { table: string; column: string; value: string }[] = [];
	for (const { name } of tables) {
		const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(
			db
		);
		for (const row of rows) {
			for (const [column, value] of Object.entries(row)) {
				if (typeof value === 'string') cells.push({ table: name, column, value });
			}
		}
	}
	return cells;
}

async function answerAll(q: Questionnaire, code: string) {
	const key = { kind: 'code', code: normaliseCode(code) } as const;
	for (const page of q.pages) {
		const raw = Object.fromEntries(
			page.questions.map((x) => [x.id, x.kind === 'text' ? ['My words'] : [x.options[0]!.value]])
		);
		const saved = await savePage(db, q, page, key, raw, 'next');
		expect(saved.ok).toBe(true);
	}
	return sendAnswers(db, q, key);
}

async function setUp(size = 3) {
	const area = await makeArea(db);
	const survey = await makeSurvey(db, area.id);
	const { codes } = await createBatch(db, {
		localAreaId: area.id,
		surveyId: survey.id,
		label: 'Letters',
		size,
		createdBy: null
	});
	return { q: (await loadQuestionnaire(db, survey.id))!, codes };
}

describe('a sent response', () => {
	it('is a row with only a random id, the survey, a date without time, and the channel', async () => {
		expect(await columns('responses')).toEqual(['channel', 'id', 'submitted_on', 'survey_id']);
		const { q, codes } = await setUp();
		expect(await answerAll(q, codes[0]!)).toEqual({ ok: true });
		const { rows } = await sql<Record<string, unknown>>`select * from responses`.execute(db);
		expect(rows).toHaveLength(1);
		expect(rows[0]!.submittedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect(rows[0]!.id).toMatch(/^[a-z2-7]{16}$/);
	});

	it('cannot be linked to the code that let it in', async () => {
		// Codes hold no reference to a response and no time; answers and comments hold no code.
		expect(await columns('access_codes')).toEqual(['batch_id', 'code_hash', 'survey_id', 'used']);
		expect(await columns('answers')).toEqual(['question_id', 'response_id', 'value']);
		const { q, codes } = await setUp();
		const code = codes[1]!;
		await answerAll(q, code);
		const hash = hashCode(normaliseCode(code));
		const cells = await everyCell();
		const withHash = cells.filter((c) => c.value.includes(hash));
		expect(withHash).toEqual([{ table: 'access_codes', column: 'codeHash', value: hash }]);
		expect(cells.filter((c) => c.value.includes(normaliseCode(code)))).toEqual([]);
		// Nothing a family's answers touch carries a time of day.
		const respondentTables = ['responses', 'answers', 'answer_counts', 'comments', 'access_codes'];
		const timed = cells.filter(
			(c) => respondentTables.includes(c.table) && /\d:\d\d/.test(c.value)
		);
		expect(timed).toEqual([]);
	});

	it('leaves no draft behind', async () => {
		const { q, codes } = await setUp();
		await answerAll(q, codes[2]!);
		expect(await db.selectFrom('drafts').selectAll().execute()).toEqual([]);
	});

	it('gets an id that says nothing about the order of sending', async () => {
		const { q, codes } = await setUp(12);
		for (const code of codes) expect(await answerAll(q, code)).toEqual({ ok: true });
		const { rows } = await sql<{ id: string }>`select id from responses order by rowid`.execute(db);
		const ids = rows.map((r) => r.id);
		expect(new Set(ids).size).toBe(12);
		expect(ids).not.toEqual([...ids].sort());
		expect(ids).not.toEqual([...ids].sort().reverse());
	});
});
