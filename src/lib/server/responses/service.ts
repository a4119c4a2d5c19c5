/**
 * The respondent's journey: find the questionnaire, let a family in (code or open link), keep
 * each page's answers in the draft, check them and send them. Route handlers call these and only
 * turn the outcomes into pages; every rule about what a family may do lives here.
 */
import { questionType } from '$lib/questions/registry';
import { promptFor } from '$lib/questions/options';
import type { Question } from '$lib/questions/types';
import type { Db } from '../db';
import type { Survey } from '../db/schema';
import { availability, type Availability } from '../surveys/availability';
import { buildJourney, type JourneyPage } from '../surveys/journey';
import { findSurvey, findSurveyArea, listQuestions } from '../surveys/repository';
import { parseAnswers, type AnswerSet, type FieldError } from './answers';
import { codeState } from './batches';
import { hashCode, isWellFormedCode, normaliseCode } from './codes';
import { hashResumeToken, loadDraft, newResumeToken, saveDraft } from './drafts';
import { submitResponse, type SubmitOutcome } from './submit';
import { formatDate } from '$lib/dates';

export interface Questionnaire {
	survey: Survey;
	area: { id: string; name: string; slug: string; isDemo: number; youthGroup: string | null };
	questions: Question[];
	pages: JourneyPage[];
	availability: Availability;
}

/** A survey as families see it, whatever its state; undefined when there is no such survey. */
export async function loadQuestionnaire(
	db: Db,
	surveyId: string
): Promise<Questionnaire | undefined> {
	const survey = await findSurvey(db, surveyId);
	if (!survey) return undefined;
	const [area, questions] = await Promise.all([
		findSurveyArea(db, survey.localAreaId),
		listQuestions(db, survey.id)
	]);
	return {
		survey,
		area,
		questions,
		pages: buildJourney(survey.audience, questions),
		availability: availability(survey)
	};
}

export interface Unavailable {
	status: 403 | 404 | 410;
	message: string;
}

/**
 * Why families cannot use a questionnaire right now, as a status and plain words; null when
 * they can. A draft is not public yet, so to families it looks like a link that does not work.
 */
export function unavailable(
	q: Questionnaire | undefined,
	allowed: Availability[] = ['open']
): Unavailable | null {
	if (!q) {
		return {
			status: 404,
			message:
				'We cannot find this questionnaire. Check that the link or address is exactly as you were given it.'
		};
	}
	if (allowed.includes(q.availability)) return null;
	switch (q.availability) {
		case 'draft':
			return {
				status: 404,
				message:
					'This questionnaire is not ready yet. If someone sent you this link, please try again later.'
			};
		case 'not_yet_open':
			return {
				status: 403,
				message: `This questionnaire opens on ${formatDate(q.survey.opensOn)}. Please come back then.`
			};
		default:
			return {
				status: 410,
				message: `This questionnaire closed on ${formatDate(q.survey.closesOn)}, so it cannot take answers now.${
					q.survey.resultsOn
						? ` Results will be published from ${formatDate(q.survey.resultsOn)}.`
						: ''
				}`
			};
	}
}

/** What lets one family keep and send their answers: their access code or a resume token. */
export type RespondentKey = { kind: 'code'; code: string } | { kind: 'token'; token: string };

/** The key's hash: the only form in which it reaches the database. */
export function keyHash(key: RespondentKey): string {
	return key.kind === 'code' ? hashCode(key.code) : hashResumeToken(key.token);
}

export function newTokenKey(): RespondentKey {
	return { kind: 'token', token: newResumeToken() };
}

/** What the respondent's browser holds: a key, a note that the answers were sent, or nothing. */
export type HeldKey = RespondentKey | 'sent' | null;

export function encodeHeldKey(held: RespondentKey | 'sent'): string {
	if (held === 'sent') return 'sent';
	return held.kind === 'code' ? `c.${held.code}` : `t.${held.token}`;
}

export function decodeHeldKey(value: string | undefined): HeldKey {
	if (value === 'sent') return 'sent';
	const code = /^c\.([0-9A-Z]{1,20})$/.exec(value ?? '')?.[1];
	if (code && isWellFormedCode(code)) return { kind: 'code', code };
	const token = /^t\.([a-z2-7]{24})$/.exec(value ?? '')?.[1];
	return token ? { kind: 'token', token } : null;
}

export type Respondent =
	| { state: 'answering'; key: RespondentKey }
	/** An open survey with nothing saved yet: a key is made on the first save. */
	| { state: 'new' }
	| { state: 'needs_code' }
	| { state: 'sent' };

/** Where someone stands with a questionnaire, from what their browser holds. */
export async function identifyRespondent(
	db: Db,
	q: Questionnaire,
	held: HeldKey
): Promise<Respondent> {
	if (held === 'sent') return { state: 'sent' };
	if (q.survey.accessMode === 'code') {
		if (held?.kind !== 'code') return { state: 'needs_code' };
		const state = await codeState(db, q.survey.id, keyHash(held));
		if (state === 'usable') return { state: 'answering', key: held };
		return state === 'used' ? { state: 'sent' } : { state: 'needs_code' };
	}
	return held?.kind === 'token' ? { state: 'answering', key: held } : { state: 'new' };
}

