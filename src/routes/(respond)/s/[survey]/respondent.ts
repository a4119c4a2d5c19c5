/**
 * The respondent routes' side of the journey: which questionnaire, in which language, and what
 * the browser holds. The language is in the address (`?lang=cy`) of every page, link and redirect
 * of the journey, so it needs no cookie of its own; the draft keeps it too, for resume links.
 * The only cookie is short-lived and scoped to one questionnaire's pages. It carries the
 * family's draft secret (or a note that they have sent their answers) and nothing else: not the
 * access code, which proves only that they may answer once.
 */
import { error, redirect, type Cookies, type RequestEvent } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import { languageInUrl, translator, withLanguage, type TextKey } from '$lib/i18n';
import { requestClient } from '$lib/server/clients';
import { getDb, type Db } from '$lib/server/db';
import type { DraftContent } from '$lib/server/responses/drafts';
import {
	CODE_PROBLEMS,
	admitWithCode,
	decodeHeldKey,
	encodeHeldKey,
	identifyRespondent,
	loadQuestionnaire,
	refuseUnknownDraft,
	tooManyTries,
	unavailable,
	type CodeProblem,
	type HeldKey,
	type Questionnaire
} from '$lib/server/responses/service';
import type { Availability } from '$lib/server/surveys/availability';

export const ANSWERING_COOKIE = 'heard_answering';
/** Long enough to answer in one sitting; "save and come back later" covers the rest. */
const ANSWERING_SECONDS = 4 * 60 * 60;

/**
 * A path within one questionnaire's pages, in the language of the request being answered
 * unless another is given. `rest` may start with `?` for the start page's own parameters.
 */
export function surveyPath(
	surveyId: string,
	rest = '',
	language: string | null = languageInUrl(getRequestEvent().url)
): string {
	const tail = !rest ? '' : rest.startsWith('?') ? rest : `/${rest}`;
	return withLanguage(`/s/${encodeURIComponent(surveyId)}${tail}`, language);
}

/** The cookie's path: the questionnaire's pages, whatever the language. */
function cookiePath(surveyId: string): string {
	return `/s/${encodeURIComponent(surveyId)}`;
}

export function readHeldKey(cookies: Cookies): HeldKey {
	return decodeHeldKey(cookies.get(ANSWERING_COOKIE));
}

export function holdKey(
	cookies: Cookies,
	url: URL,
	surveyId: string,
	held: { secret: string } | 'sent'
) {
	cookies.set(ANSWERING_COOKIE, encodeHeldKey(held), {
		path: cookiePath(surveyId),
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: ANSWERING_SECONDS
	});
}

export function forgetKey(cookies: Cookies, url: URL, surveyId: string) {
	cookies.delete(ANSWERING_COOKIE, {
		path: cookiePath(surveyId),
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:'
	});
}

/**
 * This request's questionnaire, in the language the address asks for: loaded once, for the
 * layout and the page alike (the layout's data carries only a small view of it).
 */
export function questionnaireOf(
	event: Pick<RequestEvent, 'locals' | 'params' | 'url'>
): Promise<Questionnaire | undefined> {
	event.locals.questionnaire ??= loadQuestionnaire(
		getDb(),
		event.params.survey ?? '',
		languageInUrl(event.url)
	);
	return event.locals.questionnaire;
}

/**
 * The questionnaire in the language the address asks for, or a friendly error page with the
 * right status when it cannot be used.
 */
export async function requireQuestionnaire(
	allowed: Availability[] = ['open']
): Promise<Questionnaire> {
	const q = await questionnaireOf(getRequestEvent());
	const problem = unavailable(q, allowed);
	if (problem || !q) error(problem?.status ?? 404, problem?.message ?? 'Not found');
	return q;
}

type JourneyEvent = Pick<RequestEvent, 'cookies' | 'url' | 'getClientAddress'>;

