/**
 * The respondent's journey: find the questionnaire, let a family in (code or open link), keep
 * each page's answers in the draft, check them and send them. Route handlers call these and only
 * turn the outcomes into pages; every rule about what a family may do lives here.
 */
import { questionType } from '$lib/questions/registry';
import { promptFor } from '$lib/questions/options';
import type { Question } from '$lib/questions/types';
import { formatDateIn, translator, type Language, type Text, type TextKey } from '$lib/i18n';
import { inTransaction, type Db } from '../db';
import type { Survey } from '../db/schema';
import { LIMITS, giveBack, take } from '../limits/limiter';
import { availability, type Availability } from '../surveys/availability';
import { buildJourney, type JourneyPage } from '../surveys/journey';
import { Memo } from '../memo';
import { findSurveyForFamilies, listQuestions } from '../surveys/repository';
import {
	languageStatuses,
	listTranslations,
	offeredLanguages,
	surveyStrings,
	translateWording
} from '../surveys/translations';
import { parseAnswers, type AnswerSet, type FieldError } from './answers';
import { claimCodeForDraft, findCode } from './batches';
import { hashCode, isWellFormedCode, normaliseCode } from './codes';
import {
	DRAFT_SECRET_PATTERN,
	discardDraft,
	draftExists,
	draftId,
	moveDraft,
	newDraftSecret,
	openDraft,
	writeDraft,
	type DraftContent
} from './drafts';
import { submitResponse, type SubmitOutcome } from './submit';

export interface Questionnaire {
	survey: Survey;
	area: { id: string; name: string; slug: string; isDemo: number; youthGroup: string | null };
	questions: Question[];
	pages: JourneyPage[];
	availability: Availability;
	/** The language the family sees it in (English unless they chose another that is offered). */
	language: Language;
	/** English and every language the questionnaire is completely translated into. */
	offered: Language[];
}

/**
 * What every page of a questionnaire shows around its own content (the layout's data): the
 * survey, its area and languages, without the questions, which each page takes its own part of.
 * Layout data is written into every page, so it stays this small.
 */
export interface FamilyView {
	survey: Survey;
	area: Questionnaire['area'];
	language: Language;
	offered: Language[];
	pageCount: number;
}

export function familyView(q: Questionnaire): FamilyView {
	return {
		survey: q.survey,
		area: q.area,
		language: q.language,
		offered: q.offered,
		pageCount: q.pages.length
	};
}

/** What families see of a questionnaire's words in one language, and what it is offered in. */
interface Shaped {
	title: string;
	intro: string;
	questions: Question[];
	pages: JourneyPage[];
	language: Language;
	offered: Language[];
}

// An opened questionnaire's words never change (the builder freezes them once it opens), so what
// is built from them is kept per questionnaire, language asked for and state of its
// translations, which can still be added while it is open. Drafts are always read afresh.
const shapedWords = new Memo<Shaped>(200);

async function shape(db: Db, survey: Survey, wanted: string | null): Promise<Shaped> {
	const [questions, stored] = await Promise.all([
		listQuestions(db, survey.id),
		listTranslations(db, survey.id)
	]);
	const offered = offeredLanguages(languageStatuses(surveyStrings(survey, questions), stored));
	const language = offered.find((l) => l === wanted) ?? 'en';
	const texts = stored.get(language);
	const shown =
		language === 'en' || !texts
			? { survey, questions }
			: translateWording(survey, questions, texts);
	return {
		title: shown.survey.title,
		intro: shown.survey.intro,
		questions: shown.questions,
		pages: buildJourney(survey.audience, shown.questions),
		language,
		offered
	};
}

/**
 * A survey as families see it, whatever its state; undefined when there is no such survey.
 * `wanted` is the language the family asked for: they get it when every string of the
 * questionnaire is translated into it, and English otherwise (never a mixture).
 */
