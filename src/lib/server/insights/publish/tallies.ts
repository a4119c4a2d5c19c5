/**
 * The raw counts behind one questionnaire's publication, read in as few passes over its answers
 * as the figures allow. The main pass groups every answer by question, value and the answering
 * family's about-you answers at once (their "profile"), so the totals and every breakdown come
 * out of one GROUP BY: a breakdown is then only a sum over the other about-you columns.
 *
 * Nothing here is suppressed: these counts go straight into `suppressWithBasis`, and only what
 * that returns is stored where a page can read it.
 */
import { sql } from 'kysely';
import { questionType } from '$lib/questions/registry';
import type { Db } from '../../db';
import type { InsightQuestion } from '../repository';

/** Counts per stored value. */
export type ValueCounts = Map<string, number>;

export interface SurveyTallies {
	/** Released responses: the base the publication covers. */
	responses: number;
	/** Per question: answers per value. */
	totals: Map<string, ValueCounts>;
	/** Per "choose any" question: respondents who chose anything but "does not apply". */
	choosing: Map<string, number>;
	/** Per about-you question id, per question id, per group value: answers per value. */
	cross: Map<string, Map<string, Map<string, ValueCounts>>>;
	/** Per question id, per language the family answered in: answers per value. */
	byLanguage: Map<string, Map<string, ValueCounts>>;
	/** Free-text answers per question: all of them, and those an officer has reviewed. */
	comments: Map<string, { all: number; reviewed: number }>;
	/** Codes issued and used, per batch, in the order the batches were made. */
	batches: { id: string; label: string; issued: number; used: number }[];
}

function add(map: Map<string, ValueCounts>, key: string, value: string, n: number) {
	let counts = map.get(key);
	if (!counts) map.set(key, (counts = new Map()));
	counts.set(value, (counts.get(value) ?? 0) + n);
}

export async function tallySurvey(
	db: Db,
	surveyId: string,
	questions: readonly InsightQuestion[]
): Promise<SurveyTallies> {
	const about = questions.filter(
		(q) => q.dimension === 'about_you' && questionType(q.kind).canBreakDown
	);
	const [responses, grouped, choosing, comments, batches] = await Promise.all([
		countResponses(db, surveyId),
		groupedAnswers(db, surveyId, about),
		respondentsChoosing(db, surveyId, questions),
		commentCounts(db, surveyId),
		batchUse(db, surveyId)
	]);
	const totals = new Map<string, ValueCounts>();
	const cross = new Map<string, Map<string, Map<string, ValueCounts>>>(
		about.map((a) => [a.id, new Map()])
	);
	const byLanguage = new Map<string, Map<string, ValueCounts>>();
	for (const row of grouped) {
		const n = Number(row.n);
		add(totals, row.q, row.v, n);
		let languages = byLanguage.get(row.q);
		if (!languages) byLanguage.set(row.q, (languages = new Map()));
		add(languages, row.lang, row.v, n);
		about.forEach((a, k) => {
			const group = row[`g${k}`];
			if (group === null || group === undefined || a.id === row.q) return;
			const byQuestion = cross.get(a.id)!;
			let byGroup = byQuestion.get(row.q);
			if (!byGroup) byQuestion.set(row.q, (byGroup = new Map()));
			add(byGroup, group, row.v, n);
		});
	}
	return { responses, totals, choosing, cross, byLanguage, comments, batches };
}

async function countResponses(db: Db, surveyId: string): Promise<number> {
	const row = await db
		.selectFrom('responses')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('surveyId', '=', surveyId)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

type GroupedRow = { q: string; v: string; lang: string; n: number } & Record<
	`g${number}`,
	string | null
>;

/**
 * Answers per (question, value, profile): the profile is the language the family answered in
 * and each of its about-you answers, one column each, found by looking the family's response up
 * once more in the answers' primary key (response, question) per about-you question. Portable SQL.
 */
async function groupedAnswers(
	db: Db,
	surveyId: string,
	about: readonly InsightQuestion[]
): Promise<GroupedRow[]> {
	const joins = about.map(
		(a, k) =>
			sql`left join answers ${sql.ref(`p${k}`)} on ${sql.ref(`p${k}.response_id`)} = a.response_id and ${sql.ref(`p${k}.question_id`)} = ${a.id}`
	);
	const groups = about.map((_, k) => sql`${sql.ref(`p${k}.value`)} as ${sql.ref(`g${k}`)}`);
	const groupBy = about.map((_, k) => sql.ref(`p${k}.value`));
	const { rows } = await sql<GroupedRow>`
		select a.question_id as q, a.value as v, r.language as lang${about.length ? sql`, ${sql.join(groups)}` : sql``}, count(*) as n
		from responses r
		join answers a on a.response_id = r.id
		${sql.join(joins, sql` `)}
		where r.survey_id = ${surveyId}
		group by a.question_id, a.value, r.language${about.length ? sql`, ${sql.join(groupBy)}` : sql``}
	`.execute(db);
	return rows;
}

async function respondentsChoosing(
	db: Db,
	surveyId: string,
	questions: readonly InsightQuestion[]
): Promise<Map<string, number>> {
	const result = new Map<string, number>();
	for (const q of questions) {
		if (questionType(q.kind).summary !== 'any') continue;
		const valid = q.options.filter((o) => !o.notApplicable).map((o) => o.value);
		if (valid.length === 0) {
			result.set(q.id, 0);
			continue;
		}
		const row = await db
			.selectFrom('responses as r')
			.innerJoin('answers as a', (join) =>
				join.onRef('a.responseId', '=', 'r.id').on('a.questionId', '=', q.id)
			)
			.select(sql<number>`count(distinct a.response_id)`.as('n'))
			.where('r.surveyId', '=', surveyId)
			.where('a.value', 'in', valid)
			.executeTakeFirstOrThrow();
		result.set(q.id, Number(row.n));
	}
	return result;
}

async function commentCounts(
	db: Db,
	surveyId: string
): Promise<Map<string, { all: number; reviewed: number }>> {
	const rows = await db
		.selectFrom('comments')
		.select((eb) => [
			'questionId',
			eb.fn.countAll<number>().as('all'),
			eb.fn
				.sum<number>(eb.case().when('status', '=', 'reviewed').then(1).else(0).end())
				.as('reviewed')
		])
		.where('surveyId', '=', surveyId)
		.groupBy('questionId')
		.execute();
	return new Map(
		rows.map((r) => [r.questionId, { all: Number(r.all), reviewed: Number(r.reviewed ?? 0) }])
	);
}

async function batchUse(db: Db, surveyId: string) {
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
		.where('codeBatches.surveyId', '=', surveyId)
		.groupBy(['codeBatches.id', 'codeBatches.label', 'codeBatches.createdAt'])
		.orderBy('codeBatches.createdAt')
		.orderBy('codeBatches.id')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		label: r.label,
		issued: Number(r.issued),
		used: Number(r.used ?? 0)
	}));
}
