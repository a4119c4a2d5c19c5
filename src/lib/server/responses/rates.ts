/**
 * Response rates: access codes used over codes issued, per batch and per survey. The counting is
 * plain SQL over the codes table; what reaches a page is only ever what the one suppression
 * function lets through, because a handful of used codes in a small batch (one district's
 * letters) could point at a family.
 */
import type { Db } from '../db';
import { suppress, type PublicCount, type PublicRate, type Rules } from '../insights/suppression';

export type { Rules };

export interface RateCounts {
	issued: number;
	used: number;
}

/** A rate as it may be shown: counts as text (`[c]` when suppressed), a percentage or nothing. */
export interface ShownRate {
	issued: string;
	used: string;
	/** Null when the count is suppressed or the base is too small for a percentage. */
	percent: string | null;
}

const SUPPRESSED = '[c]';

function words(n: number): string {
	return n.toLocaleString('en-GB');
}

/** A count a publication made (already suppressed), in words. */
export function showPublishedCount(count: PublicCount): string {
	return count === SUPPRESSED ? count : words(count);
}

/** A count on its own (responses to a questionnaire), through the one suppression function. */
export function showCount(n: number, rules: Rules): string {
	const count = suppress({ kind: 'count', value: n }, rules);
	return count === SUPPRESSED ? count : words(count);
}

/** A rate as published, in words for a page. */
export function showRate(rate: PublicRate): ShownRate {
	return {
		issued: words(rate.issued),
		used: rate.used === SUPPRESSED ? SUPPRESSED : words(rate.used),
		percent: typeof rate.percent === 'number' ? `${Math.round(rate.percent * 100)}%` : null
	};
}

/**
 * Rates for the batches of a survey and their total, through the one suppression function: small
 * used counts are hidden, and so is whatever else would let the total give one away.
 */
export function showBatchRates(
	batches: RateCounts[],
	rules: Rules
): { batches: ShownRate[]; total: ShownRate } {
	const rates = suppress({ kind: 'rates', batches }, rules);
	return { batches: rates.batches.map(showRate), total: showRate(rates.total) };
}

/** Codes issued and used per batch of one survey. */
export async function batchCounts(db: Db, surveyId: string): Promise<Map<string, RateCounts>> {
	const rows = await db
		.selectFrom('accessCodes')
		.select((eb) => [
			'batchId',
			eb.fn.countAll<number>().as('issued'),
			eb.fn.sum<number>('used').as('used')
		])
		.where('surveyId', '=', surveyId)
		.groupBy('batchId')
		.execute();
	return new Map(
		rows.map((r) => [r.batchId, { issued: Number(r.issued), used: Number(r.used ?? 0) }])
	);
}

/** Codes issued and used per batch, for every survey of one local area that has codes. */
export async function areaBatchCounts(db: Db, areaId: string): Promise<Map<string, RateCounts[]>> {
	const rows = await db
		.selectFrom('accessCodes')
		.innerJoin('codeBatches', 'codeBatches.id', 'accessCodes.batchId')
		.select((eb) => [
			'accessCodes.surveyId',
			'codeBatches.createdAt',
			'accessCodes.batchId',
			eb.fn.countAll<number>().as('issued'),
			eb.fn.sum<number>('accessCodes.used').as('used')
		])
		.where('codeBatches.localAreaId', '=', areaId)
		.groupBy(['accessCodes.surveyId', 'codeBatches.createdAt', 'accessCodes.batchId'])
		.orderBy('codeBatches.createdAt')
		.execute();
	const bySurvey = new Map<string, RateCounts[]>();
	for (const r of rows) {
		const list = bySurvey.get(r.surveyId) ?? [];
		list.push({ issued: Number(r.issued), used: Number(r.used ?? 0) });
		bySurvey.set(r.surveyId, list);
	}
	return bySurvey;
}
