/**
 * Export files as downloads: each builder's rows streamed as CSV, a zip of all of them, and an
 * audit event per download saying who took which file of what (never any of its data). A refused
 * attempt at a file above the user's role is audited too: nothing was sent, but someone with a
 * read-only or inspector account asking for the responses file is worth knowing about.
 */
import { Readable } from 'node:stream';
import yazl from 'yazl';
import { recordEvent } from '../audit';
import type { SessionUser } from '../auth/session';
import { hasRole } from '../auth/roles';
import { today, type Db } from '../db';
import type { Audience, Wave } from '../db/schema';
import { findAreaWave, listWaves } from '../surveys/repository';
import { commentRows, COMMENT_COLUMNS } from './comments';
import { loadExportArea, type ExportArea } from './context';
import { csvFilename, csvSourceStream, type CsvSource } from './csv';
import {
	AREA_FILES,
	SURVEY_FILES,
	fileHref,
	fileInfo,
	zipHref,
	type AreaFileKey,
	type FileKey,
	type SurveyFileKey
} from './files';
import { FINDING_COLUMNS, findingRows } from './findings';
import { METADATA_COLUMNS, metadataFile } from './metadata';
import { RATE_COLUMNS, rateRows } from './rates';
import { REPRESENTATIVENESS_COLUMNS, representativenessRows } from './representativeness';
import { findExportSurvey, listExportSurveys, type ExportSurvey } from './repository';
import { RESPONSES_METADATA_COLUMNS, responsesFileText, responsesMetadataRows } from './responses';
import { latestPublication } from '../insights/publish/store';
import { RESULT_COLUMNS, resultRows } from './results';

export type ExportFile = { filename: string } & CsvSource;

const AUDIENCE_WORDS: Record<Audience, string> = {
	parent_carer: 'parent carers',
	young_person: 'young people'
};

/** The local area and, if one was asked for, its wave; undefined when either is not this area's. */
async function scopeOf(db: Db, user: SessionUser, waveId: string | null) {
	const area = await loadExportArea(db, user.localAreaId);
	if (!area) return undefined;
	if (!waveId) return { area, wave: null };
	const wave = await findAreaWave(db, area.id, waveId);
	return wave ? { area, wave } : undefined;
}

function areaFilename(area: ExportArea, key: AreaFileKey, wave: Wave | null): string {
	return csvFilename([area.slug, key, wave ? wave.name : 'all waves'], today());
}

function surveyFilename(area: ExportArea, key: SurveyFileKey, survey: ExportSurvey): string {
	return csvFilename([area.slug, key, AUDIENCE_WORDS[survey.audience], survey.waveName], today());
}

/** One area-wide file, without auditing (the zip and the single download both use it). */
export function buildAreaFile(
	db: Db,
	area: ExportArea,
	key: AreaFileKey,
	wave: Wave | null
): ExportFile {
	const waveId = wave?.id ?? null;
	const filename = areaFilename(area, key, wave);
	switch (key) {
		case 'results':
			return { filename, columns: RESULT_COLUMNS, rows: resultRows(db, area, waveId) };
		case 'findings':
			return { filename, columns: FINDING_COLUMNS, rows: findingRows(db, area, waveId) };
		case 'comments':
			return { filename, columns: COMMENT_COLUMNS, rows: commentRows(db, area, waveId) };
		case 'rates':
			return { filename, columns: RATE_COLUMNS, rows: rateRows(db, area, waveId) };
		case 'representativeness':
			return {
				filename,
				columns: REPRESENTATIVENESS_COLUMNS,
				rows: representativenessRows(db, area, waveId)
			};
		case 'metadata':
			return { filename, columns: METADATA_COLUMNS, rows: metadataFile(db, area, waveId) };
	}
}

/** A questionnaire's file; the responses file is undefined before its first publication. */
export async function buildSurveyFile(
	db: Db,
	area: ExportArea,
	key: SurveyFileKey,
	survey: ExportSurvey
): Promise<ExportFile | undefined> {
	const filename = surveyFilename(area, key, survey);
	if (key === 'responses-metadata') {
		const rows = await responsesMetadataRows(db, survey, area.rules.minBase);
		return { filename, columns: RESPONSES_METADATA_COLUMNS, rows };
	}
	const stored = await responsesFileText(db, survey);
	return stored ? { filename, stored: stored.chunks } : undefined;
}

/** Whether this user may take row-level files: an officer an admin has allowed to. */
export async function mayTakeRows(db: Db, user: SessionUser): Promise<boolean> {
	if (!hasRole(user.role, 'officer')) return false;
	const row = await db
		.selectFrom('users')
		.select('canExportRows')
		.where('id', '=', user.id)
		.where('localAreaId', '=', user.localAreaId)
		.executeTakeFirst();
	return row?.canExportRows === 1;
}

async function audit(
	db: Db,
	user: SessionUser,
	action: 'export_downloaded' | 'export_refused',
	subject: { type: string; id: string } | null,
	detail: Record<string, unknown>
) {
	await recordEvent(db, {
		localAreaId: user.localAreaId,
		userId: user.id,
		action,
		subjectType: subject?.type ?? null,
		subjectId: subject?.id ?? null,
		detail
	});
}

/** An area-wide file for download, audited; undefined when the wave is not this area's. */
export async function downloadAreaFile(
	db: Db,
	user: SessionUser,
	key: AreaFileKey,
	waveId: string | null
): Promise<ExportFile | undefined> {
	const scope = await scopeOf(db, user, waveId);
	if (!scope) return undefined;
	const file = buildAreaFile(db, scope.area, key, scope.wave);
	await audit(
		db,
		user,
		'export_downloaded',
		scope.wave ? { type: 'wave', id: scope.wave.id } : { type: 'local_area', id: scope.area.id },
		{ file: key, filename: file.filename }
	);
	return file;
}

