/**
 * The viewer who keeps every publication and subtracts one from the next. The difference is a
 * table of the responses that arrived in between, and it must be as safe as any one publication:
 * no small count in it (and nothing the earlier publication hid) can be worked out from the two.
 * Tried with the independent attacker (attacker.ts), over cells [0, C) for the earlier responses
 * and [C, 2C) for those since.
 */
import { describe, expect, it } from 'vitest';
import type { QuestionOption } from '../../questions/types';
import { recover, type Equation } from './attacker';
import { summariseQuestion, type QuestionFigures } from './summarise';
import {
	rulesFor,
	suppressWithBasis,
	type PublicBreakdown,
	type PublicQuestion,
	type PublicRate
} from './suppression';

const rules = rulesFor();
const SCALE: QuestionOption[] = [
	{ value: 'sa', label: 'Strongly agree', positive: true },
	{ value: 'a', label: 'Agree', positive: true },
	{ value: 'n', label: 'Neither' },
	{ value: 'd', label: 'Disagree' },
	{ value: 'sd', label: 'Strongly disagree' }
];
const K = SCALE.length;
const small = (v: number) => v > 0 && v < rules.minCount;

function figures(counts: number[]): QuestionFigures {
	return summariseQuestion(
		{ id: 'q', kind: 'scale', options: SCALE },
		Object.fromEntries(SCALE.map((o, i) => [o.value, counts[i]!]))
	);
}

/** What anyone can write down from a published question, over the given cells per option. */
function equations(pub: PublicQuestion, cellsOf: (i: number) => number[]): Equation[] {
	const out: Equation[] = [];
	pub.options.forEach((o, i) => {
		if (typeof o.count === 'number') out.push({ cells: cellsOf(i), value: o.count });
	});
	const all = SCALE.flatMap((_, i) => cellsOf(i));
	if (typeof pub.n === 'number') out.push({ cells: all, value: pub.n });
	if (typeof pub.share === 'object') {
		out.push({ cells: [0, 1].flatMap(cellsOf), value: pub.share.positive });
	}
	return out;
}

