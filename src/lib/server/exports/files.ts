/**
 * The catalogue of export files: what each is, who may take it, and where it lives. The download
 * page lists it, the routes and the zip build from it, and the guard reads its minimum role, so a
 * file's audience is written down once.
 */
import type { MinimumRole } from '../auth/roles';

export type AreaFileKey =
	'results' | 'findings' | 'comments' | 'rates' | 'representativeness' | 'metadata';
export type SurveyFileKey = 'responses' | 'responses-metadata';
export type FileKey = AreaFileKey | SurveyFileKey;

export interface ExportFileInfo {
	key: FileKey;
	title: string;
	description: string;
	minRole: MinimumRole;
	/** Per local area (optionally one wave), or per questionnaire. */
	scope: 'area' | 'survey';
}

export const AREA_FILES: readonly (ExportFileInfo & { key: AreaFileKey })[] = [
	{
		key: 'results',
		title: 'Results',
		description:
			'One row per wave, question and answer option, with counts, percentages and 95% intervals, and the positive share of each question. Tidy data after the DfE open-data standard.',
		minRole: 'viewer',
		scope: 'area'
	},
	{
		key: 'findings',
		title: 'Findings summary',
		description:
			'One row per inspection finding, wave and dimension (lived experience, co-production, access, outcomes): the positive share over the linked questions with its interval and n, and the change since the previous wave with a verdict.',
		minRole: 'viewer',
		scope: 'area'
	},
	{
		key: 'comments',
		title: 'Comments by theme and finding',
		description:
			'Free-text comments that an officer has reviewed, with personal details redacted, tagged with their themes and the findings those themes speak to.',
		minRole: 'viewer',
		scope: 'area'
	},
	{
		key: 'rates',
		title: 'Response rates',
		description:
			'Access codes issued and used per batch of letters and per questionnaire, with the response rate.',
		minRole: 'viewer',
		scope: 'area'
	},
	{
		key: 'representativeness',
		title: 'Representativeness',
		description:
			'For each questionnaire, respondents by main area of need, age band and EHC plan or SEN support, beside the area’s population of children and young people: counts, shares and response rates.',
		minRole: 'viewer',
		scope: 'area'
	},
	{
		key: 'metadata',
		title: 'Metadata',
		description:
			'What every column of the files above means, what the markers [c], [u], [x] and [z] stand for, the suppression rules applied, and how the weighted figures were weighted.',
		minRole: 'viewer',
		scope: 'area'
	}
];

export const SURVEY_FILES: readonly (ExportFileInfo & { key: SurveyFileKey })[] = [
	{
		key: 'responses',
		title: 'Responses',
		description:
			'One row per response in random order, made with the latest publication: no ids, dates or free text, numbers in bands, and every row the same as at least the minimum base of others in every column. Only for officers an admin has allowed to take it; every download is audited.',
		minRole: 'officer',
		scope: 'survey'
	},
	{
		key: 'responses-metadata',
		title: 'Responses metadata',
		description:
			'The wording and values of every column of the responses file, and how the file was made safe.',
		minRole: 'officer',
		scope: 'survey'
	}
];

export const ALL_FILES: readonly ExportFileInfo[] = [...AREA_FILES, ...SURVEY_FILES];

export function fileInfo(key: FileKey): ExportFileInfo {
	return ALL_FILES.find((f) => f.key === key)!;
}

/** Where a file is downloaded from. */
export function fileHref(
	key: FileKey,
	options: { waveId?: string | null; surveyId?: string }
): string {
	if (key === 'responses' || key === 'responses-metadata') {
		return `/app/exports/surveys/${options.surveyId}/${key}.csv`;
	}
	return `/app/exports/${key}.csv${options.waveId ? `?wave=${encodeURIComponent(options.waveId)}` : ''}`;
}

export function zipHref(waveId: string | null): string {
	return `/app/exports/all.zip${waveId ? `?wave=${encodeURIComponent(waveId)}` : ''}`;
}
