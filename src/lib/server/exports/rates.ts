/**
 * The response-rates file: access codes issued and used per batch of letters and per
 * questionnaire, exactly as the questionnaire's results page shows them (insights'
 * `surveyResults`, through the one suppression function: a few used codes in one district's
 * batch could point at a family). Open-link questionnaires have no codes, so no rate: [z].
 */
import type { Db } from '../db';
import { areaFigures, surveyResultsOf } from '../insights/service';
import type { PublicRate } from '../insights/suppression';
import { columnsOf, timePeriod, type ExportArea } from './context';
import type { CsvRow } from './csv';
import { listExportSurveys } from './repository';

export const RATE_COLUMNS = columnsOf([
	'time_period',
	'wave',
	'la_name',
	'survey',
	'audience',
	'batch',
	'codes_issued',
	'codes_used',
	'response_rate_pct',
	'marker'
]);

export const ALL_BATCHES = 'All batches';

export async function* rateRows(
	db: Db,
	area: ExportArea,
	waveId: string | null
): AsyncGenerator<CsvRow> {
	const figures = await areaFigures(db, area.id);
	for (const survey of await listExportSurveys(db, area.id, waveId)) {
		const fixed = {
			time_period: timePeriod(survey),
			wave: survey.waveName,
			la_name: area.name,
			survey: survey.title,
			audience: survey.audience
		};
		const rates = surveyResultsOf(figures, survey.id)?.rates;
		if (!rates) {
			const z = '[z]';
			yield {
				...fixed,
				batch: '',
				codes_issued: z,
				codes_used: z,
				response_rate_pct: z,
				marker: z
			};
			continue;
		}
		const row = (batch: string, rate: PublicRate) => ({
			...fixed,
			batch,
			codes_issued: rate.issued,
			codes_used: rate.used,
			response_rate_pct:
				typeof rate.percent === 'number' ? round1(rate.percent * 100) : rate.percent,
			marker: rate.used === '[c]' || rate.percent === '[c]' ? '[c]' : ''
		});
		for (const batch of rates.batches) yield row(batch.label, batch);
		yield row(ALL_BATCHES, rates.total);
	}
}

/** Percentages to one decimal place: enough for a rate, and no false precision. */
export function round1(value: number): number {
	return Math.round(value * 10) / 10;
}
