import { describe, expect, it } from 'vitest';
import type { QuestionKind, QuestionOption } from '../../questions/types';
import { feasibleValues, recover, type Equation } from './attacker';
import { wilson } from './stats';
import { summariseQuestion, type QuestionFigures } from './summarise';
import {
	MARKERS,
	rulesFor,
	suppress,
	type PublicBreakdown,
	type PublicQuestion,
	type PublicShare
} from './suppression';

const rules = rulesFor();

const SCALE: QuestionOption[] = [
	{ value: 'sa', label: 'Strongly agree', positive: true },
	{ value: 'a', label: 'Agree', positive: true },
	{ value: 'n', label: 'Neither agree nor disagree' },
	{ value: 'd', label: 'Disagree' },
	{ value: 'sd', label: 'Strongly disagree' },
	{ value: 'na', label: 'Does not apply', notApplicable: true }
];
const VALID = SCALE.filter((o) => !o.notApplicable);

function scale(counts: number[], na = 0, kind: QuestionKind = 'scale'): QuestionFigures {
	const map: Record<string, number> = { na };
	VALID.forEach((o, i) => (map[o.value] = counts[i] ?? 0));
	return summariseQuestion({ id: 'q', kind, options: SCALE }, map);
}

function question(counts: number[], na = 0): PublicQuestion {
	return suppress({ kind: 'question', figures: scale(counts, na) }, rules);
}

const isPositive = (i: number) => Boolean(VALID[i]!.positive);

/** What anyone can write down from a published question table. */
function questionEquations(pub: PublicQuestion, cellsOf: (i: number) => number[]): Equation[] {
	const equations: Equation[] = [];
	const valid = pub.options.filter((o) => !o.notApplicable);
	valid.forEach((o, i) => {
		if (typeof o.count === 'number') equations.push({ cells: cellsOf(i), value: o.count });
	});
	const all = valid.flatMap((_, i) => cellsOf(i));
	if (typeof pub.n === 'number') equations.push({ cells: all, value: pub.n });
	if (typeof pub.share === 'object') {
		equations.push({
			cells: valid.flatMap((_, i) => (isPositive(i) ? cellsOf(i) : [])),
			value: pub.share.positive
		});
	}
	return equations;
}

/** What anyone can write down from a published breakdown. */
function breakdownEquations(
	pub: PublicBreakdown,
	cellsOf: (i: number, g: number) => number[]
): Equation[] {
	const equations: Equation[] = [];
	pub.groups.forEach((group, g) => {
		const rows = group.options.map((_, i) => i);
		if (typeof group.n === 'number')
			equations.push({ cells: rows.flatMap((i) => cellsOf(i, g)), value: group.n });
		if (typeof group.share === 'object')
			equations.push({
				cells: rows.filter(isPositive).flatMap((i) => cellsOf(i, g)),
				value: group.share.positive
			});
		group.options.forEach((o, i) => {
			if (typeof o.count === 'number') equations.push({ cells: cellsOf(i, g), value: o.count });
		});
	});
	return equations;
}

/** A seeded generator, so the random tables are the same on every run. */
function random(seed: number) {
	let s = seed >>> 0;
	return () => {
		s = (s * 1664525 + 1013904223) >>> 0;
		return s / 2 ** 32;
	};
}

describe('rulesFor', () => {
	it('lets an area raise the thresholds but never lower them', () => {
		expect(rulesFor()).toEqual({ minBase: 10, minCount: 5 });
		expect(rulesFor({ minBase: 3, minCount: 1 })).toEqual({ minBase: 10, minCount: 5 });
		expect(rulesFor({ minBase: 20, minCount: 10 })).toEqual({ minBase: 20, minCount: 10 });
	});

	it('names every marker of the question bank', () => {
		expect(Object.keys(MARKERS).sort()).toEqual(['[c]', '[u]', '[x]', '[z]']);
	});
});

