import { describe, expect, it } from 'vitest';
import { pickWeighted, seededRandom } from '../demo/random';
import { wilsonShare } from './stats';
import {
	rake,
	summariseWeights,
	weightedChange,
	weightedFigureIsSafe,
	weightQuestion,
	type WeightingCell,
	type WeightingMargin
} from './weighting';

const cellsOf = (table: Record<string, number>): WeightingCell[] =>
	Object.entries(table).map(([key, n]) => ({ values: key.split('|'), n }));

describe('rake: the worked example of Kalton and Flores-Cervantes (2003)', () => {
	// Kalton, G. and Flores-Cervantes, I. (2003), "Weighting methods", Journal of Official
	// Statistics 19(2), 81–97, Table B (raking). The same example, with its answer, is the test
	// tests/kalton.R of the R package `survey` (Lumley), whose saved output kalton.Rout.save
	// prints the raking weights ("table B") to two decimals. A: 4 classes, B: 3 classes; sample
	// of 1,000 and population of 1,500.
	const sample = [
		[20, 40, 40],
		[50, 140, 310],
		[100, 50, 50],
		[30, 100, 70]
	];
	const population = [
		[80, 40, 55],
		[60, 150, 340],
		[170, 60, 200],
		[55, 165, 125]
	];
	// Published weights (population scale: sample of 1,000 weighted up to 1,500).
	const tableB = [
		[1.81, 1.45, 2.02],
		[1.08, 0.87, 1.21],
		[2.2, 1.76, 2.45],
		[1.83, 1.47, 2.04]
	];
	const cells: WeightingCell[] = sample.flatMap((row, a) =>
		row.map((n, b) => ({ values: [`a${a + 1}`, `b${b + 1}`], n }))
	);
	const margins: WeightingMargin[] = [
		{
			key: 'a',
			targets: new Map(population.map((row, a) => [`a${a + 1}`, row.reduce((s, n) => s + n, 0)]))
		},
		{
			key: 'b',
			targets: new Map(
				[0, 1, 2].map((b) => [`b${b + 1}`, population.reduce((s, row) => s + row[b]!, 0)])
			)
		}
	];

	it('gives the published raking weights', () => {
		const result = rake(cells, margins, { bounds: null, tolerance: 1e-10, maxIterations: 1000 });
		expect(result.converged).toBe(true);
		const scale = 1500 / 1000; // our weights have a mean of 1
		const got = sample.map((row, a) =>
			row.map((_, b) => Math.round(result.weights[a * 3 + b]! * scale * 100) / 100)
		);
		expect(got).toEqual(tableB);
	});

	it('meets every margin, with a mean weight of 1 and Kish’s design effect', () => {
		const result = rake(cells, margins, { bounds: null });
		for (const report of result.margins) {
			for (const [group, target] of report.targets)
				expect(report.after.get(group)).toBeCloseTo(target, 5);
		}
		const n = cells.reduce((s, c) => s + c.n, 0);
		const sum = cells.reduce((s, c, i) => s + c.n * result.weights[i]!, 0);
		expect(sum).toBeCloseTo(n, 9);
		const squares = cells.reduce((s, c, i) => s + c.n * result.weights[i]! ** 2, 0);
		const mean = sum / n;
		const variance = squares / n - mean * mean;
		expect(result.summary.designEffect).toBeCloseTo(1 + variance / mean ** 2, 12);
		expect(result.summary.nEffective).toBeCloseTo(n / result.summary.designEffect, 9);
		expect(result.summary.min).toBeCloseTo(0.87 / 1.5, 2);
		expect(result.summary.max).toBeCloseTo(2.45 / 1.5, 2);
	});
});

