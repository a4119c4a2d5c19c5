/**
 * Free-text comments and the area's comment themes. Every query is keyed by the local area
 * (comments through their questionnaire), so another area's ids find nothing.
 */
import type { Db } from '../db';
import type { Audience, CommentStatus } from '../db/schema';

export interface ThemeRow {
	id: string;
	name: string;
	archived: boolean;
	findingIds: string[];
}

export async function listThemes(db: Db, areaId: string): Promise<ThemeRow[]> {
	const themes = await db
		.selectFrom('commentThemes')
		.select(['id', 'name', 'archived'])
		.where('localAreaId', '=', areaId)
		.orderBy('archived')
		.orderBy('name')
		.execute();
	const links = await db
		.selectFrom('commentThemeFindings')
		.innerJoin('commentThemes', 'commentThemes.id', 'commentThemeFindings.themeId')
		.select(['commentThemeFindings.themeId', 'commentThemeFindings.findingId'])
		.where('commentThemes.localAreaId', '=', areaId)
		.execute();
	return themes.map((t) => ({
		id: t.id,
		name: t.name,
		archived: t.archived === 1,
		findingIds: links.filter((l) => l.themeId === t.id).map((l) => l.findingId)
	}));
}

export async function findThemeByName(db: Db, areaId: string, name: string) {
	return db
		.selectFrom('commentThemes')
		.select(['id', 'name'])
		.where('localAreaId', '=', areaId)
		.where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
		.executeTakeFirst();
}

export async function insertTheme(
	db: Db,
	theme: { id: string; localAreaId: string; name: string }
) {
	await db.insertInto('commentThemes').values(theme).execute();
}

