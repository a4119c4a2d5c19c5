/**
 * The metadata file: what every column of the aggregate files means, what each marker stands
 * for, and the suppression rules the area applied, so the files can be read without Heard.
 */
import {
	LOW_RELIABILITY_BASE,
	LOW_RELIABILITY_HALF_WIDTH,
	MARKERS,
	type Marker
} from '../insights/suppression';
import type { Db } from '../db';
import { populationTargets } from '../population/service';
import { METHOD_SUMMARY } from '../representativeness/method';
import { weightedSurvey } from '../representativeness/service';
import type { SurveyWeighting } from '../representativeness/weighted';
import { columnsOf, type ExportArea } from './context';
import type { CsvRow } from './csv';
import { listExportSurveys } from './repository';

export const METADATA_COLUMNS = columnsOf(['file', 'column', 'type', 'description']);

type Described = readonly [column: string, type: string, description: string][];

const PERIOD: Described = [
	[
		'time_period',
		'date range',
		'The first and last day of the wave, ISO 8601 (YYYY-MM-DD/YYYY-MM-DD; ".." while it has no end date).'
	],
	['wave', 'text', 'The name of the wave: one round of questionnaires.'],
	['la_name', 'text', 'The local area (a council with its NHS partners).']
];
const SURVEY: Described = [
	['survey', 'text', 'The questionnaire’s title.'],
	['audience', 'code', 'Who was asked: parent_carer (parents and carers) or young_person.']
];

export const DESCRIPTIONS: Record<
	'results' | 'findings' | 'comments' | 'rates' | 'representativeness',
	Described
