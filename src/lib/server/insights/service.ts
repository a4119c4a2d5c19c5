/**
 * Insights for the staff pages: the dashboard, a finding's page, a question's page and a
 * questionnaire's results, as views over the area's latest publications (publish/). Nothing here
 * reads a live count: the figures are those each questionnaire's publication made and
 * suppressed, and what the views add (pooled shares, changes) goes through `suppress` again.
 * The words (findings, waves, question wording) are read as they are now. Every function is
 * keyed by the local area; an id from another area gives null (the route answers 404).
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
import { questionType } from '$lib/questions/registry';
import { LANGUAGE_BREAKDOWN, type PublishedRates, type SurveyFigures } from './publish/build';
import { latestPublications, readPart, type PublicationHead } from './publish/store';
import * as repo from './repository';
import type { InsightFinding, InsightQuestion, InsightSurvey, InsightWave } from './repository';
import {
	rulesFor,
	type ChangeFigure,
	type PooledShare,
	type PublicBreakdown,
	type PublicCount,
	type PublicQuestion,
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

/** When a questionnaire's figures were published, and what they cover. */
export interface PublicationInfo {
	id: string;
	madeOn: string;
	/** The responses it covers, as they may be shown. */
	responses: PublicCount;
	final: boolean;
}

type Published = Omit<SurveyFigures, 'breakdowns'>;

export interface AreaFigures {
	rules: Rules;
	waves: InsightWave[];
	surveys: InsightSurvey[];
	questions: InsightQuestion[];
	links: Map<string, string[]>;
	/** Per questionnaire with a publication: its latest one and its figures. */
	publications: Map<string, { info: PublicationInfo; figures: Published }>;
	published: Map<string, PublicQuestion>;
	pool: PoolQuestion[];
}

function infoOf(row: PublicationHead, figures: Published): PublicationInfo {
	return { id: row.id, madeOn: row.madeOn, responses: figures.responses, final: row.final === 1 };
}

/**
 * The area's figures: each questionnaire's latest publication, with the area's questions and
 * findings around them. Loaded once per page or file; every view below is a pure function of it.
 */
export async function areaFigures(db: Db, areaId: string): Promise<AreaFigures> {
	const [rules, waves, surveys, questions, links, rows] = await Promise.all([
		areaRules(db, areaId),
		repo.listWaves(db, areaId),
		repo.listSurveys(db, areaId),
		repo.listQuestions(db, areaId),
		repo.listQuestionFindings(db, areaId),
		latestPublications(db, areaId)
	]);
	const publications = new Map<string, { info: PublicationInfo; figures: Published }>();
	for (const row of rows) {
		const figures = await readPart<Published>(db, row.id, 'figures');
		if (figures) publications.set(row.surveyId, { info: infoOf(row, figures), figures });
	}
	const published = new Map<string, PublicQuestion>();
	const pool: PoolQuestion[] = [];
	for (const q of questions) {
		const p = publications.get(q.surveyId)?.figures.questions[q.id];
		if (!p) continue;
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
	return { rules, waves, surveys, questions, links, publications, published, pool };
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

/**
 * About-you questions that can break answers down ("choose one" only), the language families
 * answered in when a questionnaire among them was published with translations, and audience.
 */
function breakdownChoices(
	area: AreaFigures,
	questions: readonly InsightQuestion[],
	withAudience: boolean
): BreakdownChoice[] {
	const choices = new Map<string, string>();
	for (const q of questions) {
		if (q.dimension === 'about_you' && questionType(q.kind).canBreakDown && !choices.has(q.key)) {
			choices.set(q.key, BREAKDOWN_LABELS[q.key] ?? q.prompt);
		}
	}
	const translated = [...new Set(questions.map((q) => q.surveyId))].some(
		(id) => (area.publications.get(id)?.figures.languages?.length ?? 0) > 1
	);
	if (translated && !choices.has(LANGUAGE_BREAKDOWN)) {
		choices.set(LANGUAGE_BREAKDOWN, 'Language the family answered in');
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

/** Some questions broken down by an about-you key, from their publications. */
async function breakdownsBy(
	db: Db,
	area: AreaFigures,
	questions: readonly InsightQuestion[],
	by: string
): Promise<Map<string, PublicBreakdown>> {
	const result = new Map<string, PublicBreakdown>();
	for (const surveyId of new Set(questions.map((q) => q.surveyId))) {
		const publication = area.publications.get(surveyId);
		if (!publication) continue;
		const part = await readPart<Record<string, PublicBreakdown>>(
			db,
			publication.info.id,
			`breakdown:${by}`
		);
		for (const q of questions) {
			if (q.surveyId === surveyId && part?.[q.id]) result.set(q.id, part[q.id]!);
		}
	}
	return result;
}

/** The area's figures with its findings: what a file that goes finding by finding loads once. */
export interface AreaView {
	area: AreaFigures;
	listed: Awaited<ReturnType<typeof repo.listFindings>>;
}

export async function loadAreaView(db: Db, areaId: string): Promise<AreaView> {
	const [area, listed] = await Promise.all([
		areaFigures(db, areaId),
		repo.listFindings(db, areaId)
	]);
	return { area, listed };
}

export async function findingInsights(
	db: Db,
	areaId: string,
	findingId: string,
	options: { by?: string | null; wave?: string | null } = {},
	loaded?: AreaView
): Promise<FindingInsights | null> {
	const {
		area,
		listed: { inspections, findings }
	} = loaded ?? (await loadAreaView(db, areaId));
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
	const choices = breakdownChoices(area, inWave, true);
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
	const figures = area.published.get(question.id) ?? null;
	const inSurvey = area.questions.filter((q) => q.surveyId === question.surveyId);
	const choices = breakdownChoices(area, inSurvey, false).filter((c) => c.value !== question.key);
	const choice = choices.find((c) => c.value === options.by);
	let breakdown: QuestionInsights['breakdown'] = null;
	if (choice && questionType(question.kind).summary === 'one' && figures) {
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

export interface SurveyResults {
	rules: Rules;
	survey: InsightSurvey & { audienceLabel: string; waveName: string };
	/** The publication the figures come from; null before the first one. */
	publication: PublicationInfo | null;
	responses: PublicCount;
	rates: PublishedRates | null;
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
	return surveyResultsOf(await areaFigures(db, areaId), surveyId);
}

/** A questionnaire's results from the area's figures (a pure view: exports call it in loops). */
export function surveyResultsOf(area: AreaFigures, surveyId: string): SurveyResults | null {
	const survey = area.surveys.find((s) => s.id === surveyId);
	if (!survey) return null;
	const publication = area.publications.get(surveyId);
	const questions = area.questions.filter((q) => q.surveyId === surveyId);
	return {
		rules: area.rules,
		survey: {
			...survey,
			audienceLabel: AUDIENCE_LABELS[survey.audience],
			waveName: area.waves.find((w) => w.id === survey.waveId)?.name ?? ''
		},
		publication: publication?.info ?? null,
		responses: publication?.figures.responses ?? 0,
		rates: publication?.figures.rates ?? null,
		questions: questions.map((q) => ({
			id: q.id,
			section: q.section,
			wording: wording(q),
			figures: area.published.get(q.id) ?? null,
			comments: publication?.figures.comments[q.id] ?? null
		}))
	};
}