export async function loadQuestionnaire(
	db: Db,
	surveyId: string,
	wanted: string | null = null
): Promise<Questionnaire | undefined> {
	const found = await findSurveyForFamilies(db, surveyId);
	if (!found) return undefined;
	const { survey, area, translationsVersion: translated } = found;
	const key = [survey.id, wanted ?? '', translated].join('\u0000');
	const frozen = survey.status !== 'draft';
	const kept = frozen ? shapedWords.get(key) : undefined;
	const shaped = kept ?? (await shape(db, survey, wanted));
	if (frozen && !kept) shapedWords.set(key, shaped);
	return {
		survey: { ...survey, title: shaped.title, intro: shaped.intro },
		area,
		questions: shaped.questions,
		pages: shaped.pages,
		availability: availability(survey),
		language: shaped.language,
		offered: shaped.offered
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
	if (!q) return { status: 404, message: translator('en')('error.missing') };
	if (allowed.includes(q.availability)) return null;
	const date = (iso: string) => formatDateIn(q.language, iso);
	switch (q.availability) {
		case 'draft':
			return { status: 404, message: translator(q.language)('error.notReady') };
		case 'not_yet_open':
			return {
				status: 403,
				message: translator(q.language)('error.notYetOpen', { date: date(q.survey.opensOn) })
			};
		default:
			return {
				status: 410,
				message: q.survey.resultsOn
					? translator(q.language)('error.closedResults', {
							date: date(q.survey.closesOn),
							results: date(q.survey.resultsOn)
						})
					: translator(q.language)('error.closed', { date: date(q.survey.closesOn) })
			};
	}
}

/** What the respondent's browser holds: a draft secret, a note that the answers were sent, or nothing. */
export type HeldKey = { secret: string } | 'sent' | null;

export function encodeHeldKey(held: { secret: string } | 'sent'): string {
	return held === 'sent' ? 'sent' : `d.${held.secret}`;
}

export function decodeHeldKey(value: string | undefined): HeldKey {
	if (value === 'sent') return 'sent';
	const secret = /^d\.([a-z2-7]+)$/.exec(value ?? '')?.[1];
	return secret && DRAFT_SECRET_PATTERN.test(secret) ? { secret } : null;
}

export type Respondent =
	| { state: 'answering'; secret: string; draft: DraftContent }
	/** Nothing saved yet: an open questionnaire makes a draft on the first save. */
	| { state: 'new' }
	| { state: 'needs_code' }
	| { state: 'sent' }
	/** The browser holds a secret that opens no draft: refused like a wrong code. */
	| { state: 'no_draft' };

/** Where someone stands with a questionnaire, from what their browser holds. */
export async function identifyRespondent(
	db: Db,
	q: Questionnaire,
	held: HeldKey
): Promise<Respondent> {
	if (held === 'sent') return { state: 'sent' };
	if (held) {
		const draft = await openDraft(db, q.survey.id, held.secret);
		return draft ? { state: 'answering', secret: held.secret, draft } : { state: 'no_draft' };
	}
	return q.survey.accessMode === 'code' ? { state: 'needs_code' } : { state: 'new' };
}

export type CodeProblem = 'malformed' | 'unknown' | 'used' | 'too_many';

/** The message for each way a code can fail, by its key in the journey's words. */
export const CODE_PROBLEMS = {
	malformed: 'code.malformed',
	unknown: 'code.unknown',
	used: 'code.used'
} as const satisfies Record<Exclude<CodeProblem, 'too_many'>, TextKey>;

export function tooManyTries(seconds: number, text: Text = translator('en')): string {
	const minutes = Math.ceil(seconds / 60);
	return minutes === 1 ? text('error.tooManyTriesOne') : text('error.tooManyTries', { n: minutes });
}

export type Admission =
	| { ok: true; secret: string; answers: AnswerSet }
	| { ok: false; problem: CodeProblem; retryAfterSeconds?: number }
	/** Someone holding this code has saved answers somewhere: they can only be discarded here. */
	| { ok: false; problem: 'draft_elsewhere' };

/**
 * Let a family in with the code from their letter. The code proves only that they may answer
 * once: it opens no saved answers. A fresh draft is made for this browser; if the code already
 * has one (on another device, or in a browser whose visit ended), the family is told so and may
 * start again only by discarding it (`discard: true`), never by reading it. Every try counts
 * against the client's limit for wrong codes and is given back when the code was right.
 */
export async function admitWithCode(
	db: Db,
	q: Questionnaire,
	typed: string,
	client: string,
	options: { discard?: boolean } = {}
): Promise<Admission> {
	const taken = await take(db, LIMITS.wrongKey, client);
	if (!taken.ok)
		return { ok: false, problem: 'too_many', retryAfterSeconds: taken.retryAfterSeconds };
	const code = normaliseCode(typed);
	if (!isWellFormedCode(code)) return { ok: false, problem: 'malformed' };
	const codeHash = hashCode(code);
	const found = await findCode(db, q.survey.id, codeHash);
	if (!found) return { ok: false, problem: 'unknown' };
	await giveBack(db, LIMITS.wrongKey, client);
	if (found.used) return { ok: false, problem: 'used' };
	const secret = newDraftSecret();
	const started = await inTransaction(db, async (trx) => {
		if (found.draftId && (await draftExists(trx, found.draftId))) {
			if (!options.discard) return false;
			await discardDraft(trx, found.draftId);
		}
		const claimed = await claimCodeForDraft(
			trx,
			q.survey.id,
			codeHash,
			found.draftId,
			draftId(secret)
		);
		if (!claimed) return false;
		await writeDraft(
			trx,
			{ surveyId: q.survey.id, secret, expiresOn: q.survey.closesOn },
			{ answers: {}, codeHash, language: q.language }
		);
		return true;
	});
	return started ? { ok: true, secret, answers: {} } : { ok: false, problem: 'draft_elsewhere' };
}

/**
 * Counts a secret that opened nothing (a forged or old cookie, a used resume link) against the
 * same limit as a wrong code. Returns how long to wait when the client is over it.
 */
export async function refuseUnknownDraft(db: Db, client: string): Promise<number> {
	const taken = await take(db, LIMITS.wrongKey, client);
	return taken.ok ? 0 : taken.retryAfterSeconds;
}

/**
 * A resume link: the draft moves to a new secret, which only this browser gets, so the link
 * works once. Undefined when the link opens nothing (it counts as a wrong try).
 */
export async function resumeDraft(
	db: Db,
	q: Questionnaire,
	secret: string,
	client: string
): Promise<
	| { ok: true; secret: string; answers: AnswerSet; language: string | null }
	| { ok: false; retryAfterSeconds: number }
> {
	const taken = await take(db, LIMITS.wrongKey, client);
	if (!taken.ok) return { ok: false, retryAfterSeconds: taken.retryAfterSeconds };
	const next = newDraftSecret();
	const moved = await moveDraft(db, {
		surveyId: q.survey.id,
		from: secret,
		to: next,
		expiresOn: q.survey.closesOn
	});
	if (!moved) return { ok: false, retryAfterSeconds: 0 };
	await giveBack(db, LIMITS.wrongKey, client);
	return { ok: true, secret: next, answers: moved.answers, language: moved.language ?? null };
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

export type SaveOutcome =
	{ ok: true; secret: string; answers: AnswerSet } | { ok: false; errors: FieldError[] };

/**
 * Keep one page's answers in the draft. "Save and come back later" keeps a half-answered page,
 * so required answers may be missing then; answers that are not allowed are refused either way.
 * On an open questionnaire the first save makes the draft and its secret (a limit per client
 * stops a script filling the table with drafts).
 */
export async function savePage(
	db: Db,
	q: Questionnaire,
	page: JourneyPage,
	held: { secret: string; draft: DraftContent } | null,
	raw: Record<string, string[]>,
	intent: PageIntent,
	client: string
): Promise<SaveOutcome> {
	const questions =
		intent === 'save' ? page.questions.map((x) => ({ ...x, required: false })) : page.questions;
	const { values, errors } = parseAnswers(questions, raw, translator(q.language));
	if (errors.length > 0) return { ok: false, errors };
	let current = held;
	if (!current) {
		if (q.survey.accessMode === 'code')
			return {
				ok: false,
				errors: [{ questionId: null, message: translator(q.language)('error.stale') }]
			};
		const taken = await take(db, LIMITS.newDraft, client);
		if (!taken.ok) {
			const minutes = Math.ceil(taken.retryAfterSeconds / 60);
			return {
				ok: false,
				errors: [
					{
						questionId: null,
						message:
							minutes === 1
								? translator(q.language)('error.tooManyStartedOne')
								: translator(q.language)('error.tooManyStarted', { n: minutes })
					}
				]
			};
		}
		current = { secret: newDraftSecret(), draft: { answers: {}, codeHash: null } };
	}
	const answers = { ...current.draft.answers, ...values };
	await writeDraft(
		db,
		{ surveyId: q.survey.id, secret: current.secret, expiresOn: q.survey.closesOn },
		{ answers, codeHash: current.draft.codeHash, language: q.language }
	);
	return { ok: true, secret: current.secret, answers };
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
			message: translator(q.language)('error.answer', { prompt: promptFor(question, easyRead) })
		}));
}

export type SendOutcome = SubmitOutcome | { ok: false; reason: 'no_answers' };

/**
 * Send the draft as the response. The draft must still be there, so a replayed or double-clicked
 * send stores nothing the second time; its code is spent in the same transaction.
 */
export async function sendAnswers(
	db: Db,
	q: Questionnaire,
	held: { secret: string; draft: DraftContent }
): Promise<SendOutcome> {
	if (Object.keys(held.draft.answers).length === 0) return { ok: false, reason: 'no_answers' };
	return submitResponse(db, {
		survey: q.survey,
		questions: q.questions,
		answers: held.draft.answers,
		channel: 'web',
		codeHash: held.draft.codeHash ?? undefined,
		draftId: draftId(held.secret),
		language: q.language,
		text: translator(q.language)
	});
}
