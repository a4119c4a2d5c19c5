/**
 * Response rates: access codes used over codes issued, per batch and per survey. The counting is
 * plain SQL over the codes table; what reaches a page is only ever the suppressed form, because a
 * handful of used codes in a small batch (one district's letters) could point at a family.
 */
import type { Db } from '../db';

export interface RateCounts {
	issued: number;
	used: number;
}

/** The area's thresholds (never below the national minimums: counts 5, base 10). */
export interface Thresholds {
	minCount: number;
	minBase: number;
}

/** A rate as it may be shown: counts as text (`[c]` when suppressed), a percentage or nothing. */
export interface ShownRate {
	issued: string;
	used: string;
	/** Null when the base is too small or the count is suppressed. */
	percent: string | null;
}

export const SUPPRESSED = '[c]';

/**
 * One count as it may be shown: 1 to minCount − 1 become `[c]`; zero is not disclosive.
 * This is the seam for the one suppression function of insights: when it exists, this delegates.
 */
export function showCount(n: number, thresholds: Thresholds): string {
	return n > 0 && n < thresholds.minCount ? SUPPRESSED : n.toLocaleString('en-GB');
}

/** Primary suppression of a rate: hide small used counts, and any percentage on a small base. */
export function showRate(counts: RateCounts, thresholds: Thresholds): ShownRate {
	const used = showCount(counts.used, thresholds);
	const percent =
		counts.issued >= thresholds.minBase && used !== SUPPRESSED
			? `${Math.round((counts.used / counts.issued) * 100)}%`
			: null;
	return { issued: counts.issued.toLocaleString('en-GB'), used, percent };
}

/**
 * Rates for the batches of a survey and their total. When one batch is suppressed and the total
 * is shown, the total minus the others would give it away, so the next-smallest used count is
 * suppressed too (secondary suppression).
 */
export function showBatchRates(
	batches: RateCounts[],
	thresholds: Thresholds
): { batches: ShownRate[]; total: ShownRate } {
	const shown = batches.map((b) => showRate(b, thresholds));
	const suppressed = shown.filter((s) => s.used === SUPPRESSED).length;
	if (suppressed === 1 && batches.length > 1) {
		const candidates = batches
			.map((b, i) => ({ i, used: b.used }))
			.filter(({ i }) => shown[i]!.used !== SUPPRESSED)
			.sort((a, b) => a.used - b.used);
		const next = candidates[0];
		if (next) shown[next.i] = { ...shown[next.i]!, used: SUPPRESSED, percent: null };
	}
	const total = batches.reduce(
		(sum, b) => ({ issued: sum.issued + b.issued, used: sum.used + b.used }),
		{ issued: 0, used: 0 }
	);
	return { batches: shown, total: showRate(total, thresholds) };
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

/** Codes issued and used per survey of one local area (surveys with no codes are absent). */
export async function surveyCounts(db: Db, areaId: string): Promise<Map<string, RateCounts>> {
	const rows = await db
		.selectFrom('accessCodes')
		.innerJoin('codeBatches', 'codeBatches.id', 'accessCodes.batchId')
		.select((eb) => [
			'accessCodes.surveyId',
			eb.fn.countAll<number>().as('issued'),
			eb.fn.sum<number>('accessCodes.used').as('used')
		])
		.where('codeBatches.localAreaId', '=', areaId)
		.groupBy('accessCodes.surveyId')
		.execute();
	return new Map(
		rows.map((r) => [r.surveyId, { issued: Number(r.issued), used: Number(r.used ?? 0) }])
	);
}

/** The area's suppression thresholds, never below the national minimums. */
export async function areaThresholds(db: Db, areaId: string): Promise<Thresholds> {
	const row = await db
		.selectFrom('localAreas')
		.select(['minCount', 'minBase'])
		.where('id', '=', areaId)
		.executeTakeFirstOrThrow();
	return { minCount: Math.max(5, row.minCount), minBase: Math.max(10, row.minBase) };
}
