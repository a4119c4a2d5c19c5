/**
 * Findings over waves: a finding's positive share per wave and dimension, pooled over the linked
 * questions (every answer counts once, so n is answers, not families), the change since the
 * previous wave and a plain verdict. Pure functions over already-suppressed question figures:
 * a question whose own share is suppressed adds nothing to the pool (see suppression.ts).
 */
import type { Audience, Dimension } from '../db/schema';
import {
	suppress,
	type ChangeFigure,
	type PooledShare,
	type PublicBreakdown,
	type Rules,
	type ShareFigure
} from './suppression';

/** A question as the pooling needs it: where it was asked, what it speaks to, its public share. */
export interface PoolQuestion {
	id: string;
	waveId: string;
	audience: Audience;
	dimension: Dimension | null;
	findingIds: readonly string[];
	share: ShareFigure;
}

export interface TrendPoint {
	waveId: string;
	pooled: PooledShare;
}

/** The dimensions a finding is charted on, in the order the pages show them. */
export const CHARTED_DIMENSIONS = [
	'lived_experience',
	'co_production',
	'access',
	'outcomes'
] as const satisfies readonly Dimension[];
export type ChartedDimension = (typeof CHARTED_DIMENSIONS)[number];

export const DIMENSION_LABELS: Record<ChartedDimension, string> = {
	lived_experience: 'Lived experience',
	co_production: 'Co-production',
	access: 'Access',
	outcomes: 'Outcomes'
};

/** The questions that speak to a finding on a dimension (optionally for one audience). */
export function linkedQuestions(
	questions: readonly PoolQuestion[],
	findingId: string,
	dimension: Dimension,
	audience?: Audience
): PoolQuestion[] {
	return questions.filter(
		(q) =>
			q.dimension === dimension &&
			q.findingIds.includes(findingId) &&
			(audience === undefined || q.audience === audience)
	);
}

/** One point per wave, in the waves' order. */
export function findingTrend(
	questions: readonly PoolQuestion[],
	waveIds: readonly string[],
	findingId: string,
	dimension: Dimension,
	rules: Rules,
	audience?: Audience
): TrendPoint[] {
	const linked = linkedQuestions(questions, findingId, dimension, audience);
	return waveIds.map((waveId) => ({
		waveId,
		pooled: suppress(
			{ kind: 'pooled', parts: linked.filter((q) => q.waveId === waveId).map((q) => q.share) },
			rules
		)
	}));
}

/** The change from the wave before the last to the last. */
export function latestChange(points: readonly TrendPoint[], rules: Rules): ChangeFigure {
	const later = points.at(-1)?.pooled.share;
	const earlier = points.length > 1 ? points.at(-2)!.pooled.share : undefined;
	return suppress({ kind: 'change', later, earlier }, rules);
}

export type Direction = 'improved' | 'worsened' | 'unclear' | 'no data';

/**
 * One reading per area of weakness, from its dimensions' changes: improved when at least one is
 * clearly better and none clearly worse; worsened the other way round; unclear when mixed or when
 * no interval excludes zero; "no data" when there is nothing to compare.
 */
export function directionOf(changes: readonly ChangeFigure[]): Direction {
	const verdicts = changes.flatMap((c) => (typeof c === 'object' ? [c.verdict] : []));
	if (verdicts.length === 0) return 'no data';
	const better = verdicts.includes('better');
	const worse = verdicts.includes('worse');
	if (better && !worse) return 'improved';
	if (worse && !better) return 'worsened';
	return 'unclear';
}

export interface GroupShare {
	value: string | null;
	label: string;
	pooled: PooledShare;
}

/**
 * A finding broken down by an about-you question: per group, the pool of the linked questions'
 * published group shares. Groups are matched by option value across surveys (the same key has
 * the same options in every questionnaire), in the order they first appear.
 */
export function pooledByGroup(breakdowns: readonly PublicBreakdown[], rules: Rules): GroupShare[] {
	const groups: { value: string | null; label: string }[] = [];
	for (const b of breakdowns) {
		for (const g of b.groups) {
			if (!groups.some((known) => known.value === g.value)) {
				groups.push({ value: g.value, label: g.label });
			}
		}
	}
	return groups.map((group) => ({
		...group,
		pooled: suppress(
			{
				kind: 'pooled',
				parts: breakdowns.flatMap((b) =>
					b.groups.filter((g) => g.value === group.value).map((g) => g.share)
				)
			},
			rules
		)
	}));
}
