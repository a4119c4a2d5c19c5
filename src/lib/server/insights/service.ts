/**
 * Insights for the staff pages: the dashboard, a finding's page, a question's page and a
 * questionnaire's results. Reads through repository.ts, computes with the pure modules and hands
 * out only what `suppress` returned. Every function is keyed by the local area; an id from
 * another area gives null (the route answers 404).
 */
import type { Db } from '../db';
import type { Audience, Dimension } from '../db/schema';
import {
	CHARTED_DIMENSIONS,
	DIMENSION_LABELS,
	directionOf,
	findingTrend,
	latestChange,
	pooledByGroup,
	type ChartedDimension,
	type Direction,
	type GroupShare,
	type PoolQuestion,
	type TrendPoint
} from './findings';
import * as repo from './repository';
import type { InsightFinding, InsightQuestion, InsightSurvey, InsightWave } from './repository';
import { summariseQuestion, type QuestionFigures } from './summarise';
import {
	rulesFor,
	suppress,
	type ChangeFigure,
	type PooledShare,
	type PublicBreakdown,
	type PublicCount,
	type PublicQuestion,
	type PublicRate,
	type Rules
} from './suppression';

export const AUDIENCE_LABELS: Record<Audience, string> = {
	parent_carer: 'Parent carers',
	young_person: 'Young people'
};

/** The area's suppression rules (an area may raise the national thresholds, never lower them). */
export async function areaRules(db: Db, areaId: string): Promise<Rules> {
	const area = await db
		.selectFrom('localAreas')
		.select(['minBase', 'minCount'])
		.where('id', '=', areaId)
		.executeTakeFirst();
	return rulesFor(area);
}

interface AreaFigures {
	rules: Rules;
	waves: InsightWave[];
	surveys: InsightSurvey[];
	questions: InsightQuestion[];
	links: Map<string, string[]>;
	figures: Map<string, QuestionFigures>;
	published: Map<string, PublicQuestion>;
	pool: PoolQuestion[];
}

/** Every question of the area's opened questionnaires, summarised and suppressed. */
async function areaFigures(db: Db, areaId: string): Promise<AreaFigures> {
	const [rules, waves, surveys, questions, links, counts] = await Promise.all([
		areaRules(db, areaId),
		repo.listWaves(db, areaId),
		repo.listSurveys(db, areaId),
		repo.listQuestions(db, areaId),
		repo.listQuestionFindings(db, areaId),
		repo.answerCounts(db, areaId)
	]);
	const figures = new Map<string, QuestionFigures>();
	const published = new Map<string, PublicQuestion>();
	const pool: PoolQuestion[] = [];
	for (const q of questions) {
		if (q.kind === 'text' || q.kind === 'number') continue;
		const f = summariseQuestion(q, counts.get(q.id) ?? new Map());
		const p = suppress({ kind: 'question', figures: f }, rules);
		figures.set(q.id, f);
		published.set(q.id, p);
		pool.push({
			id: q.id,
			waveId: q.waveId,
			audience: q.audience,
			dimension: q.dimension,
			findingIds: links.get(q.id) ?? [],
			share: p.share
		});
	}
	return { rules, waves, surveys, questions, links, figures, published, pool };
}

export interface WaveRef {
	id: string;
	name: string;
}

export interface DimensionSummary {
	dimension: ChartedDimension;
	label: string;
	/** One point per wave, oldest first. */
	points: (TrendPoint & { waveName: string })[];
	latest: PooledShare;
	change: ChangeFigure;
}

export interface FindingCard {
	id: string;
	code: string;
	title: string;
	kind: string;
	theme: string;
	strength: boolean;
	dimensions: DimensionSummary[];
	direction: Direction;
}

export interface Dashboard {
	rules: Rules;
	waves: WaveRef[];
	latestWave: WaveRef | null;
	previousWave: WaveRef | null;
	summary: Record<Direction, number>;
	inspections: {
		id: string;
		kind: string;
		startsOn: string | null;
		weaknesses: FindingCard[];
		strengths: FindingCard[];
	}[];
}