describe('suppress: one question', () => {
	it('shows everything when no count is small, with the Wilson interval', () => {
		const pub = question([30, 40, 15, 20, 10], 7);
		expect(pub.options.map((o) => o.count)).toEqual([30, 40, 15, 20, 10, 7]);
		expect(pub.n).toBe(115);
		expect(pub.options[0]!.percent).toBeCloseTo(30 / 115, 12);
		expect(pub.options[5]!.percent).toBe('[z]');
		const share = pub.share as PublicShare;
		expect(share.share).toBeCloseTo(70 / 115, 12);
		expect(share.n).toBe(115);
		expect(share.positive).toBe(70);
		expect(share.lower).toBeCloseTo(wilson(70, 115).lower, 12);
		expect(share.upper).toBeCloseTo(wilson(70, 115).upper, 12);
	});

	it('gives no percentage on a base under 10, and hides counts of 1 to 4', () => {
		const pub = question([5, 0, 2, 1, 0]);
		expect(pub.n).toBe(8);
		expect(pub.share).toBe('[c]');
		expect(pub.options.every((o) => o.percent === '[c]' || o.percent === '[z]')).toBe(true);
		expect(pub.options[2]!.count).toBe('[c]');
		expect(pub.options[3]!.count).toBe('[c]');
		expect(pub.options[1]!.count).toBe(0);
	});

	it('suppressed values do not exist in the published object', () => {
		const pub = question([30, 40, 3, 20, 10]);
		const neither = pub.options[2]!;
		expect(neither.count).toBe('[c]');
		expect(neither.percent).toBe('[c]');
		expect(JSON.stringify(neither)).not.toMatch(/"count":3|0\.029/);
	});

	it('total minus the rest does not recover a suppressed cell', () => {
		const counts = [30, 40, 3, 20, 10];
		const pub = question(counts);
		// The attack: n minus every count that is shown.
		const shown = pub.options.filter((o) => !o.notApplicable && typeof o.count === 'number');
		const rest = (pub.n as number) - shown.reduce((s, o) => s + (o.count as number), 0);
		const hidden = pub.options.filter((o) => o.count === '[c]');
		expect(hidden.length).toBeGreaterThanOrEqual(2);
		expect(rest).toBeGreaterThanOrEqual(rules.minCount);
		// An exact attacker with every published figure (counts, n, share) gets nowhere either.
		const equations = questionEquations(pub, (i) => [i]);
		expect(recover(5, equations, [2])).toBeNull();
		const values = feasibleValues(5, equations, 2);
		expect(values.has(3)).toBe(true);
		expect(values.size).toBeGreaterThan(1);
	});

	it('a small positive count hides the share: share × n would give it away', () => {
		const pub = question([1, 2, 30, 20, 10]);
		expect(pub.share).toBe('[c]');
		const equations = questionEquations(pub, (i) => [i]);
		expect(recover(5, equations, [0, 1])).toBeNull();
		expect(recover(5, equations, [0])).toBeNull();
		expect(pub.n).toBe(63);
	});

	it('a small negative count hides the share too (96% of 50 is 48)', () => {
		const pub = question([20, 28, 2, 0, 0]);
		expect(pub.share).toBe('[c]');
		const equations = questionEquations(pub, (i) => [i]);
		expect(recover(5, equations, [2, 3, 4])).toBeNull();
	});

	it('a base of 1 to 4 is itself suppressed', () => {
		const pub = question([2, 1, 0, 0, 0]);
		expect(pub.n).toBe('[c]');
		expect(pub.share).toBe('[c]');
		expect(pub.options.slice(0, 2).map((o) => o.count)).toEqual(['[c]', '[c]']);
	});

	it('marks a share [u] on a base under 30 or with a wide interval', () => {
		expect((question([6, 6, 4, 4, 5]).share as PublicShare).unreliable).toBe(true); // n = 25
		expect((question([10, 9, 6, 6, 7]).share as PublicShare).unreliable).toBe(true); // n = 38, ±15.2
		expect((question([100, 100, 100, 50, 50]).share as PublicShare).unreliable).toBe(false);
	});

	it('keeps "does not apply" out of n and suppresses it when small', () => {
		const pub = question([30, 40, 15, 20, 10], 3);
		expect(pub.n).toBe(115);
		expect(pub.notApplicable).toBe('[c]');
		expect(pub.options[5]!.count).toBe('[c]');
	});

	it('has no share for a question without positive options, and [x] with no answers', () => {
		const single = summariseQuestion(
			{
				id: 's',
				kind: 'single',
				options: [
					{ value: 'x', label: 'X' },
					{ value: 'y', label: 'Y' }
				]
			},
			{ x: 12, y: 3 }
		);
		const pub = suppress({ kind: 'question', figures: single }, rules);
		expect(pub.share).toBe('[z]');
		// Y is 3; with n shown, X must go too.
		expect(pub.options.map((o) => o.count)).toEqual(['[c]', '[c]']);
		expect(question([0, 0, 0, 0, 0]).share).toBe('[x]');
	});

	it('applies an area’s higher thresholds', () => {
		const pub = suppress(
			{ kind: 'question', figures: scale([30, 40, 8, 20, 10]) },
			rulesFor({ minCount: 10, minBase: 10 })
		);
		expect(pub.options[2]!.count).toBe('[c]');
		expect(pub.options.filter((o) => o.count === '[c]').length).toBeGreaterThanOrEqual(2);
	});
});

