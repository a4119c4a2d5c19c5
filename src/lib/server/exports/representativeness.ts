/**
 * The representativeness file: for each questionnaire, respondents by main area of need, age
 * band and EHC plan or SEN support beside the area's population, exactly as the
 * representativeness page shows them (the same counts through the same suppression).
 */
import type { Db } from '../db';
import type { PublicCount, PublicPercent } from '../insights/suppression';
import { populationTargets } from '../population/service';
import { weightedSurvey } from '../representativeness/service';
import { columnsOf, timePeriod, type ExportArea } from './context';
import type { CsvCell, CsvRow } from './csv';
import { round1 } from './rates';
import { listExportSurveys } from './repository';

export const REPRESENTATIVENESS_COLUMNS = columnsOf([
	'time_period',
	'wave',
	'la_name',
	'survey',
	'audience',
	'question_key',
	'group',
	'population_n',
	'population_pct',
	'respondents_n',
	'respondents_pct',
	'response_rate_pct',
	'marker'
]);

const pctCell = (p: PublicPercent | '[x]' | null): CsvCell =>
	p === null ? '[x]' : typeof p === 'number' ? round1(p * 100) : p;

export async function* representativenessRows(
	db: Db,
	area: ExportArea,
	waveId: string | null
): AsyncGenerator<CsvRow> {
	const context = { rules: area.rules, targets: await populationTargets(db, area.id) };
	for (const survey of await listExportSurveys(db, area.id, waveId)) {
		const weighted = await weightedSurvey(db, area.id, survey.id, context);
		if (!weighted) continue;
		const fixed = {
			time_period: timePeriod(survey),
			wave: survey.waveName,
			la_name: area.name,
			survey: survey.title,
			audience: survey.audience
		};
		for (const margin of weighted.weighting.profile) {
			for (const row of margin.rows) {
				const cells = [row.respondents, row.respondentShare, row.responseRate] as (
					PublicCount | PublicPercent
				)[];
				yield {
					...fixed,
					question_key: margin.key,
					group: row.label,
					population_n: row.population ?? '[x]',
					population_pct: pctCell(row.populationShare),
					respondents_n: row.respondents,
					respondents_pct: pctCell(row.respondentShare),
					response_rate_pct: pctCell(row.responseRate),
					marker: cells.includes('[c]') ? '[c]' : row.population === null ? '[x]' : ''
				};
			}
			for (const row of margin.outside) {
				yield {
					...fixed,
					question_key: margin.key,
					group: row.label,
					population_n: '[z]',
					population_pct: '[z]',
					respondents_n: row.respondents,
					respondents_pct: '[z]',
					response_rate_pct: '[z]',
					marker: row.respondents === '[c]' ? '[c]' : '[z]'
				};
			}
		}
	}
}
