/**
 * What the builder pages show: read-only views assembled from the repository, each scoped by the
 * local area. Nothing here changes data.
 */
import { questionType, questionTypes } from '$lib/questions/registry';
import { DIMENSIONS, type Dimension, type Question } from '$lib/questions/types';
import { THEMES, themeTitle } from '../areas/themes';
import { today, type Db } from '../db';
import type { Survey } from '../db/schema';
import { latestPublication, publishedSummaries, readPart } from '../insights/publish/store';
import type { SurveyFigures } from '../insights/publish/build';
import { showPublishedCount, showRate } from '../responses/rates';
import { availability } from './availability';
import { isForAudience, questionFor } from './bank';
import { listFindingsInReportOrder } from '../areas/repository';
import * as repo from './repository';
import { bankItems, openingProblems } from './service';

export const KINDS = questionTypes.map((t) => ({ kind: t.kind, label: t.label }));
export const THEME_CHOICES = THEMES.map((t) => ({ code: t.code, title: t.title }));
export const DIMENSION_CHOICES = DIMENSIONS.map((d) => ({ value: d, label: dimensionLabel(d) }));

export function dimensionLabel(dimension: Dimension | null): string {
	if (!dimension) return 'None';
	const words: Record<Dimension, string> = {
		lived_experience: 'Lived experience',
		co_production: 'Co-production',
		access: 'Access',
		outcomes: 'Outcomes',
		about_you: 'About you'
	};
	return words[dimension];
}

type FindingSummary = Pick<repo.AreaFinding, 'id' | 'code' | 'title' | 'kind' | 'theme'>;

function summary(f: repo.AreaFinding): FindingSummary {
	return { id: f.id, code: f.code, title: f.title, kind: f.kind, theme: f.theme };
}

export interface BankFilter {
	theme: string | null;
	dimension: string | null;
}

export async function builderView(db: Db, areaId: string, surveyId: string, filter: BankFilter) {
	const survey = await repo.findAreaSurvey(db, areaId, surveyId);
	if (!survey) return undefined;
	const [questions, links, findings, waves, wave, publication] = await Promise.all([
		repo.listQuestions(db, survey.id),
		repo.listSurveyLinks(db, survey.id),
		listFindingsInReportOrder(db, areaId),
		repo.listWaves(db, areaId),
		repo.findAreaWave(db, areaId, survey.waveId),
		latestPublication(db, survey.id)
	]);
	const byId = new Map(findings.map((f) => [f.id, f]));
	return {
		survey,
		wave: wave!,
		waves: waves.map((w) => ({ id: w.id, name: w.name, startsOn: w.startsOn })),
		availability: availability(survey),
		// From the latest publication (the builder is no live feed either).
		published: publication
			? { madeOn: publication.madeOn, responses: await publishedResponses(db, publication.id) }
			: null,
		questions: questions.map((q) => ({
			...q,
			kindLabel: questionType(q.kind).label,
			dimensionLabel: dimensionLabel(q.dimension),
			findings: links
				.filter((l) => l.questionId === q.id)
				.map((l) => byId.get(l.findingId))
				.filter((f) => f !== undefined)
				.map(summary)
		})),
		problems: survey.status === 'draft' ? await openingProblems(db, survey, today()) : [],
		bank: survey.status === 'draft' ? await bankView(db, survey, questions, findings, filter) : [],
		kinds: KINDS,
		themes: THEME_CHOICES,
		dimensions: DIMENSION_CHOICES
	};
}

/** Bank items matching the filter, as this audience would be asked them, with the findings each serves. */
async function bankView(
	db: Db,
	survey: Survey,
	questions: Question[],
	findings: repo.AreaFinding[],
	filter: BankFilter
) {
	const keys = new Set(questions.map((q) => q.key));
	const live = findings.filter((f) => !f.archived);
	return (await bankItems(db, survey.localAreaId))
		.filter((item) => isForAudience(item, survey.audience))
		.filter((item) => !filter.theme || item.theme === filter.theme)
		.filter((item) => !filter.dimension || (item.dimension ?? 'none') === filter.dimension)
		.map((item) => {
			const asked = questionFor(item, survey.audience);
			return {
				id: item.id,
				key: item.key,
				kindLabel: questionType(item.kind).label,
				prompt: (survey.audience === 'young_person' && asked.easyRead) || asked.prompt,
				parentPrompt: item.prompt,
				theme: item.theme,
				themeTitle: item.theme ? themeTitle(item.theme) : null,
				dimensionLabel: dimensionLabel(item.dimension),
				added: keys.has(item.key),
				findings:
					item.dimension === 'about_you'
						? []
						: live.filter((f) => item.theme && f.theme === item.theme).map(summary)
			};
		});
}

/** The question page: the question, and the area's findings it can be linked to. */
export async function questionView(db: Db, areaId: string, surveyId: string, questionId: string) {
	const survey = await repo.findAreaSurvey(db, areaId, surveyId);
	if (!survey) return undefined;
	const question = await repo.findAreaQuestion(db, areaId, survey.id, questionId);
	if (!question) return undefined;
	const [links, findings, questions] = await Promise.all([
		repo.listSurveyLinks(db, survey.id),
		listFindingsInReportOrder(db, areaId),
		repo.listQuestions(db, survey.id)
	]);
	const linked = new Set(links.filter((l) => l.questionId === question.id).map((l) => l.findingId));
	return {
		survey,
		question,
		index: questions.findIndex((q) => q.id === question.id),
		count: questions.length,
		kindLabel: questionType(question.kind).label,
		hasOptions: questionType(question.kind).hasOptions,
		settingFields: questionType(question.kind).settingFields,
		linkedIds: [...linked],
		// Archived findings stay listed only while this question is linked to them.
		findings: findings
			.filter((f) => !f.archived || linked.has(f.id))
			.map((f) => ({ ...summary(f), themeTitle: themeTitle(f.theme), archived: f.archived === 1 })),
		themes: THEME_CHOICES,
		dimensions: DIMENSION_CHOICES
	};
}

/**
 * Surveys of the area grouped by wave, newest wave first, with the responses and response rate of
 * their latest publication (never live counts: nobody can watch one family answer).
 */
export async function surveyList(db: Db, areaId: string) {
	const [surveys, waves, published] = await Promise.all([
		repo.listAreaSurveys(db, areaId),
		repo.listWaves(db, areaId),
		publishedSummaries(db, areaId)
	]);
	return [...waves].reverse().map((wave) => ({
		wave: { id: wave.id, name: wave.name, startsOn: wave.startsOn },
		surveys: surveys
			.filter((s) => s.waveId === wave.id)
			.map(({ responseCount: _, ...s }) => {
				const publication = published.get(s.id);
				return {
					...s,
					publishedOn: publication?.madeOn ?? null,
					responses: publication ? showPublishedCount(publication.responses) : null,
					rate: publication?.rates ? showRate(publication.rates.total) : null
				};
			})
	}));
}

async function publishedResponses(db: Db, publicationId: string): Promise<string> {
	const figures = await readPart<Pick<SurveyFigures, 'responses'>>(db, publicationId, 'figures');
	return showPublishedCount(figures?.responses ?? 0);
}