describe('suppress: breakdowns', () => {
	const groups = [
		{ value: 'north', label: 'North' },
		{ value: 'south', label: 'South' },
		{ value: 'east', label: 'East' }
	];

	/** A breakdown from a full table: rows are options, columns the groups then "not answered". */
	function breakdown(table: number[][]) {
		const totals = VALID.map((_, i) => table[i]!.reduce((s, v) => s + v, 0));
		const figures = scale(totals);
		const cells = new Map(
			groups.map((g, j) => [g.value, new Map(VALID.map((o, i) => [o.value, table[i]![j]!]))])
		);
		return {
			figures,
			overall: suppress({ kind: 'question', figures }, rules),
			pub: suppress({ kind: 'breakdown', figures, groups, cells }, rules)
		};
	}

	const G = groups.length + 1;
	const cell = (i: number, g: number) => [i * G + g];

	function attacker(overall: PublicQuestion, pub: PublicBreakdown) {
		return [
			...questionEquations(overall, (i) => Array.from({ length: G }, (_, g) => i * G + g)),
			...breakdownEquations(pub, cell)
		];
	}

	it('adds a "not answered" group from what the groups leave over', () => {
		const { pub } = breakdown([
			[10, 12, 11, 6],
			[15, 14, 13, 5],
			[9, 8, 10, 5],
			[7, 9, 6, 6],
			[5, 6, 8, 5]
		]);
		expect(pub.groups.map((g) => g.label)).toEqual(['North', 'South', 'East', 'Not answered']);
		expect(pub.groups.map((g) => g.n)).toEqual([46, 49, 48, 27]);
		expect((pub.groups[0]!.share as PublicShare).positive).toBe(25);
	});

	it('a group with fewer than 10 answers shows [c] and no percentage', () => {
		const { pub } = breakdown([
			[10, 12, 3, 6],
			[15, 14, 2, 5],
			[9, 8, 1, 5],
			[7, 9, 1, 6],
			[5, 6, 0, 5]
		]);
		const east = pub.groups[2]!;
		expect(east.n).toBe(7);
		expect(east.share).toBe('[c]');
		expect(east.options.every((o) => o.count === '[c]' && o.percent === '[c]')).toBe(true);
	});

	it('a wave total minus its breakdown does not recover a small group', () => {
		const table = [
			[10, 12, 1, 6],
			[15, 14, 1, 5],
			[9, 8, 0, 5],
			[7, 9, 1, 6],
			[5, 6, 0, 5]
		];
		const { overall, pub } = breakdown(table);
		expect(pub.groups[2]!.n).toBe('[c]');
		// The attack: the question's n minus the groups that are shown.
		const shown = pub.groups.filter((g) => typeof g.n === 'number');
		expect(shown.length).toBeLessThan(pub.groups.length - 1);
		const equations = attacker(overall, pub);
		expect(
			recover(
				5 * G,
				equations,
				VALID.map((_, i) => i * G + 2)
			)
		).toBeNull();
		for (let i = 0; i < 5; i++) expect(recover(5 * G, equations, cell(i, 2))).toBeNull();
	});

	it('no small cell, share or base can be recovered from the question and its breakdown', () => {
		const next = random(7);
		for (let run = 0; run < 80; run++) {
			const table = VALID.map(() =>
				Array.from({ length: G }, () => Math.floor(next() ** 2 * (next() < 0.3 ? 6 : 25)))
			);
			const { overall, pub } = breakdown(table);
			const equations = attacker(overall, pub);
			const small = (v: number) => v > 0 && v < rules.minCount;
			for (let g = 0; g < G; g++) {
				const column = VALID.map((_, i) => table[i]![g]!);
				const targets: number[][] = [];
				column.forEach((v, i) => small(v) && targets.push(cell(i, g)));
				const pos = column.filter((_, i) => isPositive(i)).reduce((s, v) => s + v, 0);
				const neg = column.filter((_, i) => !isPositive(i)).reduce((s, v) => s + v, 0);
				if (small(pos)) targets.push([0, 1].flatMap((i) => cell(i, g)));
				if (small(neg)) targets.push([2, 3, 4].flatMap((i) => cell(i, g)));
				if (small(pos + neg)) targets.push(VALID.flatMap((_, i) => cell(i, g)));
				for (const target of targets) expect(recover(5 * G, equations, target)).toBeNull();
				expect(
					pub.groups[g]!.options.every((o, i) => o.count === '[c]' || o.count === column[i])
				).toBe(true);
			}
			// The question's own small cells stay hidden too.
			VALID.forEach((_, i) => {
				const total = table[i]!.reduce((s, v) => s + v, 0);
				if (small(total))
					expect(
						recover(
							5 * G,
							equations,
							table[i]!.map((_, g) => i * G + g)
						)
					).toBeNull();
			});
		}
	});

	it('two overlapping breakdowns of the same question do not recover a cell together', () => {
		// Three-way truth: option × age group × district, each with a "not answered" column.
		const ages = [
			{ value: 'young', label: '0 to 10' },
			{ value: 'old', label: '11 to 25' }
		];
		const districts = [
			{ value: 'north', label: 'North' },
			{ value: 'south', label: 'South' }
		];
		const A = ages.length + 1;
		const D = districts.length + 1;
		const at = (i: number, a: number, d: number) => (i * A + a) * D + d;
		const next = random(11);
		for (let run = 0; run < 60; run++) {
			const truth = VALID.map(() =>
				Array.from({ length: A }, () =>
					Array.from({ length: D }, () => Math.floor(next() ** 2 * 9))
				)
			);
			const totals = truth.map((row) => row.flat().reduce((s, v) => s + v, 0));
			const figures = scale(totals);
			const byAge = new Map(
				ages.map((g, a) => [
					g.value,
					new Map(VALID.map((o, i) => [o.value, truth[i]![a]!.reduce((s, v) => s + v, 0)]))
				])
			);
			const byDistrict = new Map(
				districts.map((g, d) => [
					g.value,
					new Map(VALID.map((o, i) => [o.value, truth[i]!.reduce((s, r) => s + r[d]!, 0)]))
				])
			);
			const overall = suppress({ kind: 'question', figures }, rules);
			const age = suppress({ kind: 'breakdown', figures, groups: ages, cells: byAge }, rules);
			const district = suppress(
				{ kind: 'breakdown', figures, groups: districts, cells: byDistrict },
				rules
			);
			const size = 5 * A * D;
			const equations = [
				...questionEquations(overall, (i) =>
					Array.from({ length: A * D }, (_, j) => i * A * D + j)
				),
				...breakdownEquations(age, (i, a) => Array.from({ length: D }, (_, d) => at(i, a, d))),
				...breakdownEquations(district, (i, d) => Array.from({ length: A }, (_, a) => at(i, a, d)))
			];
			const check = (
				pub: PublicBreakdown,
				cellsOf: (i: number, g: number) => number[],
				value: (i: number, g: number) => number
			) => {
				pub.groups.forEach((group, g) => {
					group.options.forEach((o, i) => {
						const v = value(i, g);
						if (v > 0 && v < rules.minCount) {
							expect(o.count).toBe('[c]');
							expect(recover(size, equations, cellsOf(i, g))).toBeNull();
						}
					});
				});
			};
			check(
				age,
				(i, a) => Array.from({ length: D }, (_, d) => at(i, a, d)),
				(i, a) => truth[i]![a]!.reduce((s, v) => s + v, 0)
			);
			check(
				district,
				(i, d) => Array.from({ length: A }, (_, a) => at(i, a, d)),
				(i, d) => truth[i]!.reduce((s, r) => s + r[d]!, 0)
			);
		}
	});
});