export async function updateTheme(
	db: Db,
	areaId: string,
	themeId: string,
	patch: { name?: string; archived?: 0 | 1 }
): Promise<boolean> {
	const result = await db
		.updateTable('commentThemes')
		.set(patch)
		.where('id', '=', themeId)
		.where('localAreaId', '=', areaId)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** Replace a theme's findings (the caller has checked both belong to the area). */
export async function setThemeFindings(db: Db, themeId: string, findingIds: readonly string[]) {
	await db.deleteFrom('commentThemeFindings').where('themeId', '=', themeId).execute();
	if (findingIds.length > 0) {
		await db
			.insertInto('commentThemeFindings')
			.values(findingIds.map((findingId) => ({ themeId, findingId })))
			.execute();
	}
}

/** How many comments carry each theme. */
/** Comments tagged with each theme: every one, or only those an officer has reviewed. */
export async function countTagged(
	db: Db,
	areaId: string,
	only: 'all' | 'reviewed'
): Promise<Map<string, number>> {
	const rows = await db
		.selectFrom('commentTags')
		.innerJoin('commentThemes', 'commentThemes.id', 'commentTags.themeId')
		.innerJoin('comments', 'comments.id', 'commentTags.commentId')
		.select(['commentTags.themeId', (eb) => eb.fn.countAll<number>().as('n')])
		.where('commentThemes.localAreaId', '=', areaId)
		.$if(only === 'reviewed', (q) => q.where('comments.status', '=', 'reviewed'))
		.groupBy('commentTags.themeId')
		.execute();
	return new Map(rows.map((r) => [r.themeId, Number(r.n)]));
}

export interface CommentRow {
	id: string;
	body: string;
	status: CommentStatus;
	redacted: boolean;
	questionId: string;
	surveyId: string;
	surveyTitle: string;
	audience: Audience;
	waveId: string;
	waveName: string;
	wavePosition: number;
	prompt: string;
	reviewedOn: string | null;
}

function commentQuery(db: Db, areaId: string) {
	return db
		.selectFrom('comments')
		.innerJoin('surveys', 'surveys.id', 'comments.surveyId')
		.innerJoin('waves', 'waves.id', 'surveys.waveId')
		.innerJoin('questions', 'questions.id', 'comments.questionId')
		.select([
			'comments.id',
			'comments.body',
			'comments.status',
			'comments.redacted',
			'comments.questionId',
			'comments.surveyId',
			'surveys.title as surveyTitle',
			'surveys.audience',
			'waves.id as waveId',
			'waves.name as waveName',
			'waves.position as wavePosition',
			'questions.prompt',
			'comments.reviewedOn'
		])
		.where('surveys.localAreaId', '=', areaId);
}

type RawComment = Omit<CommentRow, 'redacted'> & { redacted: number };
const toRow = (r: RawComment): CommentRow => ({ ...r, redacted: r.redacted === 1 });

export interface CommentFilter {
	status?: CommentStatus | null;
	themeId?: string | null;
	surveyId?: string | null;
	/** Only comments tagged with any of these themes. */
	themeIds?: readonly string[];
}

/** The area's comments that match, newest wave first. */
export async function listComments(
	db: Db,
	areaId: string,
	filter: CommentFilter
): Promise<CommentRow[]> {
	let query = commentQuery(db, areaId);
	if (filter.status) query = query.where('comments.status', '=', filter.status);
	if (filter.surveyId) query = query.where('comments.surveyId', '=', filter.surveyId);
	const themeIds = [...(filter.themeIds ?? []), ...(filter.themeId ? [filter.themeId] : [])];
	if (filter.themeIds && themeIds.length === 0) return [];
	if (themeIds.length > 0) {
		query = query.where((eb) =>
			eb.exists(
				eb
					.selectFrom('commentTags')
					.select('commentTags.commentId')
					.whereRef('commentTags.commentId', '=', 'comments.id')
					.where('commentTags.themeId', 'in', themeIds)
			)
		);
	}
	const rows = await query
		.orderBy('waves.position', 'desc')
		.orderBy('surveys.audience')
		.orderBy('comments.id')
		.execute();
	return rows.map(toRow);
}

export async function findComment(
	db: Db,
	areaId: string,
	commentId: string
): Promise<CommentRow | undefined> {
	const row = await commentQuery(db, areaId)
		.where('comments.id', '=', commentId)
		.executeTakeFirst();
	return row && toRow(row);
}

/** Theme ids per comment, for some comments. */
export async function tagsOf(
	db: Db,
	commentIds: readonly string[]
): Promise<Map<string, string[]>> {
	const tags = new Map<string, string[]>();
	// Chunked: SQLite caps bound values per statement.
	for (let i = 0; i < commentIds.length; i += 500) {
		const rows = await db
			.selectFrom('commentTags')
			.select(['commentId', 'themeId'])
			.where('commentId', 'in', commentIds.slice(i, i + 500))
			.execute();
		for (const r of rows) tags.set(r.commentId, [...(tags.get(r.commentId) ?? []), r.themeId]);
	}
	return tags;
}

export async function setTags(db: Db, commentId: string, themeIds: readonly string[]) {
	await db.deleteFrom('commentTags').where('commentId', '=', commentId).execute();
	if (themeIds.length > 0) {
		await db
			.insertInto('commentTags')
			.values(themeIds.map((themeId) => ({ commentId, themeId })))
			.execute();
	}
}

/** Overwrite the text: after redaction the original is not kept anywhere. */
export async function replaceBody(db: Db, commentId: string, body: string, flags: string) {
	await db
		.updateTable('comments')
		.set({ body, redacted: 1, flags })
		.where('id', '=', commentId)
		.execute();
}

export async function setStatus(
	db: Db,
	commentId: string,
	review: { status: CommentStatus; reviewedOn: string | null; reviewedBy: string | null }
) {
	await db.updateTable('comments').set(review).where('id', '=', commentId).execute();
}

/** How many free-text answers each text question of the area has (any state). */
export async function answersPerQuestion(
	db: Db,
	areaId: string,
	questionIds: readonly string[]
): Promise<Map<string, number>> {
	const counts = new Map<string, number>();
	for (let i = 0; i < questionIds.length; i += 500) {
		const rows = await db
			.selectFrom('comments')
			.innerJoin('surveys', 'surveys.id', 'comments.surveyId')
			.select(['comments.questionId', (eb) => eb.fn.countAll<number>().as('n')])
			.where('surveys.localAreaId', '=', areaId)
			.where('comments.questionId', 'in', questionIds.slice(i, i + 500))
			.groupBy('comments.questionId')
			.execute();
		for (const r of rows) counts.set(r.questionId, Number(r.n));
	}
	return counts;
}
