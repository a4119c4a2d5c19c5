import { CompiledQuery, sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { storeResponses } from '../responses/store';
import { createTestDb, isSqlite } from '$testing/db';
import { makeArea, makeSurvey, makeWave } from '$testing/fixtures';
import { answerCounts, crossCounts, crossCountsQuery } from './repository';

let db: Db;
beforeEach(async () => {
	db = await createTestDb();
});

describe('crossCounts', () => {
	it('counts each question’s answers by group, for one questionnaire only', async () => {
		const area = await makeArea(db);
		const one = await makeSurvey(db, area.id, { waveId: await makeWave(db, area.id, 0) });
		const other = await makeSurvey(db, area.id, { waveId: await makeWave(db, area.id, 1) });
		const [scale, district] = one.questions;
		const answer = (value: string, where: string | null) => ({
			submittedOn: '2026-01-10',
			channel: 'web' as const,
			answers: { [scale!.id]: [value], ...(where ? { [district!.id]: [where] } : {}) }
		});
		await storeResponses(db, one.id, one.questions, [
			answer('agree', 'north'),
			answer('agree', 'north'),
			answer('disagree', 'north'),
			answer('agree', 'south'),
			answer('agree', null)
		]);
		await storeResponses(db, other.id, other.questions, [
			{
				submittedOn: '2026-01-10',
				channel: 'web',
				answers: { [other.questions[0]!.id]: ['agree'], [other.questions[1]!.id]: ['north'] }
			}
		]);

		const cross = await crossCounts(db, one.id, [scale!.id], district!.id);
		const byGroup = cross.get(scale!.id)!;
		expect(Object.fromEntries(byGroup.get('north')!)).toEqual({ agree: 2, disagree: 1 });
		expect(Object.fromEntries(byGroup.get('south')!)).toEqual({ agree: 1 });
		// Whoever skipped the district is left to the caller: totals minus the groups.
		const totals = (await answerCounts(db, area.id, [scale!.id])).get(scale!.id)!;
		expect(totals.get('agree')).toBe(4);
	});

	it('never scans the answers table: it looks responses up by key', async () => {
		const area = await makeArea(db);
		const survey = await makeSurvey(db, area.id);
		const [scale, district] = survey.questions;
		if (!isSqlite(db)) {
			// PostgreSQL plans from statistics: give it a database where one questionnaire is a
			// small part of all the answers, and analyse it, as a live server's autovacuum would.
			for (let i = 0; i < 20; i++) {
				const other = await makeSurvey(db, area.id, { waveId: await makeWave(db, area.id, i + 1) });
				await storeResponses(
					db,
					other.id,
					other.questions,
					Array.from({ length: 100 }, (_, n) => ({
						submittedOn: '2026-01-10',
						channel: 'web' as const,
						answers: {
							[other.questions[0]!.id]: [n % 2 ? 'agree' : 'disagree'],
							[other.questions[1]!.id]: [n % 3 ? 'north' : 'south']
						}
					}))
				);
			}
			await sql`analyze`.execute(db);
		}
		const compiled = crossCountsQuery(db, survey.id, [scale!.id], district!.id).compile();
		if (isSqlite(db)) {
			const plan = await db.executeQuery<{ detail: string }>(
				CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters])
			);
			const details = plan.rows.map((r) => r.detail).join('\n');
			expect(details).not.toMatch(/SCAN (a|b|answers)\b/);
			expect(details).toMatch(
				/SEARCH a USING (PRIMARY KEY|(COVERING )?INDEX sqlite_autoindex_answers)/
			);
			return;
		}
		const plan = await db.executeQuery<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
			CompiledQuery.raw(`explain (format json) ${compiled.sql}`, [...compiled.parameters])
		);
		const nodes = flatten(plan.rows[0]!['QUERY PLAN'][0].Plan);
		const onAnswers = nodes.filter(
			(node) => node['Relation Name'] === 'answers' || node['Index Name']?.startsWith('answers')
		);
		expect(onAnswers.filter((node) => node['Node Type'] === 'Seq Scan')).toEqual([]);
		// Both sides of the breakdown (a and b) look their rows up in the answers' key.
		const lookups = onAnswers.filter((node) =>
			/^(Index Scan|Index Only Scan|Bitmap Index Scan)$/.test(node['Node Type'])
		);
		expect(lookups.map((node) => node['Index Name'])).toEqual(['answers_pk', 'answers_pk']);
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