> = {
	results: [
		...PERIOD,
		...SURVEY,
		['question_key', 'code', 'The question’s stable key: the same in every wave, for trends.'],
		[
			'question_text',
			'text',
			'The question as the audience saw it (easy-read wording for young people).'
		],
		[
			'finding_codes',
			'codes',
			'The inspection findings the question speaks to, separated by "; ".'
		],
		['theme_code', 'code', 'The question’s theme in the question bank.'],
		[
			'dimension',
			'code',
			'lived_experience, co_production, access, outcomes or about_you (the groups for breakdowns).'
		],
		[
			'option',
			'text',
			'One answer option, or "Positive share" (the positive options together, for example agree and strongly agree).'
		],
		['n_option', 'count', 'Respondents who chose the option.'],
		[
			'n_valid',
			'count',
			'Valid answers: respondents who answered with anything other than "does not apply / don’t know". The base of pct.'
		],
		[
			'pct',
			'percent',
			'n_option as a percentage of n_valid, to one decimal place. [z] for "does not apply".'
		],
		[
			'ci_lower',
			'percent',
			'Lower end of the 95% confidence interval of pct (Wilson score interval).'
		],
		[
			'ci_upper',
			'percent',
			'Upper end of the 95% confidence interval of pct (Wilson score interval).'
		],
		['marker', 'marker', 'The row’s marker, if any: see the markers below.'],
		[
			'pct_weighted',
			'percent',
			'pct weighted to the area’s population by raking over main area of need, age band and EHC plan or SEN support (see “(weighting)” below). Shown only where pct is: [c] where the weighted figure, with the published ones, could reveal a hidden count; [x] where the questionnaire could not be weighted; [z] for a question weighted on (its weighted shares are the population’s).'
		],
		[
			'ci_lower_weighted',
			'percent',
			'Lower end of the 95% Wilson interval of pct_weighted, on the effective sample size n_effective.'
		],
		[
			'ci_upper_weighted',
			'percent',
			'Upper end of the 95% Wilson interval of pct_weighted, on the effective sample size n_effective.'
		],
		[
			'design_effect',
			'number',
			'Kish’s design effect of the weights among the question’s valid answers: 1 + CV² of the weights.'
		],
		[
			'n_effective',
			'number',
			'Effective sample size: n_valid divided by design_effect. The base of the weighted intervals.'
		]
	],
	findings: [
		...PERIOD,
		['inspection', 'text', 'The inspection that made the finding, with its first day.'],
		['finding_code', 'code', 'The finding’s code in the inspection report (for example L1, E3).'],
		['finding_title', 'text', 'The finding as the inspection report puts it.'],
		[
			'finding_kind',
			'text',
			'Fundamental failing, significant weakness, area of concern, area for improvement or strength.'
		],
		['theme_code', 'code', 'The finding’s theme.'],
		['dimension', 'code', 'lived_experience, co_production, access or outcomes.'],
		['audience', 'code', 'all (both questionnaires together), parent_carer or young_person.'],
		[
			'questions',
			'count',
			'Linked questions whose answers are in the share (a question whose own figures are suppressed adds nothing).'
		],
		['n', 'count', 'Valid answers to those questions in the wave (each answer counts once).'],
		['positive_pct', 'percent', 'Positive answers as a percentage of n, to one decimal place.'],
		['ci_lower', 'percent', 'Lower end of the 95% Wilson interval of positive_pct.'],
		['ci_upper', 'percent', 'Upper end of the 95% Wilson interval of positive_pct.'],
		[
			'change_pct_points',
			'percentage points',
			'positive_pct minus the previous wave’s, in percentage points. [z] for the first wave.'
		],
		['change_lower', 'percentage points', 'Lower end of the 95% Newcombe interval of the change.'],
		['change_upper', 'percentage points', 'Upper end of the 95% Newcombe interval of the change.'],
		[
			'verdict',
			'text',
			'better or worse when the whole interval of the change is above or below zero; otherwise no clear change.'
		],
		['marker', 'marker', 'The row’s marker, if any: see the markers below.']
	],
	comments: [
		...PERIOD,
		...SURVEY,
		['question_key', 'code', 'The free-text question’s key.'],
		['question_text', 'text', 'The free-text question as the audience saw it.'],
		[
			'theme',
			'text',
			'A theme the reviewing officer tagged the comment with (blank: none). A comment with several themes has a row for each.'
		],
		['finding_codes', 'codes', 'The findings the theme speaks to, separated by "; ".'],
		[
			'comment',
			'text',
			'The comment after review. Personal details (names, contact details, school names) are replaced by [redacted].'
		],
		['redacted', 'yes/no', 'Whether the reviewing officer removed anything.']
	],
	representativeness: [
		...PERIOD,
		...SURVEY,
		[
			'question_key',
			'code',
			'The margin: need (main area of need), age-band, or ehc-plan (EHC plan or SEN support).'
		],
		['group', 'text', 'A group of the margin, or an answer that is none ("Not sure").'],
		[
			'population_n',
			'count',
			'Children and young people of the area in the group, as the area entered or imported them (DfE figures for EHC plans). [x]: no figure.'
		],
		['population_pct', 'percent', 'population_n as a percentage of the margin’s population.'],
		['respondents_n', 'count', 'Respondents who gave this answer.'],
		[
			'respondents_pct',
			'percent',
			'respondents_n as a percentage of the respondents in one of the margin’s groups.'
		],
		[
			'response_rate_pct',
			'percent',
			'respondents_n as a percentage of population_n: how many of the group answered.'
		],
		['marker', 'marker', 'The row’s marker, if any: see the markers below.']
	],
	rates: [
		...PERIOD,
		...SURVEY,
		[
			'batch',
			'text',
			'A batch of access codes (for example one district’s letters); "All batches" is the questionnaire’s total.'
		],
		['codes_issued', 'count', 'Access codes issued in the batch.'],
		['codes_used', 'count', 'Access codes used to send a response.'],
		[
			'response_rate_pct',
			'percent',
			'codes_used as a percentage of codes_issued, to one decimal place.'
		],
		['marker', 'marker', 'The row’s marker, if any: see the markers below.']
	]
};

export const FILE_LABELS: Record<keyof typeof DESCRIPTIONS, string> = {
	results: 'results',
	findings: 'findings summary',
	comments: 'comments',
	rates: 'response rates',
	representativeness: 'representativeness'
};

