/**
 * The results file, tidy data after the DfE open-data standard: one row per wave × question ×
 * option (and a "Positive share" row for each question that has one). The figures are exactly
 * those of the questionnaire's results page (insights' `surveyResults`); suppressed cells carry
 * their marker in place of the number, and numbers stay numbers.
 */
import type { Db } from '../db';
import { listQuestions } from '../insights/repository';
import { areaFigures, surveyResultsOf } from '../insights/service';
import { wilson } from '../insights/stats';
import {
	LOW_RELIABILITY_BASE,
	LOW_RELIABILITY_HALF_WIDTH,
	type PublicCount,
	type PublicOption,
	type ShareFigure
} from '../insights/suppression';
import { columnsOf, timePeriod, type ExportArea } from './context';
import type { CsvCell, CsvRow } from './csv';
import { round1 } from './rates';
import { findingCodesByQuestion, listExportSurveys } from './repository';
import { populationTargets } from '../population/service';
import { weightedSurvey } from '../representativeness/service';
import type { QuestionWeighting, WeightedFigure } from '../representativeness/weighted';

export const RESULT_COLUMNS = columnsOf([
	'time_period',
	'wave',
	'la_name',
	'survey',
	'audience',
	'question_key',
	'question_text',
	'finding_codes',
	'theme_code',
	'dimension',
	'option',
	'n_option',
	'n_valid',
	'pct',
	'ci_lower',
	'ci_upper',
	'marker',
	'pct_weighted',
	'ci_lower_weighted',
	'ci_upper_weighted',
	'design_effect',
	'n_effective'
]);

export const POSITIVE_SHARE = 'Positive share';

export async function* resultRows(
	db: Db,
	area: ExportArea,
	waveId: string | null
): AsyncGenerator<CsvRow> {
	const surveys = await listExportSurveys(db, area.id, waveId);
	const surveyIds = surveys.map((s) => s.id);
	const codes = await findingCodesByQuestion(db, area.id, surveyIds);
	const themes = new Map(
		(await listQuestions(db, area.id, { surveyIds })).map((q) => [q.id, q.theme])
	);
	const context = { rules: area.rules, targets: await populationTargets(db, area.id) };
	const figures = await areaFigures(db, area.id);
	for (const survey of surveys) {
		const results = surveyResultsOf(figures, survey.id);
		if (!results) continue;
		const weighted = (await weightedSurvey(db, area.id, survey.id, context))?.weighting.questions;
		for (const { id, wording, figures } of results.questions) {
			if (!figures) continue; // free text and numbers have no options to count
			const common = {
				time_period: timePeriod(survey),
				wave: survey.waveName,
				la_name: area.name,
				survey: survey.title,
				audience: survey.audience,
				question_key: wording.key,
				question_text: wording.prompt,
				finding_codes: (codes.get(id) ?? []).join('; '),
				theme_code: themes.get(id) ?? '',
				dimension: wording.dimension ?? ''
			};
			const labels = new Map(wording.options.map((o) => [o.value, o.label]));
			const w = weighted?.get(id);
			for (const option of figures.options) {
				const cells = optionCells(option, figures.n);
				yield {
					...common,
					option: labels.get(option.value) ?? option.label,
					...cells,
					...weightedCells(w, w?.options.get(option.value), cells.pct)
				};
			}
			const share = shareCells(figures.share, figures.n);
			if (share)
				yield {
					...common,
					option: POSITIVE_SHARE,
					...share,
					...weightedCells(w, w?.share, share.pct)
				};
		}
	}
}

type FigureCells = Pick<
	CsvRow,
	'n_option' | 'n_valid' | 'pct' | 'ci_lower' | 'ci_upper' | 'marker'
>;

function optionCells(option: PublicOption, n: PublicCount): FigureCells {
	if (option.notApplicable) {
		const marker = option.count === '[c]' ? '[c]' : '[z]';
		return {
			n_option: option.count,
			n_valid: n,
			pct: '[z]',
			ci_lower: '[z]',
			ci_upper: '[z]',
			marker
		};
	}
	if (n === 0) {
		return { n_option: 0, n_valid: 0, pct: '[x]', ci_lower: '[x]', ci_upper: '[x]', marker: '[x]' };
	}
	if (
		typeof option.count !== 'number' ||
		typeof option.percent !== 'number' ||
		typeof n !== 'number'
	) {
		return {
			n_option: option.count,
			n_valid: n,
			pct: '[c]',
			ci_lower: '[c]',
			ci_upper: '[c]',
			marker: '[c]'
		};
	}
	// The option's own interval, by the same Wilson function and [u] rule as a share's.
	const interval = wilson(option.count, n);
	const unreliable =
		n < LOW_RELIABILITY_BASE || (interval.upper - interval.lower) / 2 > LOW_RELIABILITY_HALF_WIDTH;
	return {
		n_option: option.count,
		n_valid: n,
		pct: percent(option.percent),
		ci_lower: percent(interval.lower),
		ci_upper: percent(interval.upper),
		marker: unreliable ? '[u]' : ''
	};
}

function shareCells(share: ShareFigure, n: PublicCount): FigureCells | null {
	if (share === '[z]') return null;
	if (typeof share === 'object') {
		return {
			n_option: share.positive,
			n_valid: share.n,
			pct: percent(share.share),
			ci_lower: percent(share.lower),
			ci_upper: percent(share.upper),
			marker: share.unreliable ? '[u]' : ''
		};
	}
	const cell: CsvCell = share;
	return { n_option: cell, n_valid: n, pct: cell, ci_lower: cell, ci_upper: cell, marker: cell };
}

type WeightedCells = Pick<
	CsvRow,
	'pct_weighted' | 'ci_lower_weighted' | 'ci_upper_weighted' | 'design_effect' | 'n_effective'
>;

/**
 * The weighted columns of a row: numbers only where the unweighted pct is a number and the
 * weighted figure is published (see representativeness/weighted.ts); otherwise one marker.
 */
function weightedCells(
	question: QuestionWeighting | undefined,
	figure: WeightedFigure | undefined,
	pct: CsvCell
): WeightedCells {
	const all = (marker: CsvCell) => ({
		pct_weighted: marker,
		ci_lower_weighted: marker,
		ci_upper_weighted: marker,
		design_effect: marker,
		n_effective: marker
	});
	if (typeof pct !== 'number') return all(pct);
	if (!question || !figure) return all('[x]');
	if (typeof figure !== 'object') return all(figure);
	return {
		pct_weighted: percent(figure.share),
		ci_lower_weighted: percent(figure.lower),
		ci_upper_weighted: percent(figure.upper),
		design_effect: question.designEffect === null ? '[x]' : round2(question.designEffect),
		n_effective: question.nEffective === null ? '[x]' : round1(question.nEffective)
	};
}

function round2(value: number): number {
	return Math.round(value * 100) / 100;
}

/** A proportion as a percentage to one decimal place. */
export function percent(proportion: number): number {
	return round1(proportion * 100);
}
