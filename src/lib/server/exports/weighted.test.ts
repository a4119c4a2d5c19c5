import { describe, expect, it } from 'vitest';
import { nowIso } from '../db';
import { storeResponses, type NewResponse } from '../responses/store';
import { publishAll } from '$testing/fixtures';
import { aboutYouQuestions } from '../surveys/bank';
import { createTestDb } from '$testing/db';
import { makeArea, makeSurvey, makeWave } from '$testing/fixtures';
import { loadExportArea } from './context';
import { METADATA_COLUMNS, metadataFile } from './metadata';
import { REPRESENTATIVENESS_COLUMNS, representativenessRows } from './representativeness';
import { POSITIVE_SHARE, RESULT_COLUMNS, resultRows } from './results';
import { csvText, parseCsv } from './testing';

const NEED = JSON.stringify(aboutYouQuestions([]).find((q) => q.key === 'need')!.options);
const SCALE = JSON.stringify([
	{ value: 'agree', label: 'Agree', positive: true },
	{ value: 'neither', label: 'Neither' },
	{ value: 'disagree', label: 'Disagree' }
]);

async function setUp() {
	const db = await createTestDb();
	const area = await makeArea(db);
	await db
		.insertInto('populationCounts')
		.values(
			[
				['communication-and-interaction', 500],
				['cognition-and-learning', 500]
			].map(([category, count]) => ({
				localAreaId: area.id,
				margin: 'need' as const,
				category: category as string,
				count: count as number,
				source: 'dfe' as const,
				sourceDetail: 'DfE',
				asOf: '2025-01-01',
				updatedAt: nowIso(),
				updatedBy: null
			}))
		)
		.execute();
	const survey = await makeSurvey(db, area.id, {
		status: 'closed',
		waveId: await makeWave(db, area.id, 0),
		questions: [
			{ kind: 'scale', key: 'listened-to', dimension: 'lived_experience', options: SCALE },
			{ kind: 'single', key: 'need', dimension: 'about_you', options: NEED }
		]
	});
	const [scale, need] = survey.questions;
	const family = (n: string, a: string): NewResponse => ({
		submittedOn: '2026-01-05',
		channel: 'web',
		answers: { [scale!.id]: [a], [need!.id]: [n] }
	});
	// 20% of the answers from communication and interaction (half the area), who agree less.
	await storeResponses(db, survey.id, survey.questions, [
		...Array.from({ length: 20 }, (_, i) =>
			family('communication-and-interaction', i < 5 ? 'agree' : 'disagree')
		),
		...Array.from({ length: 77 }, (_, i) =>
			family('cognition-and-learning', i < 60 ? 'agree' : 'disagree')
		),
		...Array.from({ length: 3 }, () => family('cognition-and-learning', 'neither'))
	]);
	await publishAll(db, area.id);
	return { db, area: (await loadExportArea(db, area.id))! };
}

async function read(columns: typeof RESULT_COLUMNS, rows: AsyncIterable<Record<string, unknown>>) {
	return parseCsv(await csvText({ columns, rows: rows as AsyncIterable<Record<string, string>> }));
}

describe('weighted figures in the files', () => {
	it('puts weighted columns beside the results, only where the unweighted figure is shown', async () => {
		const { db, area } = await setUp();
		const rows = await read(RESULT_COLUMNS, resultRows(db, area, null));
		const share = rows.find(
			(r) => r.question_key === 'listened-to' && r.option === POSITIVE_SHARE
		)!;
		expect(share.pct).toBe('65');
		// Weighted: half at 5/20 and half at 60/80.
		expect(Number(share.pct_weighted)).toBeCloseTo(50, 0);
		expect(Number(share.ci_lower_weighted)).toBeLessThan(50);
		expect(Number(share.design_effect)).toBeGreaterThan(1);
		expect(Number(share.n_effective)).toBeLessThan(100);
		// Three "neither": [c], weighted too.
		const neither = rows.find((r) => r.question_key === 'listened-to' && r.option === 'Neither')!;
		expect(neither.pct).toBe('[c]');
		expect([neither.pct_weighted, neither.design_effect, neither.n_effective]).toEqual([
			'[c]',
			'[c]',
			'[c]'
		]);
		// The margin's own question is weighted on: [z].
		const need = rows.find(
			(r) => r.question_key === 'need' && r.option === 'Cognition and learning'
		)!;
		expect(need.pct_weighted).toBe('[z]');
	});

	it('states the method, the margins and the weights’ range in the metadata file', async () => {
		const { db, area } = await setUp();
		const rows = await read(METADATA_COLUMNS, metadataFile(db, area, null));
		for (const column of [
			'pct_weighted',
			'ci_lower_weighted',
			'ci_upper_weighted',
			'design_effect',
			'n_effective'
		])
			expect(
				rows.some((r) => r.file === 'results' && r.column === column),
				column
			).toBe(true);
		const weighting = rows.filter((r) => r.column === '(weighting)').map((r) => r.description);
		expect(weighting[0]).toMatch(/^Raking: .*iterative proportional fitting/);
		expect(weighting[1]).toMatch(
			/weighted by raking to main area of need; age band not used \(not asked in this questionnaire\); .*weights from 0\.\d\d to 2\.\d\d \(bounds 0\.2 to 5\), design effect 1\.\d\d, effective sample size \d+ of 100 responses/
		);
	});

	it('sets respondents beside the population in the representativeness file', async () => {
		const { db, area } = await setUp();
		const rows = await read(REPRESENTATIVENESS_COLUMNS, representativenessRows(db, area, null));
		const ci = rows.find((r) => r.group === 'Communication and interaction')!;
		expect(ci).toMatchObject({
			question_key: 'need',
			population_n: '500',
			population_pct: '50',
			respondents_n: '20',
			respondents_pct: '20',
			response_rate_pct: '4',
			marker: ''
		});
		const sensory = rows.find((r) => r.group === 'Sensory and/or physical')!;
		expect(sensory).toMatchObject({ population_n: '[x]', respondents_n: '0', marker: '[x]' });
	});
});
