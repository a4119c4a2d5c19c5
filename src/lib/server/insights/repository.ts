/**
 * Reading what insights need, always within one local area: questionnaires, questions, findings
 * and the counts a publication takes beside the answers (codes used, comments). The answers
 * themselves are read a page at a time by `publish/answers.ts`; no page reads them.
 */
import type { Db } from '../db';
import { Memo } from '../memo';
import type { Audience, Dimension, QuestionKind, SurveyStatus } from '../db/schema';
import type { QuestionOption } from '../../questions/types';

export interface InsightWave {
	id: string;
	name: string;
	position: number;
	startsOn: string;
	endsOn: string | null;
}

export interface InsightSurvey {
	id: string;
	waveId: string;
	audience: Audience;
	title: string;
	status: SurveyStatus;
}

export interface InsightQuestion {
	id: string;
	surveyId: string;
	waveId: string;
	audience: Audience;
	key: string;
	kind: QuestionKind;
	position: number;
	section: string | null;
	dimension: Dimension | null;
	theme: string | null;
	prompt: string;
	easyRead: string | null;
	options: QuestionOption[];
}

/** Waves that have at least one questionnaire that has been opened, in the area's order. */
export async function listWaves(db: Db, areaId: string): Promise<InsightWave[]> {
	return db
		.selectFrom('waves')
		.select(['id', 'name', 'position', 'startsOn', 'endsOn'])
		.where('localAreaId', '=', areaId)
		.where((eb) =>
			eb.exists(
				eb
					.selectFrom('surveys')
					.select('surveys.id')
					.whereRef('surveys.waveId', '=', 'waves.id')
					.where('surveys.status', '!=', 'draft')
			)
		)
		.orderBy('position')
		.execute();
}

/** Questionnaires that have been opened (drafts have no answers and may still change). */
export async function listSurveys(db: Db, areaId: string): Promise<InsightSurvey[]> {
	return db
		.selectFrom('surveys')
		.select(['id', 'waveId', 'audience', 'title', 'status'])
		.where('localAreaId', '=', areaId)
		.where('status', '!=', 'draft')
		.execute();
}

const questionColumns = [
	'questions.id',
	'questions.surveyId',
	'surveys.waveId',
	'surveys.audience',
	'questions.key',
	'questions.kind',
	'questions.position',
	'questions.section',
	'questions.dimension',
	'questions.theme',
	'questions.prompt',
	'questions.easyRead',
	'questions.options'
] as const;

type QuestionRow = Omit<InsightQuestion, 'options'> & { options: string };

function toInsightQuestion(row: QuestionRow): InsightQuestion {
	return { ...row, options: JSON.parse(row.options) as QuestionOption[] };
}

// An opened questionnaire's questions never change (the builder freezes them, and its wave and
// audience, once it opens), so each questionnaire's are read once and kept by its id.
const openedQuestions = new Memo<InsightQuestion[]>(200);

async function questionsOf(db: Db, surveyId: string): Promise<InsightQuestion[]> {
	const kept = openedQuestions.get(surveyId);
	if (kept) return kept;
	const rows = await db
		.selectFrom('questions')
		.innerJoin('surveys', 'surveys.id', 'questions.surveyId')
		.select(questionColumns)
		.where('questions.surveyId', '=', surveyId)
		.where('surveys.status', '!=', 'draft')
		.orderBy('questions.position')
		.execute();
	return openedQuestions.set(surveyId, rows.map(toInsightQuestion));
}

/** Every question of the area's opened questionnaires (optionally of some surveys only). */
export async function listQuestions(
	db: Db,
	areaId: string,
	filter: { surveyIds?: readonly string[]; keys?: readonly string[] } = {}
): Promise<InsightQuestion[]> {
	if (filter.surveyIds?.length === 0 || filter.keys?.length === 0) return [];
	let surveys = db
		.selectFrom('surveys')
		.select('id')
		.where('localAreaId', '=', areaId)
		.where('status', '!=', 'draft');
	if (filter.surveyIds) surveys = surveys.where('id', 'in', filter.surveyIds);
	const ids = (await surveys.orderBy('id').execute()).map((s) => s.id);
	const questions: InsightQuestion[] = [];
	for (const id of ids) questions.push(...(await questionsOf(db, id)));
	const keys = filter.keys && new Set(filter.keys);
	return keys ? questions.filter((q) => keys.has(q.key)) : questions;
}