/** The draft this browser is answering in. */
export interface Answering {
	secret: string;
	draft: DraftContent;
}

/**
 * Who is answering. Code questionnaires need a code first; answers already sent lead to the page
 * that says so. A secret that opens no draft counts as a wrong try and is forgotten. Open
 * questionnaires may start with nothing (a draft is made on the first save).
 */
export async function requireRespondent(
	db: Db,
	q: Questionnaire,
	event: JourneyEvent,
	/**
	 * Sending: a secret that opens nothing almost always means these answers were sent a moment
	 * ago (a double click, two sends racing), so the family is told that rather than "lost".
	 */
	options: { sending?: boolean } = {}
): Promise<Answering | null> {
	const respondent = await identifyRespondent(db, q, readHeldKey(event.cookies));
	if (respondent.state === 'answering')
		return { secret: respondent.secret, draft: respondent.draft };
	if (respondent.state === 'new') return null;
	const language = languageInUrl(event.url);
	if (respondent.state === 'needs_code') redirect(303, surveyPath(q.survey.id, 'code', language));
	if (respondent.state === 'sent')
		redirect(303, surveyPath(q.survey.id, 'done?already=1', language));
	forgetKey(event.cookies, event.url, q.survey.id);
	const wait = await refuseUnknownDraft(db, requestClient(event));
	if (wait > 0) error(429, tooManyTries(wait, translator(q.language)));
	if (options.sending) redirect(303, surveyPath(q.survey.id, 'done?already=1', language));
	const start = q.survey.accessMode === 'code' ? 'code' : '';
	redirect(303, surveyPath(q.survey.id, `${start}?problem=lost`, language));
}

export type CodeAttempt =
	| { ok: true; next: string }
	| {
			ok: false;
			status: 400 | 409 | 429;
			problem: CodeProblem | 'draft_elsewhere';
			message: string;
	  };

/** What the code page says for each way a code can fail (never the code itself), by name. */
export const CODE_MESSAGES = {
	...CODE_PROBLEMS,
	draft_elsewhere: 'code.draftElsewhere',
	lost: 'code.lost'
} as const satisfies Record<string, TextKey>;

/**
 * Let a family in with their code: a new draft is made for this browser and its secret goes
 * into the cookie. `discard` means the family chose to throw away answers saved elsewhere.
 */
export async function enterCode(
	db: Db,
	q: Questionnaire,
	typed: string,
	event: JourneyEvent,
	discard = false
): Promise<CodeAttempt> {
	const admission = await admitWithCode(db, q, typed, requestClient(event), { discard });
	if (admission.ok) {
		holdKey(event.cookies, event.url, q.survey.id, { secret: admission.secret });
		return { ok: true, next: surveyPath(q.survey.id, 'p/1', languageInUrl(event.url)) };
	}
	if (admission.problem === 'too_many') {
		const message = tooManyTries(admission.retryAfterSeconds ?? 60, translator(q.language));
		return { ok: false, status: 429, problem: 'too_many', message };
	}
	const status = admission.problem === 'draft_elsewhere' ? 409 : 400;
	const message = translator(q.language)(CODE_MESSAGES[admission.problem]);
	return { ok: false, status, problem: admission.problem, message };
}

/** A code in the address (from a QR code or link) is used and taken out of the address at once. */
export async function admitFromLink(db: Db, q: Questionnaire, event: JourneyEvent): Promise<never> {
	const typed = event.url.searchParams.get('code') ?? '';
	if (q.availability !== 'open' || q.survey.accessMode !== 'code') {
		redirect(303, withLanguage(event.url.pathname, languageInUrl(event.url)));
	}
	const attempt = await enterCode(db, q, typed, event);
	if (attempt.ok) redirect(303, attempt.next);
	if (attempt.status === 429) error(429, attempt.message);
	redirect(
		303,
		surveyPath(q.survey.id, `code?problem=${attempt.problem}`, languageInUrl(event.url))
	);
}
