/** The public page's rows: the published snapshot per area, and the quotes chosen for it. */
import type { Db } from '../db';

export async function getPage(db: Db, areaId: string) {
	return db
		.selectFrom('publicPages')
		.selectAll()
		.where('localAreaId', '=', areaId)
		.executeTakeFirst();
}

/** The published page of an area found by its public address (slug), if there is one. */
export async function findPublishedBySlug(db: Db, slug: string) {
	return db
		.selectFrom('publicPages')
		.innerJoin('localAreas', 'localAreas.id', 'publicPages.localAreaId')
		.select(['publicPages.localAreaId', 'publicPages.content', 'publicPages.publishedAt'])
		.where('localAreas.slug', '=', slug)
		.where('publicPages.content', 'is not', null)
		.executeTakeFirst();
}

export async function savePage(
	db: Db,
	row: {
		localAreaId: string;
		content: string | null;
		publishedAt: string | null;
		publishedBy: string | null;
		withdrawnAt: string | null;
	}
): Promise<void> {
	const existing = await getPage(db, row.localAreaId);
	if (existing) {
		const { localAreaId, ...patch } = row;
		await db.updateTable('publicPages').set(patch).where('localAreaId', '=', localAreaId).execute();
	} else {
		await db.insertInto('publicPages').values(row).execute();
	}
}

export async function listQuotes(db: Db, areaId: string) {
	return db
		.selectFrom('publicQuotes')
		.innerJoin('comments', 'comments.id', 'publicQuotes.commentId')
		.select([
			'publicQuotes.commentId',
			'publicQuotes.findingId',
			'publicQuotes.chosenAt',
			'comments.body',
			'comments.status'
		])
		.where('publicQuotes.localAreaId', '=', areaId)
		.orderBy('publicQuotes.chosenAt')
		.execute();
}

export async function insertQuote(
	db: Db,
	row: {
		commentId: string;
		localAreaId: string;
		findingId: string;
		chosenBy: string | null;
		chosenAt: string;
	}
): Promise<void> {
	await db.insertInto('publicQuotes').values(row).execute();
}

export async function deleteQuote(db: Db, areaId: string, commentId: string): Promise<number> {
	const result = await db
		.deleteFrom('publicQuotes')
		.where('localAreaId', '=', areaId)
		.where('commentId', '=', commentId)
		.executeTakeFirst();
	return Number(result.numDeletedRows);
}