export type CodeProblem = 'malformed' | 'unknown' | 'used';

export const CODE_PROBLEMS: Record<CodeProblem, string> = {
	malformed:
		'Enter the code exactly as it is on your letter: 10 letters and numbers, like K7QM2-XRT9H',
	unknown: 'We do not recognise that code. Check it against your letter and try again',
	used: 'This code has already been used to send answers, and each code works once. If you did not send them, contact the team who sent you the letter'
};

/** Checks a typed code (any case, spaces or dashes) against the survey's codes. */
export async function checkCode(
	db: Db,
	surveyId: string,
	typed: string
): Promise<{ ok: true; key: RespondentKey } | { ok: false; problem: CodeProblem }> {
	const code = normaliseCode(typed);
	if (!isWellFormedCode(code)) return { ok: false, problem: 'malformed' };
	const state = await codeState(db, surveyId, hashCode(code));
	if (state === 'usable') return { ok: true, key: { kind: 'code', code } };
	return { ok: false, problem: state };
}

export async function loadAnswers(
	db: Db,
	q: Questionnaire,
	key: RespondentKey | null
): Promise<AnswerSet> {
	return (key && (await loadDraft(db, q.survey.id, keyHash(key)))) || {};
}

/**
 * The page to go back to: the first one with a question never saved or a required answer
 * missing. Null when every page is done and the family can check their answers.
 */
export function resumePage(pages: JourneyPage[], answers: AnswerSet): number | null {
	const page = pages.find((p) =>
		p.questions.some((q) => !(q.id in answers) || (q.required && !answers[q.id]?.length))
	);
	return page?.number ?? null;
}

export type PageIntent = 'next' | 'save';

/** A form for another questionnaire, or one altered or left over from before: nothing is saved. */
export const STALE_FORM =
	'This form is out of date or was changed, so nothing on it was saved. Please answer this page again.';

/**
 * Keep one page's answers in the draft. "Save and come back later" keeps a half-answered page,
 * so required answers may be missing then; answers that are not allowed are refused either way.
 */
export async function savePage(
	db: Db,
	q: Questionnaire,
	page: JourneyPage,
	key: RespondentKey,
	raw: Record<string, string[]>,
	intent: PageIntent
): Promise<{ ok: true; answers: AnswerSet } | { ok: false; errors: FieldError[] }> {
	const questions =
		intent === 'save' ? page.questions.map((x) => ({ ...x, required: false })) : page.questions;
	const { values, errors } = parseAnswers(questions, raw);
	if (errors.length > 0) return { ok: false, errors };
	const answers = await saveDraft(
		db,
		{ surveyId: q.survey.id, keyHash: keyHash(key), expiresOn: q.survey.closesOn },
		values
	);
	return { ok: true, answers };
}

export interface CheckedAnswer {
	questionId: string;
	prompt: string;
	answer: string;
	page: number;
}

/** Every question with the answer in words, page by page, for the check-your-answers page. */
export function answerSummary(q: Questionnaire, answers: AnswerSet) {
	const easyRead = q.survey.audience === 'young_person';
	return q.pages.map((page) => ({
		number: page.number,
		title: page.title,
		answers: page.questions.map((question): CheckedAnswer => ({
			questionId: question.id,
			prompt: promptFor(question, easyRead),
			answer: answers[question.id]?.length
				? questionType(question.kind).display(question, answers[question.id]!, easyRead)
				: '',
			page: page.number
		}))
	}));
}

/** Required questions not yet answered, as messages that link to their page. */
export function missingAnswers(q: Questionnaire, answers: AnswerSet): FieldError[] {
	const easyRead = q.survey.audience === 'young_person';
	return q.questions
		.filter((question) => question.required && !answers[question.id]?.length)
		.map((question) => ({
			questionId: question.id,
			message: `Answer “${promptFor(question, easyRead)}”`
		}));
}

export type SendOutcome = SubmitOutcome | { ok: false; reason: 'no_answers' };

/**
 * Send the draft as the response. The draft must still be there, so a replayed or double-clicked
 * send stores nothing the second time; a code is marked used in the same transaction.
 */
export async function sendAnswers(
	db: Db,
	q: Questionnaire,
	key: RespondentKey
): Promise<SendOutcome> {
	const hash = keyHash(key);
	const answers = await loadDraft(db, q.survey.id, hash);
	if (!answers) {
		// No draft: the answers went already, unless a code family has simply not started.
		const usable = key.kind === 'code' && (await codeState(db, q.survey.id, hash)) === 'usable';
		return { ok: false, reason: usable ? 'no_answers' : 'already_sent' };
	}
	return submitResponse(db, {
		survey: q.survey,
		questions: q.questions,
		answers,
		channel: 'web',
		codeHash: key.kind === 'code' ? hash : undefined,
		draftKeyHash: hash
	});
}
