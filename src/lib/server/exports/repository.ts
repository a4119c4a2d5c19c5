/**
 * Queries behind the export files. Every one is keyed by the local area, or by a survey already
 * found in it. Anything that can grow with the number of responses is read in keyset pages, so
 * memory stays flat and the single SQLite connection is free between pages for other requests
 * (a long-lived cursor would hold it for as long as a slow download takes).
 */
import type { Db } from '../db';
import type { Audience, SurveyStatus } from '../db/schema';

export interface ExportSurvey {
	id: string;
	title: string;
	audience: Audience;
	status: SurveyStatus;
	accessMode: 'code' | 'open';
	waveId: string;
	waveName: string;
	wavePosition: number;
	waveStartsOn: string;
	waveEndsOn: string | null;
}

/** The surveys that can have answers (open or closed), oldest wave first, optionally one wave. */
export async function listExportSurveys(
	db: Db,
	areaId: string,
	waveId: string | null = null
): Promise<ExportSurvey[]> {
	let query = db
		.selectFrom('surveys')
		.innerJoin('waves', 'waves.id', 'surveys.waveId')
		.select([
			'surveys.id',
			'surveys.title',
			'surveys.audience',
			'surveys.status',
			'surveys.accessMode',
			'surveys.waveId',
			'waves.name as waveName',
			'waves.position as wavePosition',
			'waves.startsOn as waveStartsOn',
			'waves.endsOn as waveEndsOn'
		])
		.where('surveys.localAreaId', '=', areaId)
		.where('surveys.status', '!=', 'draft');
	if (waveId) query = query.where('surveys.waveId', '=', waveId);
	return query
		.orderBy('waves.position')
		.orderBy('surveys.audience')
		.orderBy('surveys.id')
		.execute();
}

export async function findExportSurvey(
	db: Db,
	areaId: string,
	surveyId: string
): Promise<ExportSurvey | undefined> {
	const surveys = await listExportSurveys(db, areaId);
	return surveys.find((s) => s.id === surveyId);
}

/** Finding codes linked to each question of these surveys. */
export async function findingCodesByQuestion(
	db: Db,
	areaId: string,
	surveyIds: readonly string[]
): Promise<Map<string, string[]>> {
	const codes = new Map<string, string[]>();
	if (surveyIds.length === 0) return codes;
	const rows = await db
		.selectFrom('questionFindings')
		.innerJoin('questions', 'questions.id', 'questionFindings.questionId')
		.innerJoin('findings', 'findings.id', 'questionFindings.findingId')
		.innerJoin('inspections', 'inspections.id', 'findings.inspectionId')
		.select(['questionFindings.questionId', 'findings.code'])
		.where('findings.localAreaId', '=', areaId)
		.where('questions.surveyId', 'in', surveyIds)
		.orderBy('inspections.position')
		.orderBy('findings.position')
		.execute();
	for (const row of rows) {
		const list = codes.get(row.questionId) ?? [];
		if (!list.includes(row.code)) list.push(row.code);
		codes.set(row.questionId, list);
	}
	return codes;
}

// ---- responses ----------------------------------------------------------------------------------

/** Where a keyset page starts and stops: ids are compared as text. */
export interface IdRange {
	/** Ids greater than or equal to this. */
	from?: string;
	/** Ids greater than this. */
	after?: string;
	/** Ids less than this. */
	before?: string;
}

/** Up to `limit` response ids of a survey in id order within the range. */
export async function responseIdPage(
	db: Db,
	surveyId: string,
	range: IdRange,
	limit: number
): Promise<string[]> {
	let query = db.selectFrom('responses').select('id').where('surveyId', '=', surveyId);
	if (range.from !== undefined) query = query.where('id', '>=', range.from);
	if (range.after !== undefined) query = query.where('id', '>', range.after);
	if (range.before !== undefined) query = query.where('id', '<', range.before);
	const rows = await query.orderBy('id').limit(limit).execute();
	return rows.map((r) => r.id);
}

/**
 * Every answer of one questionnaire's responses whose ids lie between a page's first and last
 * id, in response id order: a range of the (survey, id) index of responses, then each
 * response's answers from the answers' covering primary key. Other questionnaires' responses in
 * the same id range are never read, so the cost follows this questionnaire's size alone.
 */
export async function answersInRange(db: Db, surveyId: string, first: string, last: string) {
	return db
		.selectFrom('responses')
		.innerJoin('answers', 'answers.responseId', 'responses.id')
		.select(['answers.responseId', 'answers.questionId', 'answers.value'])
		.where('responses.surveyId', '=', surveyId)
		.where('responses.id', '>=', first)
		.where('responses.id', '<=', last)
		.orderBy('responses.id')
		.execute();
}

/**
 * Free-text answers in the same range (other questionnaires' too, as above), with their review
 * state and the body only once reviewed.
 */
export async function commentsInRange(db: Db, first: string, last: string) {
	return db
		.selectFrom('comments')
		.select((eb) => [
			'responseId',
			'questionId',
			'status',
			eb.case().when('status', '=', 'reviewed').then(eb.ref('body')).else(null).end().as('body')
		])
		.where('responseId', '>=', first)
		.where('responseId', '<=', last)
		.execute();
}

/**
 * How many responses gave each combination of answers to these (single-answer) questions; null
 * where a response skipped one. One row per combination that occurs.
 */
export async function answerCombinations(
	db: Db,
	surveyId: string,
	questionIds: readonly string[]
): Promise<{ values: (string | null)[]; n: number }[]> {
	if (questionIds.length === 0) {
		const row = await db
			.selectFrom('responses')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('surveyId', '=', surveyId)
			.executeTakeFirstOrThrow();
		return [{ values: [], n: Number(row.n) }];
	}
	const columns = questionIds.map((_, i) => `v${i}`);
	const perResponse = db
		.selectFrom('responses')
		.where('responses.surveyId', '=', surveyId)
		.select((eb) =>
			questionIds.map((questionId, i) =>
				eb
					.selectFrom('answers')
					.select('answers.value')
					.whereRef('answers.responseId', '=', 'responses.id')
					.where('answers.questionId', '=', questionId)
					.limit(1)
					.as(columns[i]!)
			)
		)
		.as('t');
	const refs = columns.map((c) => db.dynamic.ref(`t.${c}`));
	const rows = (await db
		.selectFrom(perResponse)
		.select(refs)
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.groupBy(refs)
		.execute()) as Record<string, unknown>[];
	return rows.map((row) => ({
		values: columns.map((c) => (row[c] === null || row[c] === undefined ? null : String(row[c]))),
		n: Number(row.n)
	}));
}

// ---- comments -----------------------------------------------------------------------------------

/** One keyset page of a survey's reviewed comments, in id order (ids are random). */
export async function reviewedCommentPage(
	db: Db,
	surveyId: string,
	after: string | null,
	limit: number
) {
	let query = db
		.selectFrom('comments')
		.select(['id', 'questionId', 'body', 'redacted'])
		.where('surveyId', '=', surveyId)
		.where('status', '=', 'reviewed');
	if (after !== null) query = query.where('id', '>', after);
	return query.orderBy('id').limit(limit).execute();
}