function dimensionSummary(
	area: AreaFigures,
	findingId: string,
	dimension: ChartedDimension,
	audience?: Audience
): DimensionSummary {
	const waveIds = area.waves.map((w) => w.id);
	const points = findingTrend(area.pool, waveIds, findingId, dimension, area.rules, audience).map(
		(p, i) => ({ ...p, waveName: area.waves[i]!.name })
	);
	return {
		dimension,
		label: DIMENSION_LABELS[dimension],
		points,
		latest: points.at(-1)?.pooled ?? { share: '[x]', questions: 0, of: 0 },
		change: latestChange(points, area.rules)
	};
}

/**
 * A finding's card: lived experience and co-production always (saying so when nothing is asked
 * about them), access and outcomes when questions on them are linked.
 */
function card(area: AreaFigures, finding: InsightFinding): FindingCard {
	const linked = (d: ChartedDimension) =>
		area.pool.some((q) => q.dimension === d && q.findingIds.includes(finding.id));
	const dimensions = CHARTED_DIMENSIONS.filter(
		(d) => d === 'lived_experience' || d === 'co_production' || linked(d)
	).map((d) => dimensionSummary(area, finding.id, d));
	return {
		id: finding.id,
		code: finding.code,
		title: finding.title,
		kind: finding.kind,
		theme: finding.theme,
		strength: finding.kind === 'strength',
		dimensions,
		direction: directionOf(dimensions.map((d) => d.change))
	};
}

/** One card per finding, areas of weakness first, grouped by inspection in report order. */
export async function dashboard(db: Db, areaId: string): Promise<Dashboard> {
	const [area, { inspections, findings }] = await Promise.all([
		areaFigures(db, areaId),
		repo.listFindings(db, areaId)
	]);
	const summary: Record<Direction, number> = {
		improved: 0,
		worsened: 0,
		unclear: 0,
		'no data': 0
	};
	const groups = inspections
		.map((inspection) => {
			const cards = findings
				.filter((f) => f.inspectionId === inspection.id)
				.map((f) => card(area, f));
			return {
				id: inspection.id,
				kind: inspection.kind,
				startsOn: inspection.startsOn,
				weaknesses: cards.filter((c) => !c.strength),
				strengths: cards.filter((c) => c.strength)
			};
		})
		.filter((g) => g.weaknesses.length + g.strengths.length > 0);
	for (const g of groups) for (const c of g.weaknesses) summary[c.direction] += 1;
	const waves = area.waves.map((w) => ({ id: w.id, name: w.name }));
	return {
		rules: area.rules,
		waves,
		latestWave: waves.at(-1) ?? null,
		previousWave: waves.length > 1 ? waves.at(-2)! : null,
		summary,
		inspections: groups
	};
}

/** A question as families saw it, for the pages. */
export interface QuestionWording {
	key: string;
	audience: Audience;
	audienceLabel: string;
	kind: InsightQuestion['kind'];
	dimension: Dimension | null;
	/** The words shown: easy read for young people where there is one. */
	prompt: string;
	/** The parent-carer wording, when the easy-read one is shown instead. */
	fullPrompt: string | null;
	options: { value: string; label: string; positive: boolean; notApplicable: boolean }[];
}

function wording(q: InsightQuestion): QuestionWording {
	const easy = q.audience === 'young_person' && q.easyRead ? q.easyRead : null;
	return {
		key: q.key,
		audience: q.audience,
		audienceLabel: AUDIENCE_LABELS[q.audience],
		kind: q.kind,
		dimension: q.dimension,
		prompt: easy ?? q.prompt,
		fullPrompt: easy ? q.prompt : null,
		options: q.options.map((o) => ({
			value: o.value,
			label: (q.audience === 'young_person' && o.easyRead) || o.label,
			positive: Boolean(o.positive),
			notApplicable: Boolean(o.notApplicable)
		}))
	};
}

export interface QuestionSeries {
	wording: QuestionWording;
	/** One entry per wave the question was asked in, oldest first. */
	waves: { waveId: string; waveName: string; questionId: string; figures: PublicQuestion }[];
}

