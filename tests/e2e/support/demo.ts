/**
 * End-to-end data discovery. Survey ids are random on every run, so tests find what the demo seed
 * made by reading the e2e database itself (read-only; the server owns writes).
 */
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { demoBatchSeed, demoCode } from '../../../src/lib/server/demo/codes';
import { hashCode, normaliseCode } from '../../../src/lib/server/responses/codes';

export { demoBatchSeed, demoCode };

export type Audience = 'parent_carer' | 'young_person';

/** The e2e database the web server of this run uses (see playwright.config.ts). */
export const E2E_DATABASE = `test-results/e2e-${process.env.HEARD_BUILD_DIR ?? 'build'}.db`;

/** The demo's waves are numbered 0..2; the last one is open. */
export const OPEN_WAVE = 2;

/** Runs a read-only query on the e2e database and closes it again. */
export function query<T>(sql: string, ...params: unknown[]): T[] {
	const db = new Database(E2E_DATABASE, { readonly: true, fileMustExist: true });
	try {
		return db.prepare(sql).all(...params) as T[];
	} finally {
		db.close();
	}
}

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

/** The saved answers of a draft, or undefined when there is none. */
export function draftAnswers(
	surveyId: string,
	keyHash: string
): Record<string, string[]> | undefined {
	const row = query<{ answers: string }>(
		'select answers from drafts where survey_id = ? and key_hash = ?',
		surveyId,
		keyHash
	)[0];
	return row ? (JSON.parse(row.answers) as Record<string, string[]>) : undefined;
}

/** Responses that carry a free-text comment with exactly this body (tests write unique text). */
export function responsesWithComment(body: string) {
	return query<{ id: string; surveyId: string; submittedOn: string; channel: string }>(
		`select r.id, r.survey_id as surveyId, r.submitted_on as submittedOn, r.channel
		 from comments c join responses r on r.id = c.response_id where c.body = ?`,
		body
	);
}

/** The column names of a table, read from the database itself. */
export function tableColumns(table: string): string[] {
	return query<{ name: string }>(`select name from pragma_table_info(?)`, table).map((c) => c.name);
}

/**
 * Draft and not-yet-open questionnaires do not exist in the demo, so tests add them to a local
 * area of their own (not a demo area, so no other test sees them).
 */
export function makeUnpublishedSurveys(): { draft: string; notYetOpen: string } {
	const db = new Database(E2E_DATABASE, { fileMustExist: true });
	db.pragma('busy_timeout = 5000');
	try {
		const id = () => randomBytes(10).toString('hex').slice(0, 16);
		const now = new Date().toISOString();
		const areaId = id();
		const waveId = id();
		const ids = { draft: id(), notYetOpen: id() };
		db.transaction(() => {
			db.prepare(
				'insert into local_areas (id, slug, name, is_demo, created_at) values (?, ?, ?, 0, ?)'
			).run(areaId, `respond-fixtures-${areaId}`, 'Fixture area', now);
			db.prepare(
				'insert into waves (id, local_area_id, name, starts_on, position) values (?, ?, ?, ?, 0)'
			).run(waveId, areaId, 'Fixture wave', '2999-01-01');
			const survey = db.prepare(
				`insert into surveys (id, local_area_id, wave_id, audience, title, intro, status, access_mode,
				 opens_on, closes_on, results_on, created_at)
				 values (?, ?, ?, 'parent_carer', ?, 'Fixture', ?, 'code', ?, ?, null, ?)`
			);
			survey.run(
				ids.draft,
				areaId,
				waveId,
				'A draft questionnaire',
				'draft',
				'2000-01-01',
				'2999-12-31',
				now
			);
			survey.run(
				ids.notYetOpen,
				areaId,
				waveId,
				'A later questionnaire',
				'open',
				'2999-01-01',
				'2999-12-31',
				now
			);
		})();
		return ids;
	} finally {
		db.close();
	}
}