/** One question of the area (any state), or nothing: other areas' ids find nothing. */
export async function findQuestion(
	db: Db,
	areaId: string,
	questionId: string
): Promise<InsightQuestion | undefined> {
	const row = await db
		.selectFrom('questions')
		.innerJoin('surveys', 'surveys.id', 'questions.surveyId')
		.select(questionColumns)
		.where('surveys.localAreaId', '=', areaId)
		.where('questions.id', '=', questionId)
		.executeTakeFirst();
	return row && toInsightQuestion(row);
}

/** Finding ids per question id, for the area's findings. */
export async function listQuestionFindings(db: Db, areaId: string): Promise<Map<string, string[]>> {
	const rows = await db
		.selectFrom('questionFindings')
		.innerJoin('findings', 'findings.id', 'questionFindings.findingId')
		.select(['questionFindings.questionId', 'questionFindings.findingId'])
		.where('findings.localAreaId', '=', areaId)
		.execute();
	const links = new Map<string, string[]>();
	for (const row of rows) {
		const list = links.get(row.questionId) ?? [];
		list.push(row.findingId);
		links.set(row.questionId, list);
	}
	return links;
}

/** Codes issued and used per batch of a questionnaire. */
export async function batchUse(db: Db, areaId: string, surveyId: string) {
	const rows = await db
		.selectFrom('codeBatches')
		.leftJoin('accessCodes', 'accessCodes.batchId', 'codeBatches.id')
		.select((eb) => [
			'codeBatches.id',
			'codeBatches.label',
			'codeBatches.createdAt',
			eb.fn.count<number>('accessCodes.codeHash').as('issued'),
			eb.fn.sum<number>('accessCodes.used').as('used')
		])
		.where('codeBatches.localAreaId', '=', areaId)
		.where('codeBatches.surveyId', '=', surveyId)
		.groupBy(['codeBatches.id', 'codeBatches.label', 'codeBatches.createdAt'])
		.orderBy('codeBatches.createdAt')
		.orderBy('codeBatches.label')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		label: r.label,
		issued: Number(r.issued),
		used: Number(r.used ?? 0)
	}));
}

/** Comments (free-text answers) per question, any state: the "answers" a text question has. */
export async function commentCounts(
	db: Db,
	areaId: string,
	surveyIds: readonly string[]
): Promise<Map<string, { all: number; reviewed: number }>> {
	if (surveyIds.length === 0) return new Map();
	const rows = await db
		.selectFrom('comments')
		.innerJoin('surveys', 'surveys.id', 'comments.surveyId')
		.select((eb) => [
			'comments.questionId',
			eb.fn.countAll<number>().as('all'),
			eb.fn
				.sum<number>(eb.case().when('comments.status', '=', 'reviewed').then(1).else(0).end())
				.as('reviewed')
		])
		.where('surveys.localAreaId', '=', areaId)
		.where('comments.surveyId', 'in', surveyIds)
		.groupBy('comments.questionId')
		.execute();
	return new Map(
		rows.map((r) => [r.questionId, { all: Number(r.all), reviewed: Number(r.reviewed ?? 0) }])
	);
}

export interface InsightFinding {
	id: string;
	inspectionId: string;
	kind: string;
	code: string;
	title: string;
	detail: string | null;
	theme: string;
	position: number;
}

export interface InsightInspection {
	id: string;
	kind: string;
	framework: string | null;
	startsOn: string | null;
	outcome: string | null;
	position: number;
}

/** The area's inspections and their findings, in report order; archived ones left out. */
export async function listFindings(
	db: Db,
	areaId: string
): Promise<{ inspections: InsightInspection[]; findings: InsightFinding[] }> {
	const inspections = await db
		.selectFrom('inspections')
		.select(['id', 'kind', 'framework', 'startsOn', 'outcome', 'position'])
		.where('localAreaId', '=', areaId)
		.where('archived', '=', 0)
		.orderBy('position')
		.orderBy('startsOn')
		.execute();
	const findings = await db
		.selectFrom('findings')
		.select(['id', 'inspectionId', 'kind', 'code', 'title', 'detail', 'theme', 'position'])
		.where('localAreaId', '=', areaId)
		.where('archived', '=', 0)
		.orderBy('position')
		.execute();
	const known = new Set(inspections.map((i) => i.id));
	return { inspections, findings: findings.filter((f) => known.has(f.inspectionId)) };
}
