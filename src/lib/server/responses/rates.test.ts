import { describe, expect, it } from 'vitest';
import { createTestDb } from '$testing/db';
import { makeArea, makeSurvey } from '$testing/fixtures';
import { createBatch } from './batches';
import { areaRules } from '../insights/service';
import { areaBatchCounts, batchCounts, showBatchRates, showCount } from './rates';

const rules = { minCount: 5, minBase: 10 };

describe('showing rates', () => {
	it('suppresses counts of 1 to 4 and never zero', () => {
		expect([0, 1, 4, 5, 1234].map((n) => showCount(n, rules))).toEqual([
			'0',
			'[c]',
			'[c]',
			'5',
			'1,234'
		]);
		expect(showCount(7, { minCount: 10, minBase: 20 })).toBe('[c]');
	});

	it('gives a percentage only on a base of at least 10 and an unsuppressed count', () => {
		const shown = showBatchRates(
			[
				{ issued: 400, used: 120 },
				{ issued: 9, used: 6 }
			],
			rules
		);
		// A batch of nine shows no count at all, and the total would give it away beside the other.
		expect(shown.batches).toEqual([
			{ issued: '400', used: '[c]', percent: null },
			{ issued: '9', used: '[c]', percent: null }
		]);
		expect(shown.total).toEqual({ issued: '409', used: '126', percent: '31%' });
		expect(showBatchRates([{ issued: 400, used: 0 }], rules).total.percent).toBe('0%');
	});

	it('hides a second batch when one is suppressed and the total is shown', () => {
		const shown = showBatchRates(
			[
				{ issued: 100, used: 30 },
				{ issued: 100, used: 2 },
				{ issued: 100, used: 11 }
			],
			rules
		);
		expect(shown.batches.map((b) => b.used)).toEqual(['30', '[c]', '[c]']);
		expect(shown.batches.map((b) => b.percent)).toEqual(['30%', null, null]);
		expect(shown.total).toEqual({ issued: '300', used: '43', percent: '14%' });
	});
});

describe('counting', () => {
	it('counts codes issued and used per batch and per survey of an area', async () => {
		const db = await createTestDb();
		const area = await makeArea(db);
		const survey = await makeSurvey(db, area.id);
		const north = await createBatch(db, {
			localAreaId: area.id,
			surveyId: survey.id,
			label: 'North',
			size: 6,
			createdBy: null
		});
		await createBatch(db, {
			localAreaId: area.id,
			surveyId: survey.id,
			label: 'South',
			size: 4,
			createdBy: null
		});
		await db
			.updateTable('accessCodes')
			.set({ used: 1 })
			.where('batchId', '=', north.batch.id)
			.execute();

		const perBatch = await batchCounts(db, survey.id);
		expect(perBatch.get(north.batch.id)).toEqual({ issued: 6, used: 6 });
		expect([...perBatch.values()].map((c) => c.issued).sort()).toEqual([4, 6]);
		const perSurvey = await areaBatchCounts(db, area.id);
		expect([...perSurvey.keys()]).toEqual([survey.id]);
		expect(
			perSurvey
				.get(survey.id)!
				.map((c) => c.issued)
				.sort()
		).toEqual([4, 6]);
		expect(await areaBatchCounts(db, (await makeArea(db)).id)).toEqual(new Map());
	});

	it('reads the area’s rules, never below the national minimums', async () => {
		const db = await createTestDb();
		const area = await makeArea(db);
		expect(await areaRules(db, area.id)).toEqual({ minBase: 10, minCount: 5 });
		await db.updateTable('localAreas').set({ minCount: 3, minBase: 30 }).execute();
		expect(await areaRules(db, area.id)).toEqual({ minBase: 30, minCount: 5 });
	});
});
