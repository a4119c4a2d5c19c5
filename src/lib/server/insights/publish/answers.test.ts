import { CompiledQuery, sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db';
import { storeResponses } from '../../responses/store';
import { createTestDb, isSqlite } from '$testing/db';
import { makeArea, makeSurvey, makeWave } from '$testing/fixtures';
import { AnswerBook, pageAfter, responsePages, type ResponseAnswers } from './answers';

let db: Db;
beforeEach(async () => {
	db = await createTestDb();
});

/** A read response's values for one question, in the order they were read. */
const valuesOf = (book: AnswerBook, r: ResponseAnswers, questionId: string) =>
	r.answers.filter((n) => book.questions[n] === questionId).map((n) => book.values[n]!);

const response = (scale: string, district: string, value: string, where: string) => ({
	submittedOn: '2026-01-10',
	channel: 'web' as const,
	answers: { [scale]: [value], [district]: [where] }
});

/** An area where the questionnaire being published is a small part of all the answers. */
async function crowdedArea() {
	const area = await makeArea(db);
	const survey = await makeSurvey(db, area.id, { waveId: await makeWave(db, area.id, 0) });
	const [scale, district] = survey.questions;
	await storeResponses(db, survey.id, survey.questions, [
		response(scale!.id, district!.id, 'agree', 'north'),
		response(scale!.id, district!.id, 'disagree', 'south')
	]);
	for (let i = 0; i < 20; i++) {
		const other = await makeSurvey(db, area.id, { waveId: await makeWave(db, area.id, i + 1) });
		const [a, b] = other.questions;
		await storeResponses(
			db,
			other.id,
			other.questions,
			Array.from({ length: 100 }, (_, n) =>
				response(a!.id, b!.id, n % 2 ? 'agree' : 'disagree', n % 3 ? 'north' : 'south')
			)
		);
	}
	// PostgreSQL plans from statistics, as a live server's autovacuum would have them.
	if (!isSqlite(db)) await sql`analyze`.execute(db);
	return survey;
}

async function plan(compiled: CompiledQuery): Promise<string[]> {
	if (isSqlite(db)) {
		const rows = await db.executeQuery<{ detail: string }>(
			CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters])
		);
		return rows.rows.map((r) => r.detail);
	}
	const rows = await db.executeQuery<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
		CompiledQuery.raw(`explain (format json) ${compiled.sql}`, [...compiled.parameters])
	);
	return flatten(rows.rows[0]!['QUERY PLAN'][0].Plan).map(
		(node) => `${node['Node Type']} ${node['Relation Name'] ?? ''} ${node['Index Name'] ?? ''}`
	);
}

describe('reading a questionnaire’s answers for its publication', () => {
	it('gives each response of this questionnaire only, with all its answers', async () => {
		const survey = await crowdedArea();
		const [scale, district] = survey.questions;
		const book = new AnswerBook();
		const read = [];
		for await (const page of responsePages(db, survey.id, book)) read.push(...page);
		const seen = read.map(
			(r) => `${valuesOf(book, r, scale!.id)}|${valuesOf(book, r, district!.id)}`
		);
		expect(seen.sort()).toEqual(['agree|north', 'disagree|south']);
	});

	it('reads every response exactly once across pages', async () => {
		const area = await makeArea(db);
		const survey = await makeSurvey(db, area.id, { waveId: await makeWave(db, area.id, 0) });
		const [scale, district] = survey.questions;
		const values = ['agree', 'disagree', 'strongly-agree'];
		// Each half of the ids holds more than a page (about 1,170 each), ending part-way through one.
		const stored = Array.from({ length: 2345 }, (_, n) =>
			response(scale!.id, district!.id, values[n % 3]!, n % 2 ? 'north' : 'south')
		);
		await storeResponses(db, survey.id, survey.questions, stored);
		const book = new AnswerBook();
		const counts = new Map<string, number>();
		let pages = 0;
		for await (const page of responsePages(db, survey.id, book)) {
			pages += 1;
			for (const r of page) {
				const key = `${valuesOf(book, r, scale!.id)}|${valuesOf(book, r, district!.id)}`;
				counts.set(key, (counts.get(key) ?? 0) + 1);
			}
		}
		const expected = new Map<string, number>();
		for (const r of stored) {
			const key = `${r.answers[scale!.id]}|${r.answers[district!.id]}`;
			expected.set(key, (expected.get(key) ?? 0) + 1);
		}
		expect(pages).toBe(4);
		expect(counts).toEqual(expected);
	});

	it('refuses to store a value holding the separators the read joins answers with', async () => {
		const area = await makeArea(db);
		const survey = await makeSurvey(db, area.id, { waveId: await makeWave(db, area.id, 0) });
		const [scale, district] = survey.questions;
		const forged = response(scale!.id, district!.id, 'agree', `north\u001e${scale!.id}\u001fagree`);
		await expect(storeResponses(db, survey.id, survey.questions, [forged])).rejects.toThrow(
			/control character/
		);
		const stored = await db.selectFrom('answers').select('value').execute();
		expect(stored).toEqual([]);
	});

	it('never scans the responses or answers tables: its cost is this questionnaire’s alone', async () => {
		const survey = await crowdedArea();
		const steps = await plan(pageAfter(survey.id, '').compile(db.withoutPlugins()));
		if (isSqlite(db)) {
			const text = steps.join('\n');
			expect(text).toMatch(/SEARCH r USING (COVERING )?INDEX responses_survey/);
			expect(text).not.toMatch(/SCAN (answers|a|responses|r)\b/);
			expect(text).toMatch(
				/SEARCH a USING (PRIMARY KEY|(COVERING )?INDEX sqlite_autoindex_answers)/
			);
			return;
		}
		expect(steps.filter((n) => n.startsWith('Seq Scan'))).toEqual([]);
		expect(steps.some((n) => / answers_pk$/.test(n))).toBe(true);
	});
});

interface PlanNode {
	'Node Type': string;
	'Relation Name'?: string;
	'Index Name'?: string;
	Plans?: PlanNode[];
}

function flatten(node: PlanNode): PlanNode[] {
	return [node, ...(node.Plans ?? []).flatMap(flatten)];
}
