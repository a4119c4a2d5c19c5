/**
 * Test support for the export files: a small local area whose answers are known exactly, built
 * through the same tables and the same storeResponses the app uses.
 */
import { parse } from 'csv-parse/sync';
import type { Db } from '../db';
import type { SessionUser } from '../auth/session';
import type { Role } from '../db/schema';
import { newId } from '../ids';
import { storeResponses, type NewResponse } from '../responses/store';
import {
	makeArea,
	makeInspectionWithFindings,
	makeSurvey,
	makeWave,
	opts
} from '$testing/fixtures';
import { loadExportArea } from './context';
import { csvSourceStream, type CsvSource } from './csv';

export const SCALE = [
	'strongly-agree',
	'agree',
	'neither',
	'disagree',
	'strongly-disagree'
] as const;

/** Answers for one wave: per response, its scale value, district (null: skipped) and comment. */
export interface Planned {
	scale: (typeof SCALE)[number] | 'does-not-apply';
	district: 'north' | 'south' | 'east' | null;
	comment?: string;
	weeks?: number;
	services?: string[];
}

/** Expand "n of this" into a list. */
export function times(n: number, answer: Planned): Planned[] {
	return Array.from({ length: n }, () => ({ ...answer }));
}

export async function makeExportArea(db: Db) {
	const area = await makeArea(db);
	const { findings } = await makeInspectionWithFindings(db, area.id, ['COPR', 'EHCQ']);
	const waves = [await makeWave(db, area.id, 0), await makeWave(db, area.id, 1)];
	const surveys = [];
	for (const [position, waveId] of waves.entries()) {
		const survey = await makeSurvey(db, area.id, {
			waveId,
			status: position === 0 ? 'closed' : 'open',
			questions: [
				{
					kind: 'scale',
					key: 'listened-to',
					dimension: 'lived_experience',
					theme: 'COPR',
					prompt: 'I feel listened to.',
					required: 1
				},
				{
					kind: 'multi',
					key: 'services',
					dimension: 'access',
					prompt: 'Which services did you use?',
					options: JSON.stringify(opts(['Health', 'Education', 'Social care']))
				},
				{ kind: 'number', key: 'weeks-waited', prompt: 'How many weeks did you wait?' },
				{
					kind: 'single',
					key: 'district',
					dimension: 'about_you',
					prompt: 'Where do you live?',
					options: JSON.stringify(opts(['North', 'South', 'East']))
				},
				{ kind: 'text', key: 'anything-else', prompt: 'Anything else?' }
			]
		});
		await db
			.insertInto('questionFindings')
			.values({ questionId: survey.questions[0]!.id, findingId: findings[0]!.id })
			.execute();
		surveys.push(survey);
	}
	const exportArea = (await loadExportArea(db, area.id))!;
	return { area, exportArea, findings, waves, surveys };
}

type Made = Awaited<ReturnType<typeof makeExportArea>>;

/** Stores the planned responses in one of the area's surveys. */
export async function answer(db: Db, survey: Made['surveys'][number], planned: Planned[]) {
	const [scale, services, weeks, district, text] = survey.questions;
	const responses: NewResponse[] = planned.map((p) => ({
		submittedOn: '2026-03-01',
		channel: 'web',
		answers: {
			[scale!.id]: [p.scale],
			...(p.services ? { [services!.id]: p.services } : {}),
			...(p.weeks !== undefined ? { [weeks!.id]: [String(p.weeks)] } : {}),
			...(p.district ? { [district!.id]: [p.district] } : {}),
			...(p.comment ? { [text!.id]: [p.comment] } : {})
		}
	}));
	await storeResponses(db, survey.id, survey.questions, responses);
}

/** Marks every comment of a survey reviewed (as an officer would), optionally only some bodies. */
export async function reviewAll(db: Db, surveyId: string, only?: (body: string) => boolean) {
	const comments = await db
		.selectFrom('comments')
		.select(['id', 'body'])
		.where('surveyId', '=', surveyId)
		.execute();
	for (const c of comments) {
		if (only && !only(c.body)) continue;
		await db
			.updateTable('comments')
			.set({ status: 'reviewed', reviewedOn: '2026-03-02' })
			.where('id', '=', c.id)
			.execute();
	}
}

export function sessionUser(areaId: string, role: Role = 'officer'): SessionUser {
	return {
		id: newId(),
		localAreaId: areaId,
		email: `${role}@example.test`,
		name: role,
		role,
		expiresOn: null
	};
}

/** The whole CSV a file streams, as text. */
export async function csvText(file: CsvSource): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of csvSourceStream(file)) chunks.push(Buffer.from(chunk as Buffer));
	return Buffer.concat(chunks).toString('utf8');
}

/** Parses CSV text the way a spreadsheet would read it: BOM dropped, header row as keys. */
export function parseCsv(text: string): Record<string, string>[] {
	return parse(text, { bom: true, columns: true, record_delimiter: '\r\n' }) as Record<
		string,
		string
	>[];
}
