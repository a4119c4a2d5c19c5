/**
 * How far the answers speak for the area: for one questionnaire, its respondents' profile beside
 * the population's, the raking weights and what they did, and its questions' positive shares
 * weighted beside the unweighted ones, with the change since the previous wave judged on
 * effective sample sizes. Keyed by the local area: another area's questionnaire is not found.
 */
import { questionType } from '../../questions/registry';
import type { Db } from '../db';
import type { Audience } from '../db/schema';
import * as insights from '../insights/repository';
import { AUDIENCE_LABELS, areaRules } from '../insights/service';
import {
	suppress,
	type ChangeFigure,
	type PublicCount,
	type Rules,
	type ShareFigure
} from '../insights/suppression';
import { weightedChange, type WeightedChange } from '../insights/weighting';
import { MARGINS } from '../population/margins';
import { populationTargets, populationView, type PopulationView } from '../population/service';
import { readSurveyAnswers } from './repository';
import { isWeighted, weighSurvey, type SurveyWeighting, type WeightedFigure } from './weighted';

export interface WeightedSurvey {
	survey: insights.InsightSurvey & { waveName: string; wavePosition: number };
	questions: insights.InsightQuestion[];
	weighting: SurveyWeighting;
}

/** One questionnaire of the area, weighted; undefined when it is not the area's (or a draft). */
export async function weightedSurvey(
	db: Db,
	areaId: string,
	surveyId: string,
	context?: { rules: Rules; targets: Awaited<ReturnType<typeof populationTargets>> }
): Promise<WeightedSurvey | undefined> {
	const [surveys, waves] = await Promise.all([
		insights.listSurveys(db, areaId),
		insights.listWaves(db, areaId)
	]);
	const survey = surveys.find((s) => s.id === surveyId);
	const wave = survey && waves.find((w) => w.id === survey.waveId);
	if (!survey || !wave) return undefined;
	const [rules, targets, questions] = await Promise.all([
		context?.rules ?? areaRules(db, areaId),
		context?.targets ?? populationTargets(db, areaId),
		insights.listQuestions(db, areaId, { surveyIds: [surveyId] })
	]);
	const marginQuestions = MARGINS.map(
		(m) =>
			questions.find(
				(q) => q.key === m.key && q.dimension === 'about_you' && questionType(q.kind).canBreakDown
			) ?? null
	);
	const answers = await readSurveyAnswers(
		db,
		surveyId,
		[
			marginQuestions[0]?.id ?? null,
			marginQuestions[1]?.id ?? null,
			marginQuestions[2]?.id ?? null
		],
		questions.filter(isWeighted).map((q) => q.id)
	);
	const weighting = weighSurvey({ questions, marginQuestions, answers, targets, rules });
	return {
		survey: { ...survey, waveName: wave.name, wavePosition: wave.position },
		questions,
		weighting
	};
}

export interface SurveyChoice {
	id: string;
	label: string;
}

export interface WeightedRow {
	questionId: string;
	key: string;
	prompt: string;
	section: string | null;
	unweighted: ShareFigure;
	weighted: WeightedFigure;
	nEffective: number | null;
	designEffect: number | null;
	/** Since the same question in the previous wave, unweighted and weighted. */
	change: ChangeFigure;
	weightedChange: WeightedChange | '[x]' | '[z]';
}

export interface RepresentativenessPage {
	rules: Rules;
	choices: SurveyChoice[];
	current: WeightedSurvey | null;
	audienceLabel: string;
	previousWave: string | null;
	population: PopulationView;
	/** Responses to the chosen questionnaire. */
	responses: PublicCount;
	rows: WeightedRow[];
}

/** The page: the chosen questionnaire (or the latest parent-carer one) of the area. */
export async function representativenessPage(
	db: Db,
	areaId: string,
	surveyId: string | null
): Promise<RepresentativenessPage | undefined> {
	const [surveys, waves, rules, targets, population] = await Promise.all([
		insights.listSurveys(db, areaId),
		insights.listWaves(db, areaId),
		areaRules(db, areaId),
		populationTargets(db, areaId),
		populationView(db, areaId)
	]);
	const position = new Map(waves.map((w) => [w.id, w.position]));
	const ordered = surveys
		.filter((s) => position.has(s.waveId))
		.sort(
			(a, b) =>
				position.get(b.waveId)! - position.get(a.waveId)! || a.audience.localeCompare(b.audience)
		);
	const choices = ordered.map((s) => ({
		id: s.id,
		label: `${waves.find((w) => w.id === s.waveId)!.name} · ${AUDIENCE_LABELS[s.audience]}: ${s.title}`
	}));
	if (surveyId && !ordered.some((s) => s.id === surveyId)) return undefined;
	const chosen = surveyId ?? ordered[0]?.id;
	const empty = {
		rules,
		choices,
		current: null,
		audienceLabel: '',
		previousWave: null,
		population,
		responses: 0,
		rows: []
	};
	if (!chosen) return empty;
	const context = { rules, targets };
	const current = (await weightedSurvey(db, areaId, chosen, context))!;
	const earlierSurvey = previousOf(
		ordered,
		position,
		current.survey.audience,
		current.survey.wavePosition
	);
	const previous = earlierSurvey
		? await weightedSurvey(db, areaId, earlierSurvey.id, context)
		: undefined;

	const rows: WeightedRow[] = [];
	for (const q of current.questions) {
		const w = current.weighting.questions.get(q.id);
		if (!w || w.published.share === '[z]') continue;
		const before = previous?.questions.find((p) => p.key === q.key);
		const earlier = before && previous!.weighting.questions.get(before.id);
		const change = earlier
			? suppress(
					{ kind: 'change', later: w.published.share, earlier: earlier.published.share },
					rules
				)
			: '[z]';
		let weighted: WeightedRow['weightedChange'] = earlier ? '[x]' : '[z]';
		if (
			earlier &&
			typeof change === 'object' &&
			typeof w.share === 'object' &&
			typeof earlier.share === 'object' &&
			w.nEffective !== null &&
			earlier.nEffective !== null
		) {
			weighted = weightedChange(
				{ ...w.share, nEffective: w.nEffective },
				{ ...earlier.share, nEffective: earlier.nEffective }
			);
		}
		rows.push({
			questionId: q.id,
			key: q.key,
			prompt: (q.audience === 'young_person' && q.easyRead) || q.prompt,
			section: q.section,
			unweighted: w.published.share,
			weighted: w.share,
			nEffective: w.nEffective,
			designEffect: w.designEffect,
			change,
			weightedChange: weighted
		});
	}
	return {
		rules,
		choices,
		current,
		audienceLabel: AUDIENCE_LABELS[current.survey.audience],
		previousWave: previous?.survey.waveName ?? null,
		population,
		responses: suppress({ kind: 'count', value: current.weighting.respondents }, rules),
		rows
	};
}

function previousOf(
	ordered: readonly insights.InsightSurvey[],
	position: ReadonlyMap<string, number>,
	audience: Audience,
	wavePosition: number
) {
	return ordered.find((s) => s.audience === audience && position.get(s.waveId)! < wavePosition);
}