describe('rake: missing answers, empty groups and bounds', () => {
	const need: WeightingMargin = {
		key: 'need',
		targets: new Map([
			['ci', 60],
			['cl', 40]
		])
	};
	const age: WeightingMargin = {
		key: 'age',
		targets: new Map([
			['young', 50],
			['old', 50]
		])
	};

	it('leaves a respondent who did not answer a margin out of that margin only', () => {
		const cells: WeightingCell[] = [
			{ values: ['ci', 'young'], n: 20 },
			{ values: ['cl', 'young'], n: 30 },
			{ values: ['ci', 'old'], n: 10 },
			{ values: ['cl', 'old'], n: 20 },
			{ values: [null, 'young'], n: 10 },
			{ values: ['not-sure', 'old'], n: 10 }
		];
		const result = rake(cells, [need, age], { bounds: null });
		expect(result.converged).toBe(true);
		const [needReport, ageReport] = result.margins;
		expect(needReport!.missing).toBe(20);
		expect(needReport!.outside).toEqual(['not-sure']);
		// Matched among those who answered: 60% / 40% of the 80 in the margin.
		expect(needReport!.after.get('ci')).toBeCloseTo(0.6, 6);
		expect(ageReport!.after.get('young')).toBeCloseTo(0.5, 6);
		// Those who skipped need are still weighted by age: young ones down, old ones up.
		expect(result.weights[4]).toBeLessThan(1);
		expect(result.weights[5]).toBeGreaterThan(1);
	});

	it('drops a population group nobody answered from, and spreads its share over the rest', () => {
		const three: WeightingMargin = {
			key: 'need',
			targets: new Map([
				['ci', 50],
				['cl', 30],
				['sp', 20]
			])
		};
		const result = rake(cellsOf({ ci: 30, cl: 70 }), [three], { bounds: null });
		const report = result.margins[0]!;
		expect(report.empty).toEqual(['sp']);
		expect(report.targets.get('ci')).toBeCloseTo(50 / 80, 12);
		expect(report.after.get('ci')).toBeCloseTo(0.625, 6);
	});

	it('does not use a margin the population or the answers give fewer than two groups of', () => {
		const plan: WeightingMargin = { key: 'plan', targets: new Map([['yes', 1000]]) };
		const result = rake(cellsOf({ yes: 40, 'no-sen-support': 60 }), [plan]);
		expect(result.margins[0]).toMatchObject({ used: false });
		expect(result.margins[0]!.reason).toMatch(/fewer than two groups/);
		expect(result.weights).toEqual([1, 1]);
		expect(result.summary.designEffect).toBe(1);
	});

	it('keeps weights within bounds, and says when the margins then cannot be met', () => {
		// 5 respondents must stand for 90% of the population: a weight of 18 each without bounds.
		const skew: WeightingMargin = {
			key: 'need',
			targets: new Map([
				['ci', 90],
				['cl', 10]
			])
		};
		const cells = cellsOf({ ci: 5, cl: 95 });
		const free = rake(cells, [skew], { bounds: null });
		expect(free.summary.max).toBeCloseTo(18, 6);
		const bounded = rake(cells, [skew], { bounds: [0.2, 5] });
		expect(bounded.summary.max).toBeLessThanOrEqual(5 + 1e-9);
		expect(bounded.summary.min).toBeGreaterThanOrEqual(0.2 - 1e-9);
		expect(bounded.converged).toBe(false);
		expect(bounded.iterations).toBe(100);
		expect(bounded.maxError).toBeGreaterThan(0.1);
		expect(bounded.trimmed).toBeGreaterThan(0);
	});
});

describe('weighted figures recover a population share that a skewed sample misses', () => {
	// A population by need (and age, independently); families of some needs answer far less,
	// and experience differs by need. The true positive share is known exactly.
	const NEED_SHARE = { ci: 0.5, cl: 0.2, semh: 0.2, sp: 0.1 };
	const POSITIVE_BY_NEED = { ci: 0.3, cl: 0.6, semh: 0.2, sp: 0.7 };
	const TRUE_SHARE = Object.entries(NEED_SHARE).reduce(
		(s, [k, p]) => s + p * POSITIVE_BY_NEED[k as keyof typeof NEED_SHARE],
		0
	); // 0.38
	const AGE_SHARE = { young: 0.6, old: 0.4 };
	const RESPONSE_BY_NEED = { ci: 0.1, cl: 0.3, semh: 0.08, sp: 0.5 };
	const RESPONSE_BY_AGE = { young: 0.5, old: 1 };

	it('is within 2 points of the truth weighted, and more than 5 points off unweighted', () => {
		const random = seededRandom(12);
		const needs = Object.keys(NEED_SHARE) as (keyof typeof NEED_SHARE)[];
		const ages = Object.keys(AGE_SHARE) as (keyof typeof AGE_SHARE)[];
		const cellIndex = new Map<string, number>();
		const cells: WeightingCell[] = [];
		const answers: Map<string, number>[] = [];
		// 60,000 families in the area; each answers with a chance that depends on need and age.
		for (let i = 0; i < 60_000; i++) {
			const need = needs[pickWeighted(random, Object.values(NEED_SHARE))]!;
			const age = ages[pickWeighted(random, Object.values(AGE_SHARE))]!;
			if (random() > RESPONSE_BY_NEED[need] * RESPONSE_BY_AGE[age]) continue;
			const answer = random() < POSITIVE_BY_NEED[need] ? 'agree' : 'disagree';
			const key = `${need}|${age}`;
			if (!cellIndex.has(key)) {
				cellIndex.set(key, cells.length);
				cells.push({ values: [need, age], n: 0 });
				answers.push(new Map());
			}
			const c = cellIndex.get(key)!;
			cells[c]!.n += 1;
			answers[c]!.set(answer, (answers[c]!.get(answer) ?? 0) + 1);
		}
		const margins: WeightingMargin[] = [
			{
				key: 'need',
				targets: new Map(Object.entries(NEED_SHARE).map(([k, p]) => [k, p * 60_000]))
			},
			{ key: 'age', targets: new Map(Object.entries(AGE_SHARE).map(([k, p]) => [k, p * 60_000])) }
		];
		const options = [
			{ value: 'agree', positive: true, notApplicable: false },
			{ value: 'disagree', positive: false, notApplicable: false }
		];
		const unweighted = weightQuestion(
			cells.map(() => 1),
			answers,
			options
		)!;
		const result = rake(cells, margins);
		expect(result.converged).toBe(true);
		const weighted = weightQuestion(result.weights, answers, options)!;

		expect(Math.abs(unweighted.positive!.share - TRUE_SHARE)).toBeGreaterThan(0.05);
		expect(Math.abs(weighted.positive!.share - TRUE_SHARE)).toBeLessThan(0.02);
		// The truth is inside the weighted interval, which is wider than the unweighted one.
		expect(weighted.positive!.lower).toBeLessThan(TRUE_SHARE);
		expect(weighted.positive!.upper).toBeGreaterThan(TRUE_SHARE);
		expect(weighted.designEffect).toBeGreaterThan(1.1);
		expect(weighted.positive!.upper - weighted.positive!.lower).toBeGreaterThan(
			unweighted.positive!.upper - unweighted.positive!.lower
		);
	});
});

