/**
 * The respondent routes' side of the journey: which questionnaire, and what the browser holds.
 * The only cookie is short-lived and scoped to one questionnaire's pages; it carries the access
 * code or resume token so the draft can be found, and nothing else.
 */
import { error, redirect, type Cookies, type RequestEvent } from '@sveltejs/kit';
import type { Db } from '../db';
import type { Availability } from '../surveys/availability';
import { requestClient } from '../clients';
import { wrongCodes } from './code-limiter';
import {
	CODE_PROBLEMS,
	checkCode,
	decodeHeldKey,
	encodeHeldKey,
	identifyRespondent,
	loadAnswers,
	loadQuestionnaire,
	resumePage,
	unavailable,
	type CodeProblem,
	type HeldKey,
	type Questionnaire,
	type RespondentKey
} from './service';

export const ANSWERING_COOKIE = 'heard_answering';
/** Long enough to answer in one sitting; "save and come back later" covers the rest. */
const ANSWERING_SECONDS = 4 * 60 * 60;

/** A path within one questionnaire's pages. */
export function surveyPath(surveyId: string, rest = ''): string {
	return `/s/${encodeURIComponent(surveyId)}${rest ? `/${rest}` : ''}`;
}

export function readHeldKey(cookies: Cookies): HeldKey {
	return decodeHeldKey(cookies.get(ANSWERING_COOKIE));
}

export function holdKey(
	cookies: Cookies,
	url: URL,
	surveyId: string,
	held: RespondentKey | 'sent'
) {
	cookies.set(ANSWERING_COOKIE, encodeHeldKey(held), {
		path: surveyPath(surveyId),
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: ANSWERING_SECONDS
	});
}

export function forgetKey(cookies: Cookies, url: URL, surveyId: string) {
	cookies.delete(ANSWERING_COOKIE, {
		path: surveyPath(surveyId),
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:'
	});
}

/** The questionnaire, or a friendly error page with the right status when it cannot be used. */
export async function requireQuestionnaire(
	db: Db,
	surveyId: string,
	allowed: Availability[] = ['open']
): Promise<Questionnaire> {
	const q = await loadQuestionnaire(db, surveyId);
	const problem = unavailable(q, allowed);
	if (problem || !q) error(problem?.status ?? 404, problem?.message ?? 'Not found');
	return q;
}

/**
 * Who is answering. Code surveys need a usable code first; answers already sent lead to the
 * page that says so. Open surveys may start with no key (one is made on the first save).
 */
export async function requireRespondent(
	db: Db,
	q: Questionnaire,
	cookies: Cookies
): Promise<RespondentKey | null> {
	const respondent = await identifyRespondent(db, q, readHeldKey(cookies));
	if (respondent.state === 'needs_code') redirect(303, surveyPath(q.survey.id, 'code'));
	if (respondent.state === 'sent') redirect(303, surveyPath(q.survey.id, 'done?already=1'));
	return respondent.state === 'answering' ? respondent.key : null;
}

type CodeEvent = Pick<RequestEvent, 'cookies' | 'url' | 'request' | 'getClientAddress'>;

export type CodeAttempt =
	| { ok: true; next: string }
	| { ok: false; status: 400 | 429; problem: CodeProblem | 'too_many'; message: string };

/**
 * Let a family in with their code: on success the code goes into the cookie and they go on to
 * where they left off. Wrong codes count towards a limit per client.
 */
export async function tryCode(
	db: Db,
	q: Questionnaire,
	typed: string,
	event: CodeEvent
): Promise<CodeAttempt> {
	const client = requestClient(event);
	const wait = wrongCodes.waitSeconds(client);
	if (wait > 0) {
		const minutes = Math.ceil(wait / 60);
		return {
			ok: false,
			status: 429,
			problem: 'too_many',
			message: `You have entered too many codes that did not work. Wait ${minutes} ${minutes === 1 ? 'minute' : 'minutes'} and try again`
		};
	}
	const checked = await checkCode(db, q.survey.id, typed);
	if (!checked.ok) {
		wrongCodes.recordWrong(client);
		return {
			ok: false,
			status: 400,
			problem: checked.problem,
			message: CODE_PROBLEMS[checked.problem]
		};
	}
	holdKey(event.cookies, event.url, q.survey.id, checked.key);
	const page = resumePage(q.pages, await loadAnswers(db, q, checked.key));
	return { ok: true, next: surveyPath(q.survey.id, page ? `p/${page}` : 'check') };
}

/** A code in the address (from a QR code or link) is used and taken out of the address at once. */
export async function admitWithCode(db: Db, q: Questionnaire, event: CodeEvent): Promise<never> {
	const typed = event.url.searchParams.get('code') ?? '';
	if (q.availability !== 'open' || q.survey.accessMode !== 'code') {
		redirect(303, event.url.pathname);
	}
	const attempt = await tryCode(db, q, typed, event);
	if (attempt.ok) redirect(303, attempt.next);
	if (attempt.problem === 'too_many') error(429, attempt.message);
	redirect(303, surveyPath(q.survey.id, `code?problem=${attempt.problem}`));
}
