/**
 * The export routes' one shape: guard by the file's role, parse the query, open the file (which
 * audits the download), stream it. Each `+server.ts` is a single line calling one of these.
 */
import { error } from '@sveltejs/kit';
import type { Db } from '../db';
import { csvFileResponse } from './csv';
import type { AreaFileKey, SurveyFileKey } from './files';
import { requireFileRole } from './guard';
import { parseWaveQuery } from './input';
import { downloadAreaFile, downloadSurveyFile, downloadZip, zipResponse } from './service';

export async function serveAreaFile(db: Db, key: AreaFileKey, url: URL): Promise<Response> {
	const query = parseWaveQuery(url);
	const user = await requireFileRole(db, key);
	if (!query.ok) error(400, query.message);
	const file = await downloadAreaFile(db, user, key, query.waveId);
	if (!file) error(404, 'Not found');
	return csvFileResponse(file.filename, file);
}

export async function serveSurveyFile(
	db: Db,
	key: SurveyFileKey,
	surveyId: string
): Promise<Response> {
	const user = await requireFileRole(db, key, { type: 'survey', id: surveyId });
	const file = await downloadSurveyFile(db, user, key, surveyId);
	if (file === 'refused') {
		error(403, 'An admin must allow you to download row-level responses files');
	}
	if (!file) error(404, 'Not found');
	return csvFileResponse(file.filename, file);
}

export async function serveZip(db: Db, url: URL): Promise<Response> {
	// The zip holds what the user may take; every role that may see exports may take it.
	const user = await requireFileRole(db, 'metadata');
	const query = parseWaveQuery(url);
	if (!query.ok) error(400, query.message);
	const zip = await downloadZip(db, user, query.waveId);
	if (!zip) error(404, 'Not found');
	return zipResponse(zip.filename, zip.stream);
}
