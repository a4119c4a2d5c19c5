import { describe, expect, it } from 'vitest';
import type { QuestionOption } from '../../questions/types';
import {
	directionOf,
	findingTrend,
	latestChange,
	pooledByGroup,
	type PoolQuestion
} from './findings';
import { summariseQuestion } from './summarise';
import { rulesFor, suppress, type PublicShare } from './suppression';

const rules = rulesFor();
const YES_NO: QuestionOption[] = [
	{ value: 'yes', label: 'Yes', positive: true },
	{ value: 'no', label: 'No' },
	{ value: 'dk', label: 'Don’t know', notApplicable: true }
];

/** A yes/no question's public share from its counts. */
function shareOf(yes: number, no: number, dk = 0) {
	const figures = summariseQuestion({ id: 'q', kind: 'yes_no', options: YES_NO }, { yes, no, dk });
	return suppress({ kind: 'question', figures }, rules).share;
}

function q(
	id: string,
	waveId: string,
	audience: PoolQuestion['audience'],
	dimension: PoolQuestion['dimension'],
	share: PoolQuestion['share'],
	findingIds = ['f1']
): PoolQuestion {
	return { id, waveId, audience, dimension, findingIds, share };
}

const questions: PoolQuestion[] = [
	q('w1-parent-le', 'w1', 'parent_carer', 'lived_experience', shareOf(70, 45, 9)),
	q('w1-young-le', 'w1', 'young_person', 'lived_experience', shareOf(20, 30)),
	q('w1-parent-cp', 'w1', 'parent_carer', 'co_production', shareOf(30, 70)),
	q('w2-parent-le', 'w2', 'parent_carer', 'lived_experience', shareOf(80, 30)),
	// 3 of 40 young people said yes: suppressed on its own, so it stays out of the pool.
	q('w2-young-le', 'w2', 'young_person', 'lived_experience', shareOf(3, 37)),
	q('w2-parent-cp', 'w2', 'parent_carer', 'co_production', shareOf(45, 55)),
	// Linked to another finding only, or with no share (about-you): never in f1's pool.
	q('w2-other', 'w2', 'parent_carer', 'lived_experience', shareOf(5, 95), ['f2']),
	q('w2-about', 'w2', 'parent_carer', 'about_you', '[z]')
];

describe('findingTrend', () => {
	it('pools answers over the linked questions of a dimension, one point per wave', () => {
		const trend = findingTrend(questions, ['w1', 'w2'], 'f1', 'lived_experience', rules);
		const w1 = trend[0]!.pooled;
		expect(w1.questions).toBe(2);
		expect(w1.of).toBe(2);
		const s1 = w1.share as PublicShare;
		// (70 + 20) of (115 + 50): the "don't know" answers are not in n.
		expect(s1.positive).toBe(90);
		expect(s1.n).toBe(165);
		expect(s1.share).toBeCloseTo(90 / 165, 12);
		expect(s1.lower).toBeCloseTo(0.4693, 4);
		expect(s1.upper).toBeCloseTo(0.6195, 4);

		const w2 = trend[1]!.pooled;
		expect(w2.questions).toBe(1);
		expect(w2.of).toBe(2);
		expect((w2.share as PublicShare).positive).toBe(80);
		expect((w2.share as PublicShare).n).toBe(110);
	});

	it('splits by audience', () => {
		const young = findingTrend(
			questions,
			['w1', 'w2'],
			'f1',
			'lived_experience',
			rules,
			'young_person'
		);
		expect((young[0]!.pooled.share as PublicShare).n).toBe(50);
		expect(young[1]!.pooled.share).toBe('[c]');
	});

	it('is [x] in a wave where the finding had no questions', () => {
		const trend = findingTrend(questions, ['w0', 'w1'], 'f1', 'co_production', rules);
		expect(trend[0]!.pooled.share).toBe('[x]');
		expect(trend[0]!.pooled.of).toBe(0);
	});
});

describe('latestChange and directionOf', () => {
	it('compares the last wave with the one before, with Newcombe’s interval', () => {
		const lived = latestChange(
			findingTrend(questions, ['w1', 'w2'], 'f1', 'lived_experience', rules),
			rules
		);
		// 80/110 − 90/165
		expect(lived).toMatchObject({ verdict: 'better' });
		if (typeof lived !== 'object') throw new Error('expected a change');
		expect(lived.difference).toBeCloseTo(0.1818, 4);
		expect(lived.lower).toBeCloseTo(0.0654, 4);
		expect(lived.upper).toBeCloseTo(0.2883, 4);

		const coProduction = latestChange(
			findingTrend(questions, ['w1', 'w2'], 'f1', 'co_production', rules),
			rules
		);
		// 45/100 − 30/100
		expect(coProduction).toMatchObject({ verdict: 'better' });
		expect(directionOf([lived, coProduction])).toBe('improved');
	});

	it('gives no change for a single wave or a suppressed side', () => {
		const one = findingTrend(questions, ['w1'], 'f1', 'lived_experience', rules);
		expect(latestChange(one, rules)).toBe('[z]');
		const young = findingTrend(
			questions,
			['w1', 'w2'],
			'f1',
			'lived_experience',
			rules,
			'young_person'
		);
		expect(latestChange(young, rules)).toBe('[x]');
		expect(directionOf(['[x]', '[z]'])).toBe('no data');
	});

	it('reads mixed or unclear changes as unclear', () => {
		const better = { difference: 0.15, lower: 0.02, upper: 0.28, verdict: 'better' } as const;
		const worse = { difference: -0.15, lower: -0.29, upper: -0.01, verdict: 'worse' } as const;
		const flat = {
			difference: 0.01,
			lower: -0.1,
			upper: 0.12,
			verdict: 'no clear change'
		} as const;
		expect(directionOf([better, worse])).toBe('unclear');
		expect(directionOf([flat, '[x]'])).toBe('unclear');
		expect(directionOf([worse, flat])).toBe('worsened');
	});
});

describe('pooledByGroup', () => {
	it('pools the published group shares of each group across questions', () => {
		const figures = summariseQuestion(
			{ id: 'q', kind: 'yes_no', options: YES_NO },
			{ yes: 60, no: 40 }
		);
		const groups = [
			{ value: 'north', label: 'North' },
			{ value: 'south', label: 'South' }
		];
		const cells = new Map([
			[
				'north',
				new Map([
					['yes', 30],
					['no', 20]
				])
			],
			[
				'south',
				new Map([
					['yes', 25],
					['no', 15]
				])
			]
		]);
		const one = suppress({ kind: 'breakdown', figures, groups, cells }, rules);
		const two = suppress({ kind: 'breakdown', figures, groups, cells }, rules);
		const pooled = pooledByGroup([one, two], rules);
		expect(pooled.map((g) => g.label)).toEqual(['North', 'South', 'Not answered']);
		expect((pooled[0]!.pooled.share as PublicShare).positive).toBe(60);
		expect((pooled[0]!.pooled.share as PublicShare).n).toBe(100);
		// "Not answered" holds 10 answers each: 5 yes, 5 no.
		expect((pooled[2]!.pooled.share as PublicShare).n).toBe(20);
	});
});
