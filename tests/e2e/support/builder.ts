/**
 * Helpers for the builder tests: reading what the officer's clicks made from the e2e database
 * (read-only), and answering every question on a staff or respondent page.
 */
import type { Page } from '@playwright/test';
import { query } from './demo';

/** The builder tests work in one demo area; others use theirs. */
export const BUILDER_SLUG = 'worcestershire';

/** A name no other test or project run will use. */
export function unique(prefix: string, projectName: string): string {
	return `${prefix} ${projectName} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** The survey id in a builder URL. */
export function surveyIdOf(url: string): string {
	const id = /\/app\/surveys\/([a-z0-9]+)/.exec(new URL(url).pathname)?.[1];
	if (!id) throw new Error(`No survey id in ${url}`);
	return id;
}

export function surveyRow(surveyId: string) {
	return query<{ status: string; wave_id: string; copied_from_id: string | null }>(
		'select status, wave_id, copied_from_id from surveys where id = ?',
		surveyId
	)[0];
}

export function questionKeys(surveyId: string): string[] {
	return query<{ key: string }>(
		'select key from questions where survey_id = ? order by position',
		surveyId
	).map((r) => r.key);
}

/** Each question's key with the codes of the findings it is linked to. */
export function linksByKey(surveyId: string): string[] {
	return query<{ link: string }>(
		`select q.key || '→' || f.code as link from question_findings qf
		 join questions q on q.id = qf.question_id join findings f on f.id = qf.finding_id
		 where q.survey_id = ? order by 1`,
		surveyId
	).map((r) => r.link);
}

export function batchesOf(surveyId: string) {
	return query<{ id: string; label: string; size: number; codes: number }>(
		`select b.id, b.label, b.size, (select count(*) from access_codes c where c.batch_id = b.id) as codes
		 from code_batches b where b.survey_id = ?`,
		surveyId
	);
}

export function responsesByChannel(surveyId: string): Record<string, number> {
	const rows = query<{ channel: string; n: number }>(
		'select channel, count(*) as n from responses where survey_id = ? group by channel',
		surveyId
	);
	return Object.fromEntries(rows.map((r) => [r.channel, r.n]));
}

/** Sent responses still sealed, waiting for a crowd to be stored in. */
export function pendingCount(surveyId: string): number {
	return query<{ n: number }>(
		'select count(*) as n from pending_responses where survey_id = ?',
		surveyId
	)[0]!.n;
}

export function auditActions(subjectId: string): string[] {
	return query<{ action: string }>(
		'select action from audit_events where subject_id = ? order by created_at',
		subjectId
	).map((r) => r.action);
}

/** Tick the first option of every question group on the page (radios, faces, checkboxes). */
export async function answerFirstOptions(page: Page): Promise<void> {
	const groups = page.locator('main .form-group');
	for (let i = 0; i < (await groups.count()); i++) {
		const group = groups.nth(i);
		const inputs = group.locator('input[type=radio], input[type=checkbox]');
		if ((await inputs.count()) > 0) await inputs.first().check();
	}
}
