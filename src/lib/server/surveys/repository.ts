import type { Db } from '../db';
import type { Survey } from '../db/schema';
import { toQuestion } from './questions';
import type { Question } from '$lib/questions/types';

/** A survey by its public id, whatever its state (respondent routes decide what to show). */
export async function findSurvey(db: Db, surveyId: string): Promise<Survey | undefined> {
	return db.selectFrom('surveys').selectAll().where('id', '=', surveyId).executeTakeFirst();
}

/** A survey by id within one local area (staff). */
export async function findAreaSurvey(
	db: Db,
	areaId: string,
	surveyId: string
): Promise<Survey | undefined> {
	return db
		.selectFrom('surveys')
		.selectAll()
		.where('id', '=', surveyId)
		.where('localAreaId', '=', areaId)
		.executeTakeFirst();
}

/** The questions of a survey in order. */
export async function listQuestions(db: Db, surveyId: string): Promise<Question[]> {
	const rows = await db
		.selectFrom('questions')
		.selectAll()
		.where('surveyId', '=', surveyId)
		.orderBy('position')
		.execute();
	return rows.map(toQuestion);
}

/** The survey's local area, for respondent pages (name, demo label, youth group). */
export async function findSurveyArea(db: Db, areaId: string) {
	return db
		.selectFrom('localAreas')
		.select(['id', 'name', 'slug', 'isDemo', 'youthGroup'])
		.where('id', '=', areaId)
		.executeTakeFirstOrThrow();
}
