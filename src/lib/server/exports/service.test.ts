import type { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createTestDb } from '$testing/db';
import { makeUser, publishAll } from '$testing/fixtures';
import { makeArea, makeSurvey } from '$testing/fixtures';
import { csvSourceStream } from './csv';
import { readZip } from './read-zip';
import {
	buildAreaFile,
	downloadAreaFile,
	downloadSurveyFile,
	downloadZip,
	exportsPage
} from './service';
import { answer, csvText, makeExportArea, parseCsv, sessionUser, times } from './testing';

async function bytes(stream: Readable | NodeJS.ReadableStream): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
	return Buffer.concat(chunks);
}

async function setUp() {
	const db = await createTestDb();
	const made = await makeExportArea(db);
	await answer(db, made.surveys[0]!, times(12, { scale: 'agree', district: 'north', weeks: 3 }));
	await answer(db, made.surveys[1]!, times(15, { scale: 'disagree', district: 'south' }));
	await publishAll(db, made.area.id);
	return { db, made };
}

/** An officer an admin has allowed to take row-level files. */
async function rowsOfficer(db: Awaited<ReturnType<typeof setUp>>['db'], areaId: string) {
	const made = await makeUser(db, areaId, { role: 'officer', canExportRows: 1 });
	return { ...sessionUser(areaId, 'officer'), id: made.id, email: made.email };
}

async function events(db: Awaited<ReturnType<typeof setUp>>['db']) {
	return db.selectFrom('auditEvents').selectAll().orderBy('createdAt').execute();
}

describe('downloads', () => {
	it('audit who took which file of what, and never any of its data', async () => {
		const { db, made } = await setUp();
		const user = sessionUser(made.area.id, 'viewer');
		const file = (await downloadAreaFile(db, user, 'results', made.waves[0]!))!;
		expect(file.filename).toMatch(/^heard_area-[a-z0-9-]+_results_wave-1_\d{4}-\d{2}-\d{2}\.csv$/);
		const [event] = await events(db);
		expect(event).toMatchObject({
			localAreaId: made.area.id,
			userId: user.id,
			action: 'export_downloaded',
			subjectType: 'wave',
			subjectId: made.waves[0]
		});
		expect(JSON.parse(event!.detail!)).toEqual({ file: 'results', filename: file.filename });
	});

	it('find nothing of another local area', async () => {
		const { db, made } = await setUp();
		const other = await makeArea(db);
		const theirs = await makeSurvey(db, other.id);
		const user = sessionUser(made.area.id, 'officer');
		expect(await downloadAreaFile(db, user, 'results', theirs.waveId)).toBeUndefined();
		expect(await downloadSurveyFile(db, user, 'responses', theirs.id)).toBeUndefined();
		expect(await downloadZip(db, user, theirs.waveId)).toBeUndefined();
		expect(await exportsPage(db, user, theirs.waveId)).toBeUndefined();
		expect(await events(db)).toEqual([]);
	});

	it('give the responses file of a questionnaire by its id, to an officer allowed it', async () => {
		const { db, made } = await setUp();
		const user = await rowsOfficer(db, made.area.id);
		const file = await downloadSurveyFile(db, user, 'responses', made.surveys[1]!.id);
		if (!file || file === 'refused') throw new Error('no file');
		expect(file.filename).toMatch(/_responses_parent-carers_wave-2_/);
		const rows = parseCsv(await csvText(file));
		expect(rows).toHaveLength(15);
		expect(rows.every((r) => r['listened-to'] === 'Disagree')).toBe(true);
		// No free text: it is only in the comments file, unlinked.
		expect(Object.keys(rows[0]!)).not.toContain('anything-else');
	});

	it('refuse the responses file to an officer no admin has allowed, and audit the attempt', async () => {
		const { db, made } = await setUp();
		const officer = await makeUser(db, made.area.id, { role: 'officer' });
		const user = { ...sessionUser(made.area.id, 'officer'), id: officer.id };
		expect(await downloadSurveyFile(db, user, 'responses', made.surveys[1]!.id)).toBe('refused');
		expect((await events(db)).map((e) => e.action)).toEqual(['export_refused']);
		const zip = (await downloadZip(db, user, null))!;
		const names = [...readZip(await bytes(zip.stream)).keys()];
		expect(names.filter((n) => n.includes('_responses'))).toEqual([]);
	});
});

describe('the zip of every file', () => {
	it('holds every file an officer may take, each a complete CSV', async () => {
		const { db, made } = await setUp();
		const user = await rowsOfficer(db, made.area.id);
		const zip = (await downloadZip(db, user, null))!;
		expect(zip.filename).toMatch(
			/^heard_area-[a-z0-9-]+_all-files_all-waves_\d{4}-\d{2}-\d{2}\.zip$/
		);
		const files = readZip(await bytes(zip.stream));
		const names = [...files.keys()];
		for (const key of ['results', 'findings', 'comments', 'rates', 'metadata']) {
			expect(names.some((n) => n.includes(`_${key}_all-waves_`))).toBe(true);
		}
		expect(names.filter((n) => n.includes('_responses_'))).toHaveLength(2);
		expect(names.filter((n) => n.includes('_responses-metadata_'))).toHaveLength(2);
		for (const content of files.values())
			expect(content.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));

		// The results inside are the results file on its own.
		const inside = files.get(names.find((n) => n.includes('_results_'))!)!.toString('utf8');
		const alone = buildAreaFile(db, made.exportArea, 'results', null);
		expect(inside).toBe((await bytes(csvSourceStream(alone))).toString('utf8'));
		const responses = names.find((n) => n.includes('_responses_parent-carers_wave-1_'))!;
		expect(parseCsv(files.get(responses)!.toString('utf8'))).toHaveLength(12);

		const audit = await events(db);
		expect(audit).toHaveLength(1);
		expect(JSON.parse(audit[0]!.detail!)).toMatchObject({ file: 'zip', files: names });
	});

	it('leaves the responses files out for viewers and inspectors', async () => {
		const { db, made } = await setUp();
		for (const role of ['viewer', 'inspector'] as const) {
			const zip = (await downloadZip(db, sessionUser(made.area.id, role), made.waves[1]!))!;
			const names = [...readZip(await bytes(zip.stream)).keys()];
			expect(names).toHaveLength(6);
			expect(names.some((n) => n.includes('responses'))).toBe(false);
			expect(names.every((n) => n.includes('_wave-2_'))).toBe(true);
		}
	});
});

describe('the download page', () => {
	it('lists the responses files only for roles that may take them', async () => {
		const { db, made } = await setUp();
		const officer = (await exportsPage(db, sessionUser(made.area.id, 'officer'), null))!;
		expect(officer.mayTakeResponses).toBe(true);
		expect(officer.surveys.flatMap((s) => s.files.map((f) => f.href))).toContain(
			`/app/exports/surveys/${made.surveys[0]!.id}/responses.csv`
		);
		const inspector = (await exportsPage(db, sessionUser(made.area.id, 'inspector'), null))!;
		expect(inspector.mayTakeResponses).toBe(false);
		expect(inspector.surveys.every((s) => s.files.length === 0)).toBe(true);
		expect(inspector.areaFiles.map((f) => f.key)).toEqual([
			'results',
			'findings',
			'comments',
			'rates',
			'representativeness',
			'metadata'
		]);
	});
});