describe('weighted shares, their intervals and changes', () => {
	it('puts the Wilson interval on the effective sample size', () => {
		const weights = [0.5, 2];
		const answers = [
			new Map([
				['yes', 50],
				['no', 50]
			]),
			new Map([
				['yes', 30],
				['no', 20]
			])
		];
		const options = [
			{ value: 'yes', positive: true, notApplicable: false },
			{ value: 'no', positive: false, notApplicable: false },
			{ value: 'na', positive: false, notApplicable: true }
		];
		const q = weightQuestion(weights, answers, options)!;
		const summary = summariseWeights([100, 50], weights);
		expect(q.n).toBe(150);
		expect(q.nEffective).toBeCloseTo(summary.nEffective, 12);
		const share = (0.5 * 50 + 2 * 30) / (0.5 * 100 + 2 * 50);
		expect(q.positive!.share).toBeCloseTo(share, 12);
		const expected = wilsonShare(share, summary.nEffective);
		expect(q.positive!.lower).toBeCloseTo(expected.lower, 12);
		expect(q.positive!.upper).toBeCloseTo(expected.upper, 12);
		expect(q.options.has('na')).toBe(false);
	});

	it('gives “better” only when the interval on the effective sizes clears zero', () => {
		const later = { share: 0.6, lower: 0, upper: 0, nEffective: 400 };
		const earlier = { share: 0.53, lower: 0, upper: 0, nEffective: 400 };
		expect(weightedChange(later, earlier).verdict).toBe('better');
		// The same shares on effective sizes a design effect of 2 leaves: no clear change.
		expect(
			weightedChange({ ...later, nEffective: 200 }, { ...earlier, nEffective: 200 }).verdict
		).toBe('no clear change');
	});
});

describe('weightedFigureIsSafe: a weighted figure must not undo suppression', () => {
	it('is safe with one margin when every group of it is published', () => {
		// Cells: two age groups; weights constant within each.
		expect(
			weightedFigureIsSafe(
				[0.6, 1.8],
				[
					{ cells: [0, 1], published: true },
					{ cells: [0], published: true },
					{ cells: [1], published: true }
				]
			)
		).toBe(true);
	});

	it('refuses when the unweighted and weighted totals would solve two hidden groups', () => {
		// The breakdown hid both groups ([c]); total and weighted total give both away.
		expect(
			weightedFigureIsSafe(
				[0.6, 1.8],
				[
					{ cells: [0, 1], published: true },
					{ cells: [0], published: false },
					{ cells: [1], published: false }
				]
			)
		).toBe(false);
	});

	it('refuses when two margins of two groups each would let the four cells be solved', () => {
		// need × age, both breakdowns published: 3 independent sums of 4 cells; the weighted
		// figure is the fourth equation.
		const w = [0.5 * 0.8, 0.5 * 1.4, 2 * 0.8, 2 * 1.4];
		const known = [
			{ cells: [0, 1, 2, 3], published: true },
			{ cells: [0, 1], published: true },
			{ cells: [2, 3], published: true },
			{ cells: [0, 2], published: true },
			{ cells: [1, 3], published: true }
		];
		expect(weightedFigureIsSafe(w, known)).toBe(false);
	});

	it('is safe when the cells far outnumber what is published', () => {
		// need (4) × age (5): 20 cells, 9 published sums and one weighted equation.
		const needF = [0.7, 1.1, 1.6, 0.9];
		const ageF = [1.2, 0.8, 1, 1.3, 0.6];
		const weights = needF.flatMap((a) => ageF.map((b) => a * b));
		const known = [
			{ cells: weights.map((_, i) => i), published: true },
			...needF.map((_, a) => ({ cells: ageF.map((_, b) => a * 5 + b), published: true })),
			...ageF.map((_, b) => ({ cells: needF.map((_, a) => a * 5 + b), published: true }))
		];
		expect(weightedFigureIsSafe(weights, known)).toBe(true);
	});
});