/** The same question (key and audience) across waves. */
function seriesOf(area: AreaFigures, questions: readonly InsightQuestion[]): QuestionSeries[] {
	const series = new Map<string, InsightQuestion[]>();
	for (const q of questions) {
		const id = `${q.audience}/${q.key}`;
		series.set(id, [...(series.get(id) ?? []), q]);
	}
	const wavePosition = new Map(area.waves.map((w, i) => [w.id, i]));
	return [...series.values()].map((qs) => {
		const sorted = qs
			.filter((q) => wavePosition.has(q.waveId) && area.published.has(q.id))
			.sort((a, b) => wavePosition.get(a.waveId)! - wavePosition.get(b.waveId)!);
		return {
			wording: wording(sorted.at(-1) ?? qs[0]!),
			waves: sorted.map((q) => ({
				waveId: q.waveId,
				waveName: area.waves[wavePosition.get(q.waveId)!]!.name,
				questionId: q.id,
				figures: area.published.get(q.id)!
			}))
		};
	});
}

export interface BreakdownChoice {
	value: string;
	label: string;
}

const BREAKDOWN_LABELS: Record<string, string> = {
	respondent: 'Who answered',
	'age-band': 'Age band',
	setting: 'Setting',
	need: 'Main area of need',
	district: 'District',
	'ehc-plan': 'EHC plan or SEN support',
	// Young people who answered on their own or with help are their own voice, apart from
	// answers someone gave for them.
	'answered-by': 'Who filled it in (young people)'
};

/** About-you questions that can break answers down ("choose one" only), plus audience. */
function breakdownChoices(
	questions: readonly InsightQuestion[],
	withAudience: boolean
): BreakdownChoice[] {
	const choices = new Map<string, string>();
	for (const q of questions) {
		if (q.dimension === 'about_you' && q.kind === 'single' && !choices.has(q.key)) {
			choices.set(q.key, BREAKDOWN_LABELS[q.key] ?? q.prompt);
		}
	}
	const list = [...choices].map(([value, label]) => ({ value, label }));
	return withAudience
		? [{ value: 'audience', label: 'Parent carers or young people' }, ...list]
		: list;
}

export interface FindingBreakdown {
	by: string;
	label: string;
	wave: WaveRef;
	dimensions: { dimension: ChartedDimension; label: string; groups: GroupShare[] }[];
}

export interface FindingInsights {
	rules: Rules;
	finding: InsightFinding & { inspectionKind: string; inspectionStartsOn: string | null };
	waves: WaveRef[];
	dimensions: (DimensionSummary & { byAudience: Record<Audience, DimensionSummary> })[];
	questions: QuestionSeries[];
	choices: BreakdownChoice[];
	breakdown: FindingBreakdown | null;
}

/** Cross counts of some questions by an about-you key, per questionnaire, suppressed. */
async function breakdownsBy(
	db: Db,
	area: AreaFigures,
	questions: readonly InsightQuestion[],
	by: string
): Promise<Map<string, PublicBreakdown>> {
	const result = new Map<string, PublicBreakdown>();
	const bySurvey = new Map<string, InsightQuestion[]>();
	for (const q of questions) bySurvey.set(q.surveyId, [...(bySurvey.get(q.surveyId) ?? []), q]);
	for (const [surveyId, qs] of bySurvey) {
		const about = area.questions.find(
			(q) =>
				q.surveyId === surveyId &&
				q.key === by &&
				q.dimension === 'about_you' &&
				q.kind === 'single'
		);
		if (!about) continue;
		const counted = qs.filter((q) => area.figures.has(q.id) && q.id !== about.id);
		const cross = await repo.crossCounts(
			db,
			surveyId,
			counted.map((q) => q.id),
			about.id
		);
		const groups = about.options.map((o) => ({ value: o.value, label: o.label }));
		for (const q of counted) {
			result.set(
				q.id,
				suppress(
					{
						kind: 'breakdown',
						figures: area.figures.get(q.id)!,
						groups,
						cells: cross.get(q.id) ?? new Map()
					},
					area.rules
				)
			);
		}
	}
	return result;
}

