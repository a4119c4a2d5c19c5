/**
 * The responses file and its metadata. The file itself was made with the questionnaire's latest
 * publication (row-file.ts: k-anonymous over every column, numbers banded, no free text, random
 * order), so a download streams what was made then and nothing a later response changed. The
 * metadata describes its columns from the questions alone.
 */
import { promptFor } from '$lib/questions/options';
import { questionType } from '$lib/questions/registry';
import type { Db } from '../db';
import { latestPublication, readFile } from '../insights/publish/store';
import { listQuestions } from '../surveys/repository';
import type { CsvColumn, CsvRow } from './csv';
import type { ExportSurvey } from './repository';
import { ROW_FILE, fileColumns } from './row-file';

/** The stored file's text, chunk by chunk; null before the questionnaire's first publication. */
export async function responsesFileText(
	db: Db,
	survey: ExportSurvey
): Promise<{ madeOn: string; chunks: AsyncIterable<string> } | null> {
	const publication = await latestPublication(db, survey.id);
	if (!publication) return null;
	return { madeOn: publication.madeOn, chunks: readFile(db, publication.id, ROW_FILE) };
}

export const RESPONSES_METADATA_COLUMNS: CsvColumn[] = [
	'column',
	'question_text',
	'kind',
	'dimension',
	'values'
].map((name) => ({ key: name, header: name }));

/** One row per column of the responses file, then how the file was made safe. */
export async function responsesMetadataRows(
	db: Db,
	survey: ExportSurvey,
	minBase: number
): Promise<CsvRow[]> {
	const questions = await listQuestions(db, survey.id);
	const young = survey.audience === 'young_person';
	const byId = new Map(questions.map((q) => [q.id, q]));
	const rows: CsvRow[] = [
		{
			column: 'time_period',
			question_text: '',
			kind: 'date range',
			dimension: '',
			values:
				'The first and last day of the wave (YYYY-MM-DD/YYYY-MM-DD). No response carries its own date.'
		},
		{ column: 'wave', question_text: '', kind: 'text', dimension: '', values: 'The wave’s name.' }
	];
	for (const column of fileColumns(questions)) {
		const q = byId.get(column.questionId)!;
		rows.push({
			column: column.header,
			question_text: promptFor(q, young),
			kind: questionType(q.kind).label,
			dimension: q.dimension ?? '',
			values: column.valuesNote
		});
	}
	const note = (column: string, text: string): CsvRow => ({
		column,
		question_text: '',
		kind: 'note',
		dimension: '',
		values: text
	});
	const left = questions.filter((q) => questionType(q.kind).storage === 'comments');
	rows.push(
		note(
			'(rows)',
			`One row per response, in random order, with no ids, dates or channel. Every row is the same as at least ${minBase - 1} others in every column: where the responses in a group differ, a column shows the coarser answer they share ("Positive (either agree answer)" or "Not positive") or [c].`
		),
		note(
			'[c]',
			'Merged away so that no row can be told apart from fewer than the minimum base of others.'
		),
		note(
			'(free text)',
			left.length === 0
				? 'This questionnaire has no free-text questions.'
				: `Free-text answers (${left.map((q) => q.key).join(', ')}) are not in this file: reviewed comments are in the comments file, which is not linked to these rows.`
		),
		note(
			'(when)',
			'The file was made with the questionnaire’s latest publication of figures, and changes only when a new one is made.'
		)
	);
	return rows;
}
