import type { Updateable } from 'kysely';
import type { Db } from '../db';
import { compiledOnce } from '../db/compiled';
import type {
	Audience,
	NewQuestionRow,
	NewSurvey,
	QuestionsTable,
	Survey,
	SurveysTable,
	Wave
} from '../db/schema';
import { newId } from '../ids';
import type { QuestionDraft } from './bank';
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

const surveyForFamilies = compiledOnce(1, (db, surveyId) =>
	db
		.selectFrom('surveys')
		.innerJoin('localAreas as area', 'area.id', 'surveys.localAreaId')
		.selectAll('surveys')
		.select([
			'area.name as areaName',
			'area.slug as areaSlug',
			'area.isDemo as areaIsDemo',
			'area.youthGroup as areaYouthGroup'
		])
		.select((eb) => [
			eb
				.selectFrom('surveyTranslations as t')
				.select((t) => t.fn.countAll<number>().as('n'))
				.whereRef('t.surveyId', '=', 'surveys.id')
				.as('translations'),
			eb
				.selectFrom('surveyTranslations as t')
				.select((t) => t.fn.max('t.updatedAt').as('at'))
				.whereRef('t.surveyId', '=', 'surveys.id')
				.as('translatedAt')
		])
		.where('surveys.id', '=', surveyId!)
);

/**
 * What a family's page needs before anything else, in one query: the survey, its area, and a
 * mark that changes whenever its translations do (their number and latest change), which keys
 * the questionnaire's words kept in memory.
 */
export async function findSurveyForFamilies(db: Db, surveyId: string) {
	const [row] = await surveyForFamilies(db, surveyId);
	if (!row) return undefined;
	const { areaName, areaSlug, areaIsDemo, areaYouthGroup, translations, translatedAt, ...survey } =
		row;
	return {
		survey: survey satisfies Survey,
		area: {
			id: survey.localAreaId,
			name: areaName,
			slug: areaSlug,
			isDemo: areaIsDemo,
			youthGroup: areaYouthGroup
		},
		translationsVersion: `${Number(translations ?? 0)}:${translatedAt ?? ''}`
	};
}

/** The survey's local area, for respondent pages (name, demo label, youth group). */
export async function findSurveyArea(db: Db, areaId: string) {
	return db
		.selectFrom('localAreas')
		.select(['id', 'name', 'slug', 'isDemo', 'youthGroup'])
		.where('id', '=', areaId)
		.executeTakeFirstOrThrow();
}

type SurveyUpdate = Updateable<SurveysTable>;

// ---- builder queries: every one is keyed by the local area (or by a survey already found in it) ----

export async function listWaves(db: Db, areaId: string): Promise<Wave[]> {
	return db
		.selectFrom('waves')
		.selectAll()
		.where('localAreaId', '=', areaId)
		.orderBy('position')
		.execute();
}

export async function findAreaWave(
	db: Db,
	areaId: string,
	waveId: string
): Promise<Wave | undefined> {
	return db
		.selectFrom('waves')
		.selectAll()
		.where('id', '=', waveId)
		.where('localAreaId', '=', areaId)
		.executeTakeFirst();
}

export async function findWaveByName(db: Db, areaId: string, name: string) {
	return db
		.selectFrom('waves')
		.select('id')
		.where('localAreaId', '=', areaId)
		.where('name', '=', name)
		.executeTakeFirst();
}

export async function insertWave(db: Db, wave: Wave): Promise<void> {
	await db.insertInto('waves').values(wave).execute();
}

export async function nextWavePosition(db: Db, areaId: string): Promise<number> {
	const row = await db
		.selectFrom('waves')
		.select((eb) => eb.fn.max('position').as('last'))
		.where('localAreaId', '=', areaId)
		.executeTakeFirst();
	return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1;
}

/** The area's surveys with their wave, newest wave first, and how many responses each has. */
export async function listAreaSurveys(db: Db, areaId: string) {
	return db
		.selectFrom('surveys')
		.innerJoin('waves', 'waves.id', 'surveys.waveId')
		.select((eb) => [
			'surveys.id',
			'surveys.title',
			'surveys.audience',
			'surveys.status',
			'surveys.accessMode',
			'surveys.opensOn',
			'surveys.closesOn',
			'surveys.waveId',
			'waves.name as waveName',
			'waves.position as wavePosition',
			eb
				.selectFrom('responses')
				.select((r) => r.fn.countAll<number>().as('n'))
				.whereRef('responses.surveyId', '=', 'surveys.id')
				.as('responseCount')
		])
		.where('surveys.localAreaId', '=', areaId)
		.orderBy('waves.position', 'desc')
		.orderBy('surveys.audience')
		.execute();
}

