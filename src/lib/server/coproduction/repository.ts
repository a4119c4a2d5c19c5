/**
 * The co-production record's queries: the log's activities and the partners involved, sign-offs
 * and comments on questionnaires, partners' reviews of comment themes. Every read is keyed by
 * the local area (through the survey or theme it hangs on), so another area's id finds nothing.
 */
import type { Db } from '../db';
import type { CoproductionActivity, ParticipationLevel, Partner } from '../db/schema';

export interface ActivityRow extends CoproductionActivity {
	partnerIds: string[];
}

export async function listActivities(db: Db, areaId: string): Promise<ActivityRow[]> {
	const [activities, links] = await Promise.all([
		db
			.selectFrom('coproductionActivities')
			.selectAll()
			.where('localAreaId', '=', areaId)
			.orderBy('heldOn', 'desc')
			.orderBy('createdAt', 'desc')
			.execute(),
		db
			.selectFrom('coproductionPartners')
			.innerJoin('coproductionActivities as a', 'a.id', 'coproductionPartners.activityId')
			.select(['coproductionPartners.activityId', 'coproductionPartners.partnerId'])
			.where('a.localAreaId', '=', areaId)
			.execute()
	]);
	return activities.map((a) => ({
		...a,
		partnerIds: links.filter((l) => l.activityId === a.id).map((l) => l.partnerId)
	}));
}

export async function getActivity(db: Db, areaId: string, id: string) {
	return (await listActivities(db, areaId)).find((a) => a.id === id);
}

export async function insertActivity(db: Db, activity: CoproductionActivity): Promise<void> {
	await db.insertInto('coproductionActivities').values(activity).execute();
}

export async function updateActivity(
	db: Db,
	areaId: string,
	id: string,
	patch: { heldOn: string; title: string; whatChanged: string; level: ParticipationLevel }
): Promise<void> {
	await db
		.updateTable('coproductionActivities')
		.set(patch)
		.where('localAreaId', '=', areaId)
		.where('id', '=', id)
		.execute();
}

export async function deleteActivity(db: Db, areaId: string, id: string): Promise<void> {
	await db.deleteFrom('coproductionPartners').where('activityId', '=', id).execute();
	await db
		.deleteFrom('coproductionActivities')
		.where('localAreaId', '=', areaId)
		.where('id', '=', id)
		.execute();
}

export async function setActivityPartners(db: Db, activityId: string, partnerIds: string[]) {
	await db.deleteFrom('coproductionPartners').where('activityId', '=', activityId).execute();
	if (partnerIds.length > 0)
		await db
			.insertInto('coproductionPartners')
			.values(partnerIds.map((partnerId) => ({ activityId, partnerId })))
			.execute();
}

/** The partner organisation a user belongs to, within the area. */
export async function partnerOfUser(
	db: Db,
	areaId: string,
	userId: string
): Promise<Partner | undefined> {
	return db
		.selectFrom('users')
		.innerJoin('partners', 'partners.id', 'users.partnerId')
		.selectAll('partners')
		.where('users.id', '=', userId)
		.where('users.localAreaId', '=', areaId)
		.where('partners.localAreaId', '=', areaId)
		.executeTakeFirst();
}

// Questionnaires: sign-offs and comments

export async function listDrafts(db: Db, areaId: string) {
	return db
		.selectFrom('surveys')
		.innerJoin('waves', 'waves.id', 'surveys.waveId')
		.select([
			'surveys.id',
			'surveys.title',
			'surveys.audience',
			'surveys.opensOn',
			'waves.name as waveName'
		])
		.where('surveys.localAreaId', '=', areaId)
		.where('surveys.status', '=', 'draft')
		.orderBy('surveys.opensOn')
		.execute();
}

export interface SignoffRow {
	id: string;
	surveyId: string;
	surveyTitle: string;
	partnerId: string;
	partnerName: string;
	userName: string | null;
	signedOn: string;
	note: string;
}

export async function listSignoffs(
	db: Db,
	areaId: string,
	surveyId: string | null = null
): Promise<SignoffRow[]> {
	let query = db
		.selectFrom('surveySignoffs')
		.innerJoin('surveys', 'surveys.id', 'surveySignoffs.surveyId')
		.innerJoin('partners', 'partners.id', 'surveySignoffs.partnerId')
		.leftJoin('users', 'users.id', 'surveySignoffs.userId')
		.select([
			'surveySignoffs.id',
			'surveySignoffs.surveyId',
			'surveys.title as surveyTitle',
			'surveySignoffs.partnerId',
			'partners.name as partnerName',
			'users.name as userName',
			'surveySignoffs.signedOn',
			'surveySignoffs.note'
		])
		.where('surveys.localAreaId', '=', areaId);
	if (surveyId) query = query.where('surveys.id', '=', surveyId);
	return query.orderBy('surveySignoffs.signedOn', 'desc').execute();
}

export async function insertSignoff(
	db: Db,
	row: {
		id: string;
		surveyId: string;
		partnerId: string;
		userId: string | null;
		signedOn: string;
		note: string;
		createdAt: string;
	}
): Promise<void> {
	await db.insertInto('surveySignoffs').values(row).execute();
}

export async function listSurveyComments(db: Db, areaId: string, surveyId: string) {
	return db
		.selectFrom('surveyComments')
		.innerJoin('surveys', 'surveys.id', 'surveyComments.surveyId')
		.leftJoin('users', 'users.id', 'surveyComments.userId')
		.leftJoin('partners', 'partners.id', 'surveyComments.partnerId')
		.select([
			'surveyComments.id',
			'surveyComments.body',
			'surveyComments.createdAt',
			'users.name as userName',
			'partners.name as partnerName'
		])
		.where('surveys.localAreaId', '=', areaId)
		.where('surveys.id', '=', surveyId)
		.orderBy('surveyComments.createdAt')
		.execute();
}

export async function insertSurveyComment(
	db: Db,
	row: {
		id: string;
		surveyId: string;
		userId: string | null;
		partnerId: string | null;
		body: string;
		createdAt: string;
	}
): Promise<void> {
	await db.insertInto('surveyComments').values(row).execute();
}

// Comment themes reviewed by partners

export async function listThemeReviews(db: Db, areaId: string) {
	return db
		.selectFrom('themeReviews')
		.innerJoin('commentThemes', 'commentThemes.id', 'themeReviews.themeId')
		.innerJoin('partners', 'partners.id', 'themeReviews.partnerId')
		.leftJoin('users', 'users.id', 'themeReviews.userId')
		.select([
			'themeReviews.id',
			'themeReviews.themeId',
			'commentThemes.name as themeName',
			'themeReviews.partnerId',
			'partners.name as partnerName',
			'users.name as userName',
			'themeReviews.body',
			'themeReviews.reviewedOn'
		])
		.where('commentThemes.localAreaId', '=', areaId)
		.orderBy('themeReviews.reviewedOn', 'desc')
		.orderBy('themeReviews.createdAt', 'desc')
		.execute();
}

export async function insertThemeReview(
	db: Db,
	row: {
		id: string;
		themeId: string;
		partnerId: string;
		userId: string | null;
		body: string;
		reviewedOn: string;
		createdAt: string;
	}
): Promise<void> {
	await db.insertInto('themeReviews').values(row).execute();
}

export async function findTheme(db: Db, areaId: string, themeId: string) {
	return db
		.selectFrom('commentThemes')
		.select(['id', 'name'])
		.where('localAreaId', '=', areaId)
		.where('id', '=', themeId)
		.executeTakeFirst();
}