describe('suppress: pooled shares and change', () => {
	const share = (positive: number, n: number) =>
		suppress({ kind: 'pooled', parts: [question([positive, 0, n - positive, 0, 0]).share] }, rules)
			.share as PublicShare;

	it('pools only published question shares, so a suppressed one cannot be worked back', () => {
		const a = question([30, 40, 15, 20, 10]).share; // 70 of 115
		const b = question([20, 25, 30, 10, 15]).share; // 45 of 100
		const hiddenOne = question([1, 2, 30, 20, 10]).share; // [c]
		const noShare = '[z]' as const;
		const pooled = suppress({ kind: 'pooled', parts: [a, b, hiddenOne, noShare] }, rules);
		expect(pooled.questions).toBe(2);
		expect(pooled.of).toBe(3);
		const s = pooled.share as PublicShare;
		expect(s.positive).toBe(115);
		expect(s.n).toBe(215);
		expect(s.lower).toBeCloseTo(wilson(115, 215).lower, 12);
	});

	it('is [x] when nothing was asked, [c] when everything is suppressed', () => {
		expect(suppress({ kind: 'pooled', parts: [] }, rules).share).toBe('[x]');
		expect(suppress({ kind: 'pooled', parts: ['[c]', '[x]'] }, rules).share).toBe('[c]');
	});

	it('gives a verdict only when both waves are published', () => {
		const later = share(56, 70);
		const earlier = share(48, 80);
		const c = suppress({ kind: 'change', later, earlier }, rules);
		expect(typeof c === 'object' && c.verdict).toBe('better');
		expect(typeof c === 'object' && Math.round(c.lower * 10000)).toBe(524);
		expect(suppress({ kind: 'change', later: earlier, earlier: later }, rules)).toMatchObject({
			verdict: 'worse'
		});
		expect(suppress({ kind: 'change', later, earlier: '[c]' }, rules)).toBe('[x]');
		expect(suppress({ kind: 'change', later: '[x]', earlier }, rules)).toBe('[x]');
		expect(suppress({ kind: 'change', later, earlier: undefined }, rules)).toBe('[z]');
		expect(
			suppress({ kind: 'change', later: share(40, 80), earlier: share(38, 80) }, rules)
		).toMatchObject({ verdict: 'no clear change' });
	});
});