export async function findingInsights(
	db: Db,
	areaId: string,
	findingId: string,
	options: { by?: string | null; wave?: string | null } = {}
): Promise<FindingInsights | null> {
	const [area, { inspections, findings }] = await Promise.all([
		areaFigures(db, areaId),
		repo.listFindings(db, areaId)
	]);
	const finding = findings.find((f) => f.id === findingId);
	const inspection = finding && inspections.find((i) => i.id === finding.inspectionId);
	if (!finding || !inspection) return null;

	const linked = area.questions.filter((q) => area.links.get(q.id)?.includes(finding.id));
	const dimensions = CHARTED_DIMENSIONS.filter((d) => linked.some((q) => q.dimension === d)).map(
		(d) => ({
			...dimensionSummary(area, finding.id, d),
			byAudience: {
				parent_carer: dimensionSummary(area, finding.id, d, 'parent_carer'),
				young_person: dimensionSummary(area, finding.id, d, 'young_person')
			}
		})
	);
	const waves = area.waves.map((w) => ({ id: w.id, name: w.name }));
	const wave = waves.find((w) => w.id === options.wave) ?? waves.at(-1) ?? null;
	const inWave = wave ? area.questions.filter((q) => q.waveId === wave.id) : [];
	const choices = breakdownChoices(inWave, true);
	let breakdown: FindingBreakdown | null = null;
	const choice = choices.find((c) => c.value === options.by);
	if (wave && choice) {
		const charted = dimensions.map((d) => d.dimension);
		if (choice.value === 'audience') {
			breakdown = {
				by: choice.value,
				label: choice.label,
				wave,
				dimensions: dimensions.map((d) => ({
					dimension: d.dimension,
					label: d.label,
					groups: (['parent_carer', 'young_person'] as const).map((audience) => ({
						value: audience,
						label: AUDIENCE_LABELS[audience],
						pooled:
							d.byAudience[audience].points.find((p) => p.waveId === wave.id)?.pooled ??
							({ share: '[x]', questions: 0, of: 0 } as PooledShare)
					}))
				}))
			};
		} else {
			const asked = linked.filter(
				(q) => q.waveId === wave.id && q.dimension && (charted as Dimension[]).includes(q.dimension)
			);
			const broken = await breakdownsBy(db, area, asked, choice.value);
			breakdown = {
				by: choice.value,
				label: choice.label,
				wave,
				dimensions: dimensions.map((d) => ({
					dimension: d.dimension,
					label: d.label,
					groups: pooledByGroup(
						asked
							.filter(
								(q) => q.dimension === d.dimension && area.published.get(q.id)?.share !== '[z]'
							)
							.flatMap((q) => (broken.has(q.id) ? [broken.get(q.id)!] : [])),
						area.rules
					)
				}))
			};
		}
	}
	return {
		rules: area.rules,
		finding: {
			...finding,
			inspectionKind: inspection.kind,
			inspectionStartsOn: inspection.startsOn
		},
		waves,
		dimensions,
		questions: seriesOf(area, linked),
		choices,
		breakdown
	};
}

export interface QuestionInsights {
	rules: Rules;
	question: InsightQuestion & { surveyTitle: string; waveName: string };
	wording: QuestionWording;
	figures: PublicQuestion | null;
	series: QuestionSeries | null;
	findings: { id: string; code: string; title: string }[];
	choices: BreakdownChoice[];
	breakdown: { by: string; label: string; figures: PublicBreakdown } | null;
}

