import { beforeEach, describe, expect, it } from 'vitest';
import type { Question } from '$lib/questions/types';
import type { Db } from '../db';
import { nowIso } from '../db';
import { storeResponses, type NewResponse } from '../responses/store';
import { aboutYouQuestions } from '../surveys/bank';
import { createTestDb } from '$testing/db';
import { makeArea, makeSurvey, makeWave } from '$testing/fixtures';
import { representativenessPage, weightedSurvey } from './service';

const about = aboutYouQuestions([]);
const optionsOf = (key: string) => JSON.stringify(about.find((q) => q.key === key)!.options);
const AGREE = JSON.stringify([
	{ value: 'agree', label: 'Agree', positive: true },
	{ value: 'disagree', label: 'Disagree' }
]);

async function population(db: Db, areaId: string, rows: [string, string, number][]) {
	await db
		.insertInto('populationCounts')
		.values(
			rows.map(([margin, category, count]) => ({
				localAreaId: areaId,
				margin: margin as 'need',
				category,
				count,
				source: 'manual' as const,
				sourceDetail: null,
				asOf: '2025-01-16',
				updatedAt: nowIso(),
				updatedBy: null
			}))
		)
		.execute();
}

async function survey(db: Db, areaId: string, position: number) {
	return makeSurvey(db, areaId, {
		status: 'closed',
		waveId: await makeWave(db, areaId, position),
		questions: [
			{
				kind: 'scale',
				key: 'listened-to',
				dimension: 'lived_experience',
				options: AGREE,
				required: 1
			},
			{ kind: 'single', key: 'need', dimension: 'about_you', options: optionsOf('need') },
			{ kind: 'single', key: 'age-band', dimension: 'about_you', options: optionsOf('age-band') },
			{ kind: 'single', key: 'ehc-plan', dimension: 'about_you', options: optionsOf('ehc-plan') }
		]
	});
}

/** `n` families of one need, `agree` of them agreeing; a third aged 16 to 19 unless `age` is given. */
function families(
	questions: Question[],
	need: string,
	n: number,
	agree: number,
	age?: string
): NewResponse[] {
	const id = (key: string) => questions.find((q) => q.key === key)!.id;
	return Array.from({ length: n }, (_, i) => ({
		submittedOn: '2026-01-10',
		channel: 'web' as const,
		answers: {
			[id('listened-to')]: [i < agree ? 'agree' : 'disagree'],
			[id('need')]: [need],
			[id('age-band')]: [age ?? (i % 3 === 1 ? '16-to-19' : '11-to-15')],
			[id('ehc-plan')]: [i % 10 === 0 ? 'not-sure' : 'yes']
		}
	}));
}