describe('suppress: response rates', () => {
	it('hides a small number of used codes and the next-smallest batch with it', () => {
		const { batches, total } = suppress(
			{
				kind: 'rates',
				batches: [
					{ issued: 400, used: 120 },
					{ issued: 400, used: 3 },
					{ issued: 400, used: 60 }
				]
			},
			rules
		);
		expect(batches.map((b) => b.used)).toEqual([120, '[c]', '[c]']);
		expect(total.used).toBe(183);
		expect(total.percent).toBeCloseTo(183 / 1200, 12);
		expect(batches[0]!.percent).toBeCloseTo(0.3, 12);
	});

	it('hides the used count of a batch smaller than the minimum base, even a count of 0, and keeps the total from giving it away', () => {
		for (const used of [0, 1]) {
			const { batches, total } = suppress(
				{
					kind: 'rates',
					batches: [
						{ issued: 400, used: 120 },
						{ issued: 1, used },
						{ issued: 400, used: 60 }
					]
				},
				rules
			);
			expect(batches[1]!.used).toBe('[c]');
			// Someone who adds up what is shown cannot get back to the one-letter batch.
			const shown = batches.map((b) => b.used).filter((u): u is number => typeof u === 'number');
			const recoverable = typeof total.used === 'number' && shown.length === batches.length - 1;
			expect(recoverable).toBe(false);
		}
	});
});
