/**
 * Population counts, always within one local area. A save replaces whole rows: the table keeps
 * the current figures only, and the audit log keeps who changed them.
 */
import type { Db } from '../db';
import type { PopulationCount, PopulationMargin } from '../db/schema';

export async function listPopulation(db: Db, localAreaId: string): Promise<PopulationCount[]> {
	return db
		.selectFrom('populationCounts')
		.selectAll()
		.where('localAreaId', '=', localAreaId)
		.orderBy('margin')
		.orderBy('category')
		.execute();
}

/** Removes some of an area's rows (margin and category pairs). */
export async function deletePopulation(
	db: Db,
	localAreaId: string,
	rows: readonly { margin: PopulationMargin; category: string }[]
): Promise<void> {
	for (const row of rows) {
		await db
			.deleteFrom('populationCounts')
			.where('localAreaId', '=', localAreaId)
			.where('margin', '=', row.margin)
			.where('category', '=', row.category)
			.execute();
	}
}

/** Writes rows of one area, replacing any of the same margin and category. */
export async function putPopulation(
	db: Db,
	localAreaId: string,
	rows: readonly Omit<PopulationCount, 'localAreaId'>[]
): Promise<void> {
	await deletePopulation(db, localAreaId, rows);
	if (rows.length > 0) {
		await db
			.insertInto('populationCounts')
			.values(rows.map((r) => ({ ...r, localAreaId })))
			.execute();
	}
}
