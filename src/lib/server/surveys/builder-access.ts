/**
 * The first lines of every builder load and action: the officer guard, then the survey (and
 * question or batch) looked up within the officer's own area. Anything of another area is a 404
 * before any input is read, so a request aimed at it can neither change it nor learn about it.
 */
import { error } from '@sveltejs/kit';
import { requireRole } from '../auth/guards';
import type { SessionUser } from '../auth/session';
import { getDb } from '../db';
import type { CodeBatch, Survey } from '../db/schema';
import { findAreaBatch } from '../responses/batches';
import { findAreaQuestion, findAreaSurvey } from './repository';

export async function officerSurvey(
	surveyId: string
): Promise<{ user: SessionUser; survey: Survey }> {
	const user = requireRole('officer');
	const survey = await findAreaSurvey(getDb(), user.localAreaId, surveyId);
	if (!survey) error(404, 'Not found');
	return { user, survey };
}

export async function officerQuestion(surveyId: string, questionId: string) {
	const { user, survey } = await officerSurvey(surveyId);
	const question = await findAreaQuestion(getDb(), user.localAreaId, survey.id, questionId);
	if (!question) error(404, 'Not found');
	return { user, survey, question };
}

export async function officerBatch(
	surveyId: string,
	batchId: string
): Promise<{ user: SessionUser; survey: Survey; batch: CodeBatch }> {
	const { user, survey } = await officerSurvey(surveyId);
	const batch = await findAreaBatch(getDb(), user.localAreaId, survey.id, batchId);
	if (!batch) error(404, 'Not found');
	return { user, survey, batch };
}
