/**
 * End-to-end data discovery. Survey ids are random on every run, so tests find what the demo seed
 * made by reading the e2e database itself (read-only; the server owns writes).
 */
import type { BrowserContext } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { demoBatchSeed, demoCode } from '../../../src/lib/server/demo/codes';
import { hashCode, normaliseCode } from '../../../src/lib/server/responses/codes';
import { draftId, readSealedDraft } from '../../../src/lib/server/responses/drafts';
import { unseal } from '../../../src/lib/server/secret';
import { query, write } from './database';

export { E2E_DATABASE, query, tableColumns } from './database';

export { demoBatchSeed, demoCode };

export type Audience = 'parent_carer' | 'young_person';

/** The demo's waves are numbered 0..2; the last one is open. */
export const OPEN_WAVE = 2;

function one<T>(sql: string, ...params: unknown[]): T {
	const row = query<T>(sql, ...params)[0];
	if (row === undefined) throw new Error(`No demo row for: ${sql} (${params.join(', ')})`);
	return row;
}

export function areaId(slug: string): string {
	return one<{ id: string }>('select id from local_areas where slug = ?', slug).id;
}

/** The open (current wave) survey of a demo area for an audience. */
/** The demo's own open survey (tests may open others in the same area). */
export function openSurveyId(slug: string, audience: Audience): string {
	return one<{ id: string }>(
		`select s.id from surveys s join local_areas a on a.id = s.local_area_id
		 where a.slug = ? and s.audience = ? and s.status = 'open' and s.is_demo = 1`,
		slug,
		audience
	).id;
}

/** A closed survey (wave 0 or 1) of a demo area for an audience. */
export function closedSurveyId(slug: string, audience: Audience, waveIndex = 0): string {
	return one<{ id: string }>(
		`select s.id from surveys s join local_areas a on a.id = s.local_area_id
		 join waves w on w.id = s.wave_id
		 where a.slug = ? and s.audience = ? and w.position = ?`,
		slug,
		audience,
		waveIndex
	).id;
}

/** A demo access code of the open wave: batch 0 indices 200–399 are kept for respondent tests. */
export function openWaveCode(slug: string, index: number, batch = 0): string {
	return demoCode(demoBatchSeed(slug, OPEN_WAVE, batch), index);
}

/** Responses released into the response tables (waiting ones are sealed and not counted). */
export function responseCount(surveyId: string): number {
	return one<{ n: number }>('select count(*) as n from responses where survey_id = ?', surveyId).n;
}

export function draftCount(surveyId: string): number {
	return one<{ n: number }>('select count(*) as n from drafts where survey_id = ?', surveyId).n;
}

export interface QuestionInfo {
	id: string;
	key: string;
	kind: string;
	section: string | null;
	required: number;
	options: string;
}

export function surveyQuestions(surveyId: string): QuestionInfo[] {
	return query<QuestionInfo>(
		'select id, key, kind, section, required, options from questions where survey_id = ? order by position',
		surveyId
	);
}

/** The hash an access code is stored under (and its draft is keyed by). */
export function codeHashOf(code: string): string {
	return hashCode(normaliseCode(code));
}

/** Whether an access code of a survey has been used: 1, 0, or undefined when unknown. */
export function codeUsed(surveyId: string, code: string): number | undefined {
	return query<{ used: number }>(
		'select used from access_codes where survey_id = ? and code_hash = ?',
		surveyId,
		codeHashOf(code)
	)[0]?.used;
}

/** The first index of an open-wave batch whose code has already been used (by the demo seed). */
export function usedOpenWaveCode(slug: string, surveyId: string): string {
	for (let i = 0; i < 200; i++) {
		const code = openWaveCode(slug, i);
		if (codeUsed(surveyId, code) === 1) return code;
	}
	throw new Error(`No used demo code for ${slug}`);
}

/** The draft secret a browser holds for a questionnaire, as its cookie carries it. */
export async function heldSecret(
	context: BrowserContext,
	surveyId: string
): Promise<string | undefined> {
	const cookie = (await context.cookies()).find(
		(c) => c.name === 'heard_answering' && c.path === `/s/${surveyId}`
	);
	return /^d\.([a-z2-7]{52})$/.exec(cookie?.value ?? '')?.[1];
}

/**
 * The saved answers of the draft a secret opens, or undefined when there is none. Only the
 * holder of the secret can do this: the test plays the family's own browser.
 */
export function draftAnswers(
	surveyId: string,
	secret: string | undefined
): Record<string, string[]> | undefined {
	if (!secret) return undefined;
	const row = query<{ sealed: string }>(
		'select sealed from drafts where survey_id = ? and id = ?',
		surveyId,
		draftId(secret)
	)[0];
	return row ? readSealedDraft(secret, surveyId, row.sealed).answers : undefined;
}

interface StoredResponse {
	surveyId: string;
	submittedOn: string;
	channel: string;
	/** Released into the response tables, or still waiting, sealed, for enough others. */
	state: 'released' | 'waiting';
}

/**
 * Responses that carry a free-text answer with exactly this body (tests write unique text):
 * released ones, and waiting ones opened with the server secret as the server itself would.
 */
export function responsesWithComment(body: string): StoredResponse[] {
	const released = query<StoredResponse>(
		`select r.survey_id as surveyId, r.submitted_on as submittedOn, r.channel, 'released' as state
		 from comments c join responses r on r.id = c.response_id where c.body = ?`,
		body
	);
	const waiting = query<{ surveyId: string; sealed: string }>(
		'select survey_id as surveyId, sealed from pending_responses'
	).flatMap(({ surveyId, sealed }): StoredResponse[] => {
		const response = JSON.parse(unseal(sealed, surveyId)) as {
			submittedOn: string;
			channel: string;
			answers: Record<string, string[]>;
		};
		if (!Object.values(response.answers).some((values) => values.includes(body))) return [];
		return [
			{ surveyId, submittedOn: response.submittedOn, channel: response.channel, state: 'waiting' }
		];
	});
	return [...released, ...waiting];
}

/**
 * Draft and not-yet-open questionnaires do not exist in the demo, so tests add them to a local
 * area of their own (not a demo area, so no other test sees them).
 */
export function makeUnpublishedSurveys(): { draft: string; notYetOpen: string } {
	const id = () => randomBytes(10).toString('hex').slice(0, 16);
	const now = new Date().toISOString();
	const areaId = id();
	const waveId = id();
	const ids = { draft: id(), notYetOpen: id() };
	const survey = `insert into surveys (id, local_area_id, wave_id, audience, title, intro, status, access_mode,
		 opens_on, closes_on, results_on, created_at)
		 values (?, ?, ?, 'parent_carer', ?, 'Fixture', ?, 'code', ?, ?, null, ?)`;
	write([
		[
			'insert into local_areas (id, slug, name, is_demo, created_at) values (?, ?, ?, 0, ?)',
			[areaId, `respond-fixtures-${areaId}`, 'Fixture area', now]
		],
		[
			'insert into waves (id, local_area_id, name, starts_on, position) values (?, ?, ?, ?, 0)',
			[waveId, areaId, 'Fixture wave', '2999-01-01']
		],
		[
			survey,
			[ids.draft, areaId, waveId, 'A draft questionnaire', 'draft', '2000-01-01', '2999-12-31', now]
		],
		[
			survey,
			[
				ids.notYetOpen,
				areaId,
				waveId,
				'A later questionnaire',
				'open',
				'2999-01-01',
				'2999-12-31',
				now
			]
		]
	]);
	return ids;
}
