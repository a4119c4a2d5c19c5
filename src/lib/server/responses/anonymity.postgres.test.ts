/**
 * The anonymity promise on PostgreSQL, tried by someone with a copy of the database: the
 * transaction id every row carries (xmin) must not tie a spent code to a released response.
 * Run only where TEST_DATABASE_URL names a PostgreSQL server; see vite.config.ts.
 */
import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { createTestDb } from '$testing/db';
import { answerAll, setUpCodeSurvey } from '$testing/families';

let db: Db;
beforeEach(async () => {
	db = await createTestDb();
});

describe('a copy of the PostgreSQL database', () => {
	it('shares no transaction id between a spent code and any released response, answer or comment', async () => {
		const { q, codes } = await setUpCodeSurvey(db, 20);
		for (const [i, code] of codes.slice(0, 20).entries()) await answerAll(db, q, code, `Text ${i}`);
		const xmins = async (table: string) =>
			(
				await sql<{ x: string }>`select xmin::text as x from ${sql.table(table)}`.execute(db)
			).rows.map((r) => r.x);
		const spent = new Set(
			(
				await sql<{ x: string }>`select xmin::text as x from access_codes where used = 1`.execute(
					db
				)
			).rows.map((r) => r.x)
		);
		expect(spent.size).toBeGreaterThan(1);
		const released = new Set([
			...(await xmins('responses')),
			...(await xmins('answers')),
			...(await xmins('comments'))
		]);
		expect([...released].filter((x) => spent.has(x))).toEqual([]);
		// Two crowds of ten: each crowd shares one transaction.
		expect(new Set(await xmins('responses')).size).toBe(2);
	});
});