export function metadataRows(area: ExportArea): CsvRow[] {
	const rows: CsvRow[] = [];
	for (const [file, described] of Object.entries(DESCRIPTIONS)) {
		for (const [column, type, description] of described) {
			rows.push({
				file: FILE_LABELS[file as keyof typeof DESCRIPTIONS],
				column,
				type,
				description
			});
		}
	}
	for (const [marker, meaning] of Object.entries(MARKERS) as [Marker, string][]) {
		rows.push({
			file: 'all files',
			column: marker,
			type: 'marker',
			description: markerText(marker, meaning, area)
		});
	}
	const { minBase, minCount } = area.rules;
	rows.push(
		{
			file: 'all files',
			column: '(suppression)',
			type: 'rule',
			description: `Statistical disclosure control after the GSS guidance: a percentage needs at least ${minBase} valid answers; a count from 1 to ${minCount - 1} is shown as [c], and further cells are hidden ([c]) wherever a total or another breakdown would let a hidden count be worked out.`
		},
		{
			file: 'all files',
			column: '(anonymity)',
			type: 'rule',
			description:
				'Responses are anonymous: no names, access codes, addresses or submission times are kept with them. Free text appears only after an officer has reviewed it.'
		}
	);
	if (area.isDemo) {
		rows.push({
			file: 'all files',
			column: '(demo)',
			type: 'rule',
			description:
				'DEMO: this local area holds synthetic demonstration data only. Nothing here is real.'
		});
	}
	return rows;
}

/**
 * The metadata file: the columns and rules above, then how each questionnaire was weighted
 * (method, margins used and the weights' range), so the weighted columns stand on their own.
 */
export async function* metadataFile(
	db: Db,
	area: ExportArea,
	waveId: string | null
): AsyncGenerator<CsvRow> {
	yield* metadataRows(area);
	yield { file: 'results', column: '(weighting)', type: 'rule', description: METHOD_SUMMARY };
	const context = { rules: area.rules, targets: await populationTargets(db, area.id) };
	for (const survey of await listExportSurveys(db, area.id, waveId)) {
		const weighted = await weightedSurvey(db, area.id, survey.id, context);
		if (!weighted) continue;
		yield {
			file: 'results',
			column: '(weighting)',
			type: 'rule',
			description: `${survey.title} (${survey.waveName}): ${weightingText(weighted.weighting)}`
		};
	}
}

function weightingText(w: SurveyWeighting): string {
	const used = w.margins.filter((m) => m.used).map((m) => m.label.toLowerCase());
	const unused = w.margins
		.filter((m) => !m.used)
		.map(
			(m) => `${m.label.toLowerCase()} not used (${m.reason?.replace(/\.$/, '').toLowerCase()})`
		);
	if (!w.usable || !w.rake)
		return `not weighted: ${w.reason ?? 'no weighting'} ${unused.join('; ')}.`;
	const s = w.rake.summary;
	return `weighted by raking to ${used.join(', ')}; ${unused.length ? `${unused.join('; ')}; ` : ''}weights from ${s.min.toFixed(2)} to ${s.max.toFixed(2)} (bounds ${w.bounds?.join(' to ')}), design effect ${s.designEffect.toFixed(2)}, effective sample size ${Math.round(s.nEffective)} of ${s.n} responses.`;
}

function markerText(marker: Marker, meaning: string, area: ExportArea): string {
	switch (marker) {
		case '[c]':
			return `Confidential: ${meaning}. A count from 1 to ${area.rules.minCount - 1}, a percentage on fewer than ${area.rules.minBase} answers, or a cell hidden so that such a count cannot be worked out from the others.`;
		case '[u]':
			return `Low reliability: the base is under ${LOW_RELIABILITY_BASE} or the 95% interval is wider than plus or minus ${Math.round(LOW_RELIABILITY_HALF_WIDTH * 100)} percentage points. Shown, but read with care.`;
		case '[x]':
			return `Not available: ${meaning} (for example no answers, or a side of a comparison is suppressed).`;
		case '[z]':
			return `Not applicable: ${meaning} (for example "does not apply" has no percentage, the first wave has no change, an open-link questionnaire has no access codes).`;
	}
}
