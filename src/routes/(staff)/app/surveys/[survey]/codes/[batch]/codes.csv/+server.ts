import { error } from '@sveltejs/kit';
import { officerBatch } from '$lib/server/surveys/builder-access';
import { getDb, today } from '$lib/server/db';
import { csvFilename, csvResponse } from '$lib/server/exports/csv';
import { MAIL_MERGE_COLUMNS, mailMergeRows } from '$lib/server/letters/letters';
import { authoriseDownload } from '$lib/server/responses/code-batches';
import { parseDownload } from '$lib/server/surveys/input';
import type { RequestHandler } from './$types';

/** The mail-merge file: only as the answer to the creation page's form, which carries the codes. */
export const POST: RequestHandler = async ({ params, request, url }) => {
	const { user } = await officerBatch(params.survey, params.batch);
	const parsed = parseDownload(await request.formData());
	if (!parsed.ok) error(400, parsed.errors.codes ?? 'Bad request');
	const ids = { surveyId: params.survey, batchId: params.batch };
	const outcome = await authoriseDownload(getDb(), user, ids, parsed.data.codes, 'csv');
	if (!outcome.ok) error(outcome.status, outcome.errors[''] ?? 'Not found');
	return csvResponse(
		csvFilename(['codes', outcome.batch.label], today()),
		MAIL_MERGE_COLUMNS,
		mailMergeRows(url.origin, outcome.survey.id, outcome.codes)
	);
};

/** Nothing to fetch: the codes are not kept. Says so (or 404 for a batch that is not the area's). */
export const GET: RequestHandler = async ({ params }) => {
	await officerBatch(params.survey, params.batch);
	error(410, GONE);
};

const GONE =
	'Codes are shown only once, just after they are made, and are not kept. Make a new batch if you need more letters.';