export async function surveyInWave(db: Db, waveId: string, audience: Audience) {
	return db
		.selectFrom('surveys')
		.select('id')
		.where('waveId', '=', waveId)
		.where('audience', '=', audience)
		.executeTakeFirst();
}

export async function insertSurvey(db: Db, survey: NewSurvey): Promise<void> {
	await db.insertInto('surveys').values(survey).execute();
}

export async function updateSurvey(
	db: Db,
	areaId: string,
	surveyId: string,
	patch: SurveyUpdate
): Promise<void> {
	await db
		.updateTable('surveys')
		.set(patch)
		.where('id', '=', surveyId)
		.where('localAreaId', '=', areaId)
		.execute();
}

export async function countResponses(db: Db, surveyId: string): Promise<number> {
	const row = await db
		.selectFrom('responses')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('surveyId', '=', surveyId)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** A question of a survey of this area, or nothing. */
export async function findAreaQuestion(
	db: Db,
	areaId: string,
	surveyId: string,
	questionId: string
): Promise<Question | undefined> {
	const row = await db
		.selectFrom('questions')
		.innerJoin('surveys', 'surveys.id', 'questions.surveyId')
		.selectAll('questions')
		.where('questions.id', '=', questionId)
		.where('questions.surveyId', '=', surveyId)
		.where('surveys.localAreaId', '=', areaId)
		.executeTakeFirst();
	return row ? toQuestion(row) : undefined;
}

export async function insertQuestions(db: Db, rows: NewQuestionRow[]): Promise<void> {
	if (rows.length > 0) await db.insertInto('questions').values(rows).execute();
}

/**
 * Store drafted questions (from the bank) at `firstPosition` onwards, each linked to the findings
 * of its theme; about-you questions serve breakdowns, not findings, so they are never linked.
 */
export async function insertDraftQuestions(
	db: Db,
	surveyId: string,
	drafts: readonly QuestionDraft[],
	findings: readonly { id: string; theme: string }[],
	firstPosition = 0
): Promise<void> {
	const rows = drafts.map((draft, i) => ({
		id: newId(),
		surveyId,
		position: firstPosition + i,
		...draft,
		required: draft.required ? (1 as const) : (0 as const),
		options: JSON.stringify(draft.options),
		settings: JSON.stringify(draft.settings)
	}));
	await insertQuestions(db, rows);
	await insertQuestionLinks(
		db,
		rows.flatMap((row) =>
			row.dimension === 'about_you' || !row.theme
				? []
				: findings
						.filter((f) => f.theme === row.theme)
						.map((f) => ({ questionId: row.id, findingId: f.id }))
		)
	);
}

export async function updateQuestionRow(
	db: Db,
	surveyId: string,
	questionId: string,
	patch: Updateable<QuestionsTable>
): Promise<void> {
	await db
		.updateTable('questions')
		.set(patch)
		.where('id', '=', questionId)
		.where('surveyId', '=', surveyId)
		.execute();
}

export async function deleteQuestionRow(
	db: Db,
	surveyId: string,
	questionId: string
): Promise<void> {
	await db.deleteFrom('questionFindings').where('questionId', '=', questionId).execute();
	await db
		.deleteFrom('questions')
		.where('id', '=', questionId)
		.where('surveyId', '=', surveyId)
		.execute();
}

export async function nextQuestionPosition(db: Db, surveyId: string): Promise<number> {
	const row = await db
		.selectFrom('questions')
		.select((eb) => eb.fn.max('position').as('last'))
		.where('surveyId', '=', surveyId)
		.executeTakeFirst();
	return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1;
}

/** Finding links of every question of a survey. */
export async function listSurveyLinks(
	db: Db,
	surveyId: string
): Promise<{ questionId: string; findingId: string }[]> {
	return db
		.selectFrom('questionFindings')
		.innerJoin('questions', 'questions.id', 'questionFindings.questionId')
		.select(['questionFindings.questionId', 'questionFindings.findingId'])
		.where('questions.surveyId', '=', surveyId)
		.execute();
}

export async function replaceQuestionLinks(
	db: Db,
	questionId: string,
	findingIds: string[]
): Promise<void> {
	await db.deleteFrom('questionFindings').where('questionId', '=', questionId).execute();
	if (findingIds.length > 0) {
		await db
			.insertInto('questionFindings')
			.values(findingIds.map((findingId) => ({ questionId, findingId })))
			.execute();
	}
}

export async function insertQuestionLinks(
	db: Db,
	links: { questionId: string; findingId: string }[]
): Promise<void> {
	if (links.length > 0) await db.insertInto('questionFindings').values(links).execute();
}

export type { AreaFinding } from '../areas/repository';