function seeded(seed: number) {
	let s = seed;
	return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

describe('two publications of one question', () => {
	it('do not give away a small count among the responses between them', () => {
		const earlier = [20, 15, 12, 8, 6];
		const since = [3, 2, 5, 0, 1]; // ten new responses, mostly small cells
		const first = suppressWithBasis({ kind: 'question', figures: figures(earlier) }, rules);
		const now = earlier.map((v, i) => v + since[i]!);
		const second = suppressWithBasis(
			{ kind: 'question', figures: figures(now), earlier: first.basis },
			rules
		);
		const known = [
			...equations(first.published, (i) => [i]),
			...equations(second.published, (i) => [i, K + i])
		];
		since.forEach((d, i) => {
			if (small(d)) expect(recover(2 * K, known, [K + i]), `option ${i}`).toBeNull();
		});
		// The figures that could be shown still are.
		expect(second.published.n).toBe(72);
	});

	it('would give them away if the second were protected on its own (the check bites)', () => {
		const earlier = [20, 15, 12, 8, 6];
		const since = [3, 2, 5, 0, 1];
		const first = suppressWithBasis({ kind: 'question', figures: figures(earlier) }, rules);
		const alone = suppressWithBasis(
			{ kind: 'question', figures: figures(earlier.map((v, i) => v + since[i]!)) },
			rules
		);
		const known = [
			...equations(first.published, (i) => [i]),
			...equations(alone.published, (i) => [i, K + i])
		];
		expect(recover(2 * K, known, [K + 0])).toBe(3);
	});

	it('hold for random tables, and keep what the earlier one hid hidden', () => {
		const next = seeded(11);
		for (let run = 0; run < 150; run++) {
			const earlier = SCALE.map(() => Math.floor(next() * (next() < 0.3 ? 6 : 30)));
			const since = SCALE.map(() => Math.floor(next() * (next() < 0.5 ? 5 : 15)));
			const first = suppressWithBasis({ kind: 'question', figures: figures(earlier) }, rules);
			const second = suppressWithBasis(
				{
					kind: 'question',
					figures: figures(earlier.map((v, i) => v + since[i]!)),
					earlier: first.basis
				},
				rules
			);
			const known = [
				...equations(first.published, (i) => [i]),
				...equations(second.published, (i) => [i, K + i])
			];
			since.forEach((d, i) => {
				if (small(d)) expect(recover(2 * K, known, [K + i])).toBeNull();
			});
			earlier.forEach((v, i) => {
				if (small(v)) expect(recover(2 * K, known, [i])).toBeNull();
			});
			const totalSince = since.reduce((s, v) => s + v, 0);
			if (small(totalSince)) {
				expect(
					recover(
						2 * K,
						known,
						SCALE.map((_, i) => K + i)
					)
				).toBeNull();
			}
		}
	});
});

describe('two publications of a breakdown', () => {
	const groups = [
		{ value: 'north', label: 'North' },
		{ value: 'south', label: 'South' }
	];
	const G = groups.length + 1;

	function publish(table: number[][], earlier?: ReturnType<typeof build>['basis']) {
		return build(table, earlier);
	}
	function build(
		table: number[][],
		earlier?: Parameters<typeof suppressWithBasis>[0] extends never
			? never
			: import('./suppression').BreakdownBasis | null
	) {
		const totals = table.map((row) => row.reduce((s, v) => s + v, 0));
		const f = figures(totals);
		const cells = new Map(
			groups.map((g, j) => [g.value, new Map(SCALE.map((o, i) => [o.value, table[i]![j]!]))])
		);
		const question = suppressWithBasis(
			{ kind: 'question', figures: f, earlier: earlier?.question },
			rules
		);
		const broken = suppressWithBasis(
			{ kind: 'breakdown', figures: f, groups, cells, earlier: earlier ?? undefined },
			rules
		);
		return { question: question.published, pub: broken.published, basis: broken.basis };
	}

	function breakdownEquations(
		question: PublicQuestion,
		pub: PublicBreakdown,
		cellOf: (i: number, g: number) => number[]
	): Equation[] {
		const out = equations(question, (i) =>
			groups.concat([{ value: '', label: '' }]).flatMap((_, g) => cellOf(i, g))
		);
		pub.groups.forEach((group, g) => {
			if (typeof group.n === 'number')
				out.push({ cells: SCALE.flatMap((_, i) => cellOf(i, g)), value: group.n });
			if (typeof group.share === 'object')
				out.push({ cells: [0, 1].flatMap((i) => cellOf(i, g)), value: group.share.positive });
			group.options.forEach((o, i) => {
				if (typeof o.count === 'number') out.push({ cells: cellOf(i, g), value: o.count });
			});
		});
		return out;
	}

	it('do not give away a small cell of the responses between them', () => {
		const next = seeded(5);
		const C = K * G;
		for (let run = 0; run < 40; run++) {
			const earlier = SCALE.map(() => Array.from({ length: G }, () => Math.floor(next() * 25)));
			const since = SCALE.map(() => Array.from({ length: G }, () => Math.floor(next() * 6)));
			const first = publish(earlier);
			const second = publish(
				earlier.map((row, i) => row.map((v, g) => v + since[i]![g]!)),
				first.basis
			);
			const cell = (i: number, g: number) => i * G + g;
			const known = [
				...breakdownEquations(first.question, first.pub, (i, g) => [cell(i, g)]),
				...breakdownEquations(second.question, second.pub, (i, g) => [cell(i, g), C + cell(i, g)])
			];
			since.forEach((row, i) =>
				row.forEach((d, g) => {
					if (small(d)) expect(recover(2 * C, known, [C + cell(i, g)])).toBeNull();
				})
			);
		}
	});
});

describe('two publications of response rates', () => {
	it('do not tell how many of a batch answered in between when it is a few', () => {
		const first = suppressWithBasis(
			{
				kind: 'rates',
				batches: [
					{ issued: 200, used: 40 },
					{ issued: 200, used: 30 }
				]
			},
			rules
		);
		const second = suppressWithBasis(
			{
				kind: 'rates',
				batches: [
					{ issued: 200, used: 42 },
					{ issued: 200, used: 38 }
				],
				earlier: first.basis
			},
			rules
		);
		const eq = (
			rates: { batches: PublicRate[]; total: PublicRate },
			later: boolean
		): Equation[] => {
			const cellsOf = (i: number) => (later ? [i, 2 + i] : [i]);
			const out: Equation[] = [];
			rates.batches.forEach((b, i) => {
				if (typeof b.used === 'number') out.push({ cells: cellsOf(i), value: b.used });
			});
			if (typeof rates.total.used === 'number')
				out.push({ cells: [0, 1].flatMap(cellsOf), value: rates.total.used });
			return out;
		};
		const known = [...eq(first.published, false), ...eq(second.published, true)];
		expect(recover(4, known, [2])).toBeNull();
	});
});