/** A questionnaire's file for download, audited; undefined when it is not this area's. */
export async function downloadSurveyFile(
	db: Db,
	user: SessionUser,
	key: SurveyFileKey,
	surveyId: string
): Promise<ExportFile | 'refused' | undefined> {
	const area = await loadExportArea(db, user.localAreaId);
	const survey = area && (await findExportSurvey(db, area.id, surveyId));
	if (!area || !survey) return undefined;
	const subject = { type: 'survey', id: survey.id };
	if (key === 'responses' && !(await mayTakeRows(db, user))) {
		await audit(db, user, 'export_refused', subject, {
			file: key,
			reason: 'not allowed row-level files'
		});
		return 'refused';
	}
	const file = await buildSurveyFile(db, area, key, survey);
	if (!file) return undefined;
	await audit(db, user, 'export_downloaded', subject, { file: key, filename: file.filename });
	return file;
}

/** Audits an attempt at a file above the user's role (the guard then refuses it). */
export async function recordRefusal(
	db: Db,
	user: SessionUser,
	key: FileKey,
	subject: { type: string; id: string } | null
): Promise<void> {
	await audit(db, user, 'export_refused', subject, { file: key, role: user.role });
}

/**
 * Every file the user may take, as one zip streamed entry by entry: each CSV is produced only
 * when the zip reaches it, so memory stays flat however many responses there are.
 */
export async function downloadZip(
	db: Db,
	user: SessionUser,
	waveId: string | null
): Promise<{ filename: string; stream: Readable } | undefined> {
	const scope = await scopeOf(db, user, waveId);
	if (!scope) return undefined;
	const { area, wave } = scope;
	const zip = new yazl.ZipFile();
	const output = zip.outputStream as Readable;
	zip.on('error', (error: Error) => output.destroy(error));
	const add = (name: string, file: () => Promise<ExportFile>) => {
		names.push(name);
		zip.addReadStreamLazy(name, (done) => {
			file().then(
				(f) => {
					const stream = csvSourceStream(f);
					stream.on('error', (error) => zip.emit('error', error));
					done(null, stream);
				},
				(error: unknown) => done(error, Readable.from([]))
			);
		});
	};

	const names: string[] = [];
	for (const info of AREA_FILES) {
		add(areaFilename(area, info.key, wave), async () => buildAreaFile(db, area, info.key, wave));
	}
	if (await mayTakeRows(db, user)) {
		for (const survey of await listExportSurveys(db, area.id, wave?.id ?? null)) {
			// Only questionnaires that have been published have a responses file.
			if (!(await latestPublication(db, survey.id))) continue;
			for (const info of SURVEY_FILES) {
				add(surveyFilename(area, info.key, survey), async () => {
					const file = await buildSurveyFile(db, area, info.key, survey);
					return file ?? { filename: '', stored: (async function* () {})() };
				});
			}
		}
	}
	zip.end();

	const filename = csvFilename(
		[area.slug, 'all files', wave ? wave.name : 'all waves'],
		today()
	).replace(/\.csv$/, '.zip');
	await audit(
		db,
		user,
		'export_downloaded',
		wave ? { type: 'wave', id: wave.id } : { type: 'local_area', id: area.id },
		{ file: 'zip', filename, files: names }
	);
	return { filename, stream: output };
}

/** An HTTP response that streams the zip as a download. */
export function zipResponse(filename: string, stream: Readable): Response {
	return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
		headers: {
			'Content-Type': 'application/zip',
			'Content-Disposition': `attachment; filename="${filename}"`,
			'Cache-Control': 'no-store',
			'X-Content-Type-Options': 'nosniff'
		}
	});
}

export interface DownloadLink {
	title: string;
	description: string;
	href: string;
	minRole: string;
}

/** What the download page shows the user: the files they may take, for all waves or one. */
export async function exportsPage(db: Db, user: SessionUser, waveId: string | null) {
	const scope = await scopeOf(db, user, waveId);
	if (!scope) return undefined;
	const { area, wave } = scope;
	const waves = await listWaves(db, area.id);
	const surveys = await listExportSurveys(db, area.id, wave?.id ?? null);
	const mayTakeResponses = hasRole(user.role, fileInfo('responses').minRole);
	return {
		area: {
			name: area.name,
			isDemo: area.isDemo,
			minBase: area.rules.minBase,
			minCount: area.rules.minCount
		},
		waves: waves.map((w) => ({ id: w.id, name: w.name })),
		wave: wave ? { id: wave.id, name: wave.name } : null,
		areaFiles: AREA_FILES.map((f) => ({
			key: f.key,
			title: f.title,
			description: f.description,
			minRole: f.minRole,
			href: fileHref(f.key, { waveId: wave?.id ?? null }),
			filename: areaFilename(area, f.key, wave)
		})),
		surveyFiles: SURVEY_FILES.map((f) => ({
			key: f.key,
			title: f.title,
			description: f.description,
			minRole: f.minRole
		})),
		surveys: surveys.map((s) => ({
			id: s.id,
			title: s.title,
			audience: s.audience,
			waveName: s.waveName,
			files: mayTakeResponses
				? SURVEY_FILES.map((f) => ({
						key: f.key,
						title: f.title,
						href: fileHref(f.key, { surveyId: s.id }),
						filename: surveyFilename(area, f.key, s)
					}))
				: []
		})),
		mayTakeResponses,
		zip: { href: zipHref(wave?.id ?? null) }
	};
}