export async function questionInsights(
	db: Db,
	areaId: string,
	questionId: string,
	options: { by?: string | null } = {}
): Promise<QuestionInsights | null> {
	const question = await repo.findQuestion(db, areaId, questionId);
	if (!question) return null;
	const area = await areaFigures(db, areaId);
	const survey = area.surveys.find((s) => s.id === question.surveyId);
	const wave = area.waves.find((w) => w.id === question.waveId);
	const { findings } = await repo.listFindings(db, areaId);
	const linkedIds = area.links.get(question.id) ?? [];
	const sameKey = area.questions.filter(
		(q) => q.key === question.key && q.audience === question.audience
	);
	let figures = area.published.get(question.id) ?? null;
	if (question.kind === 'multi' && area.figures.has(question.id)) {
		figures = await multiFigures(db, area, question);
	}
	const inSurvey = area.questions.filter((q) => q.surveyId === question.surveyId);
	const choices = breakdownChoices(inSurvey, false).filter((c) => c.value !== question.key);
	const choice = choices.find((c) => c.value === options.by);
	let breakdown: QuestionInsights['breakdown'] = null;
	if (choice && question.kind !== 'multi' && area.figures.has(question.id)) {
		const broken = await breakdownsBy(db, area, [question], choice.value);
		const b = broken.get(question.id);
		if (b) breakdown = { by: choice.value, label: choice.label, figures: b };
	}
	return {
		rules: area.rules,
		question: { ...question, surveyTitle: survey?.title ?? '', waveName: wave?.name ?? '' },
		wording: wording(question),
		figures,
		series: seriesOf(area, sameKey)[0] ?? null,
		findings: findings
			.filter((f) => linkedIds.includes(f.id))
			.map((f) => ({ id: f.id, code: f.code, title: f.title })),
		choices,
		breakdown
	};
}

/** "Choose any": counts are choices, so n is the respondents who chose anything. */
async function multiFigures(
	db: Db,
	area: AreaFigures,
	q: InsightQuestion
): Promise<PublicQuestion> {
	const raw = area.figures.get(q.id)!;
	const valid = q.options.filter((o) => !o.notApplicable).map((o) => o.value);
	const answered = await repo.respondentsChoosing(db, q.surveyId, q.id, valid);
	const counts = new Map(raw.options.map((o) => [o.value, o.count]));
	return suppress(
		{ kind: 'question', figures: summariseQuestion(q, counts, answered) },
		area.rules
	);
}

export interface SurveyResults {
	rules: Rules;
	survey: InsightSurvey & { audienceLabel: string; waveName: string };
	responses: PublicCount;
	rates: { batches: (PublicRate & { label: string })[]; total: PublicRate } | null;
	questions: {
		id: string;
		section: string | null;
		wording: QuestionWording;
		figures: PublicQuestion | null;
		comments: { all: PublicCount; reviewed: PublicCount } | null;
	}[];
}

export async function surveyResults(
	db: Db,
	areaId: string,
	surveyId: string
): Promise<SurveyResults | null> {
	const area = await areaFigures(db, areaId);
	const survey = area.surveys.find((s) => s.id === surveyId);
	if (!survey) return null;
	const [responses, batches, comments] = await Promise.all([
		repo.responseCounts(db, areaId, [surveyId]),
		repo.batchUse(db, areaId, surveyId),
		repo.commentCounts(db, areaId, [surveyId])
	]);
	const shownRates = batches.length > 0 ? suppress({ kind: 'rates', batches }, area.rules) : null;
	const questions = area.questions.filter((q) => q.surveyId === surveyId);
	const rows = [];
	for (const q of questions) {
		let figures = area.published.get(q.id) ?? null;
		if (q.kind === 'multi' && figures) figures = await multiFigures(db, area, q);
		rows.push({
			id: q.id,
			section: q.section,
			wording: wording(q),
			figures,
			comments: q.kind === 'text' ? commentFigures(comments.get(q.id), area.rules) : null
		});
	}
	return {
		rules: area.rules,
		survey: {
			...survey,
			audienceLabel: AUDIENCE_LABELS[survey.audience],
			waveName: area.waves.find((w) => w.id === survey.waveId)?.name ?? ''
		},
		responses: suppress({ kind: 'count', value: responses.get(surveyId) ?? 0 }, area.rules),
		rates: shownRates && {
			batches: shownRates.batches.map((b, i) => ({ ...b, label: batches[i]!.label })),
			total: shownRates.total
		},
		questions: rows
	};
}

function commentFigures(counts: { all: number; reviewed: number } | undefined, rules: Rules) {
	return {
		all: suppress({ kind: 'count', value: counts?.all ?? 0 }, rules),
		reviewed: suppress({ kind: 'count', value: counts?.reviewed ?? 0 }, rules)
	};
}