describe('representativeness and weighted figures', () => {
	let db: Db;
	let area: { id: string };

	beforeEach(async () => {
		db = await createTestDb();
		area = await makeArea(db);
		await population(db, area.id, [
			['need', 'communication-and-interaction', 600],
			['need', 'cognition-and-learning', 200],
			['need', 'social-emotional-and-mental-health', 200],
			['age-band', '11-to-15', 700],
			['age-band', '16-to-19', 300]
		]);
	});

	it('sets the profile beside the population and weights the under-represented needs up', async () => {
		const s = await survey(db, area.id, 0);
		// Communication and interaction: 60% of the area, 20% of the answers, and less positive.
		await storeResponses(db, s.id, s.questions, [
			...families(s.questions, 'communication-and-interaction', 40, 10),
			...families(s.questions, 'cognition-and-learning', 80, 60),
			...families(s.questions, 'social-emotional-and-mental-health', 80, 40)
		]);
		const result = (await weightedSurvey(db, area.id, s.id))!;
		const w = result.weighting;
		expect(w.usable).toBe(true);
		const need = w.profile.find((p) => p.key === 'need')!;
		const ci = need.rows.find((r) => r.value === 'communication-and-interaction')!;
		expect(ci).toMatchObject({
			population: 600,
			populationShare: 0.6,
			respondents: 40,
			respondentShare: 0.2
		});
		expect(ci.responseRate).toBeCloseTo(40 / 600, 12);
		// Sensory and physical has no population figure: no rate.
		expect(need.rows.find((r) => r.value === 'sensory-and-or-physical')!.responseRate).toBe('[x]');

		const q = result.questions.find((x) => x.key === 'listened-to')!;
		const figures = w.questions.get(q.id)!;
		expect(
			typeof figures.published.share === 'object' && figures.published.share.share
		).toBeCloseTo(110 / 200, 12);
		// Weighted by need: 60% × 10/40 + 20% × 60/80 + 20% × 40/80 = 0.4 (age moves it a little).
		expect(typeof figures.share === 'object' && figures.share.share).toBeCloseTo(0.4, 1);
		expect(figures.designEffect!).toBeGreaterThan(1);
		expect(figures.nEffective!).toBeLessThan(200);

		// "Not sure" about the plan is no group of the population; the plan margin has no figures.
		const plan = w.margins.find((m) => m.key === 'ehc-plan')!;
		expect(plan).toMatchObject({ asked: true, hasPopulation: false, used: false });
		expect(w.margins.find((m) => m.key === 'need')).toMatchObject({ used: true, empty: [] });
	});

	it('never gives a weighted figure where the unweighted one is suppressed', async () => {
		const s = await survey(db, area.id, 0);
		await storeResponses(db, s.id, s.questions, [
			...families(s.questions, 'communication-and-interaction', 6, 3),
			...families(s.questions, 'cognition-and-learning', 2, 2)
		]);
		const result = (await weightedSurvey(db, area.id, s.id))!;
		const q = result.questions.find((x) => x.key === 'listened-to')!;
		const figures = result.weighting.questions.get(q.id)!;
		expect(figures.published.share).toBe('[c]');
		expect(figures.share).toBe('[c]');
		// Two families of cognition and learning: [c] as a count, and no share from it.
		const need = result.weighting.profile.find((p) => p.key === 'need')!;
		expect(need.rows.find((r) => r.value === 'cognition-and-learning')!.respondents).toBe('[c]');
		expect(need.rows.every((r) => r.respondentShare === '[c]')).toBe(true);
		expect(need.rows.find((r) => r.value === 'cognition-and-learning')!.responseRate).toBe('[c]');
	});

	it('withholds a weighted share that, with the total, would give away a hidden breakdown', async () => {
		// Weighted by age alone; 16 to 19 is a group of 4 (so its breakdown is [c]), and the
		// question's total with its weighted share would give its positives away.
		await db.deleteFrom('populationCounts').where('margin', '=', 'need').execute();
		const s = await survey(db, area.id, 0);
		await storeResponses(db, s.id, s.questions, [
			...families(s.questions, 'communication-and-interaction', 60, 30, '11-to-15'),
			...families(s.questions, 'cognition-and-learning', 4, 1, '16-to-19')
		]);
		const result = (await weightedSurvey(db, area.id, s.id))!;
		const q = result.questions.find((x) => x.key === 'listened-to')!;
		const figures = result.weighting.questions.get(q.id)!;
		expect(typeof figures.published.share).toBe('object');
		expect(result.weighting.usable).toBe(true);
		expect(figures.share).toBe('[c]');
	});

	it('judges the change since the previous wave on effective sample sizes', async () => {
		const first = await survey(db, area.id, 0);
		const second = await survey(db, area.id, 1);
		await storeResponses(db, first.id, first.questions, [
			...families(first.questions, 'communication-and-interaction', 100, 30),
			...families(first.questions, 'cognition-and-learning', 100, 40)
		]);
		await storeResponses(db, second.id, second.questions, [
			...families(second.questions, 'communication-and-interaction', 100, 70),
			...families(second.questions, 'cognition-and-learning', 100, 80)
		]);
		const page = (await representativenessPage(db, area.id, second.id))!;
		expect(page.previousWave).toBe('Wave 1');
		const row = page.rows.find((r) => r.key === 'listened-to')!;
		expect(row.weightedChange).toMatchObject({ verdict: 'better' });
		expect(typeof row.change === 'object' && row.change.verdict).toBe('better');
		expect(page.choices.map((c) => c.id)).toEqual([second.id, first.id]);
	});

	it('finds no questionnaire of another area', async () => {
		const other = await makeArea(db);
		const theirs = await survey(db, other.id, 0);
		expect(await weightedSurvey(db, area.id, theirs.id)).toBeUndefined();
		expect(await representativenessPage(db, area.id, theirs.id)).toBeUndefined();
	});
});
