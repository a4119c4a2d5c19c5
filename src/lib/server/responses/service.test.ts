import { beforeEach, describe, expect, it } from 'vitest';
import { type Db } from '../db';
import type { SurveyOptions } from '../testing/fixtures';
import { createTestDb } from '../testing/db';
import { makeArea, makeSurvey, opts } from '../testing/fixtures';
import { createBatch } from './batches';
import { hashCode } from './codes';
import { hashResumeToken, loadDraft, saveDraft } from './drafts';
import {
	answerSummary,
	checkCode,
	decodeHeldKey,
	encodeHeldKey,
	identifyRespondent,
	keyHash,
	loadQuestionnaire,
	missingAnswers,
	newTokenKey,
	resumePage,
	savePage,
	sendAnswers,
	unavailable,
	type Questionnaire,
	type RespondentKey
} from './service';

let db: Db;
beforeEach(async () => {
	db = await createTestDb();
});

const QUESTIONS: SurveyOptions['questions'] = [
	{ kind: 'scale', prompt: 'I feel listened to.', required: 1, section: 'Support' },
	{
		kind: 'single',
		prompt: 'Where do you live?',
		section: 'Support',
		options: JSON.stringify(opts(['North', 'South']))
	},
	{ kind: 'text', prompt: 'Anything else?', section: 'Anything else', settings: '{"maxLength":20}' }
];

async function setUp(options: SurveyOptions = {}) {
	const area = await makeArea(db);
	const made = await makeSurvey(db, area.id, { questions: QUESTIONS, ...options });
	const { codes } = await createBatch(db, {
		localAreaId: area.id,
		surveyId: made.id,
		label: 'Letters',
		size: 3,
		createdBy: null
	});
	const q = (await loadQuestionnaire(db, made.id))!;
	return { q, codes, ids: q.questions.map((x) => x.id) };
}

function codeKey(code: string): RespondentKey {
	return { kind: 'code', code: code.replace('-', '') };
}

async function answerEverything(q: Questionnaire, key: RespondentKey, text = 'Thanks') {
	const [scale, district, other] = q.questions;
	await savePage(db, q, q.pages[0]!, key, { [scale!.id]: ['agree'], [district!.id]: [] }, 'next');
	await savePage(db, q, q.pages[1]!, key, { [other!.id]: [text] }, 'next');
}

describe('loadQuestionnaire and unavailable', () => {
	it('groups a parent survey into a page per section', async () => {
		const { q } = await setUp();
		expect(q.pages.map((p) => [p.title, p.questions.length])).toEqual([
			['Support', 2],
			['Anything else', 1]
		]);
		expect(q.availability).toBe('open');
		expect(unavailable(q)).toBeNull();
	});

	it('says in plain words, with a status, why a survey cannot be answered', async () => {
		const closed = (await setUp({ status: 'closed', closesOn: '2026-03-12' })).q;
		expect(unavailable(closed)).toEqual({
			status: 410,
			message: 'This questionnaire closed on 12 March 2026, so it cannot take answers now.'
		});
		const later = (await setUp({ opensOn: '2999-05-01' })).q;
		expect(unavailable(later)).toEqual({
			status: 403,
			message: 'This questionnaire opens on 1 May 2999. Please come back then.'
		});
		const draft = (await setUp({ status: 'draft' })).q;
		expect(unavailable(draft)?.status).toBe(404);
		expect(unavailable(undefined)?.status).toBe(404);
		expect(await loadQuestionnaire(db, 'nope')).toBeUndefined();
		// Some pages stay readable after closing.
		expect(unavailable(closed, ['open', 'closed'])).toBeNull();
	});

	it('gives young people one question a page', async () => {
		const { q } = await setUp({ audience: 'young_person', accessMode: 'open' });
		expect(q.pages.map((p) => p.questions.length)).toEqual([1, 1, 1]);
	});
});

describe('the key a browser holds', () => {
	it('round-trips codes, tokens and the sent note, and refuses anything else', () => {
		const token = newTokenKey();
		for (const held of [codeKey('K7QM2-XRT10'), token, 'sent'] as const) {
			expect(decodeHeldKey(encodeHeldKey(held))).toEqual(held);
		}
		for (const bad of [
			undefined,
			'',
			'c.SHORT',
			'c.K7QM2XRTU0',
			't.abc',
			'x.K7QM2XRT10',
			'sent '
		]) {
			expect(decodeHeldKey(bad)).toBeNull();
		}
	});

	it('reaches the database only as a hash', () => {
		expect(keyHash(codeKey('K7QM2-XRT10'))).toBe(hashCode('K7QM2XRT10'));
		const token = newTokenKey();
		expect(keyHash(token)).toBe(hashResumeToken((token as { token: string }).token));
	});
});

describe('identifyRespondent', () => {
	it('lets a code survey in only with a usable code', async () => {
		const { q, codes } = await setUp();
		expect(await identifyRespondent(db, q, null)).toEqual({ state: 'needs_code' });
		expect(await identifyRespondent(db, q, newTokenKey())).toEqual({ state: 'needs_code' });
		expect(await identifyRespondent(db, q, codeKey('K7QM2-XRT10'))).toEqual({
			state: 'needs_code'
		});
		const key = codeKey(codes[0]!);
		expect(await identifyRespondent(db, q, key)).toEqual({ state: 'answering', key });
		expect(await identifyRespondent(db, q, 'sent')).toEqual({ state: 'sent' });
		await answerEverything(q, key);
		await sendAnswers(db, q, key);
		expect(await identifyRespondent(db, q, key)).toEqual({ state: 'sent' });
	});

	it('lets anyone into an open survey, keeping their token', async () => {
		const { q } = await setUp({ accessMode: 'open' });
		const key = newTokenKey();
		expect(await identifyRespondent(db, q, null)).toEqual({ state: 'new' });
		expect(await identifyRespondent(db, q, key)).toEqual({ state: 'answering', key });
		expect(await identifyRespondent(db, q, 'sent')).toEqual({ state: 'sent' });
	});
});

describe('checkCode', () => {
	it('accepts a usable code however it is typed', async () => {
		const { q, codes } = await setUp();
		const typed = ` ${codes[0]!.toLowerCase().replace('-', ' ')} `;
		expect(await checkCode(db, q.survey.id, typed)).toEqual({ ok: true, key: codeKey(codes[0]!) });
	});

	it('tells malformed, unknown and used codes apart', async () => {
		const { q, codes } = await setUp();
		expect(await checkCode(db, q.survey.id, '1234')).toEqual({ ok: false, problem: 'malformed' });
		expect(await checkCode(db, q.survey.id, 'ZZZZZ-ZZZZZ')).toEqual({
			ok: false,
			problem: 'unknown'
		});
		const key = codeKey(codes[1]!);
		await answerEverything(q, key);
		await sendAnswers(db, q, key);
		expect(await checkCode(db, q.survey.id, codes[1]!)).toEqual({ ok: false, problem: 'used' });
	});

	it('does not accept another survey’s code', async () => {
		const first = await setUp();
		const second = await setUp();
		expect(await checkCode(db, second.q.survey.id, first.codes[0]!)).toEqual({
			ok: false,
			problem: 'unknown'
		});
	});
});

describe('savePage and resumePage', () => {
	it('keeps each page in the draft and knows where to pick up', async () => {
		const { q, codes, ids } = await setUp();
		const key = codeKey(codes[0]!);
		expect(resumePage(q.pages, {})).toBe(1);
		const first = await savePage(db, q, q.pages[0]!, key, { [ids[0]!]: ['agree'] }, 'next');
		expect(first).toEqual({ ok: true, answers: { [ids[0]!]: ['agree'], [ids[1]!]: [] } });
		expect(resumePage(q.pages, first.ok ? first.answers : {})).toBe(2);
		await savePage(db, q, q.pages[1]!, key, {}, 'next');
		const draft = await loadDraft(db, q.survey.id, keyHash(key));
		expect(resumePage(q.pages, draft!)).toBeNull();
	});

	it('asks for required answers before moving on, saving nothing', async () => {
		const { q, codes, ids } = await setUp();
		const key = codeKey(codes[0]!);
		const result = await savePage(db, q, q.pages[0]!, key, {}, 'next');
		expect(result).toEqual({
			ok: false,
			errors: [{ questionId: ids[0], message: 'Select an answer to “I feel listened to.”' }]
		});
		expect(await loadDraft(db, q.survey.id, keyHash(key))).toBeUndefined();
	});

	it('saves a half-answered page to come back to, and resumes there', async () => {
		const { q, codes, ids } = await setUp();
		const key = codeKey(codes[0]!);
		const result = await savePage(db, q, q.pages[0]!, key, { [ids[1]!]: ['north'] }, 'save');
		expect(result.ok).toBe(true);
		expect(resumePage(q.pages, result.ok ? result.answers : {})).toBe(1);
	});

	it('refuses tampered and over-long answers even when only saving, leaving the draft alone', async () => {
		const { q, codes, ids } = await setUp();
		const key = codeKey(codes[0]!);
		await savePage(db, q, q.pages[0]!, key, { [ids[0]!]: ['agree'] }, 'next');
		const before = await loadDraft(db, q.survey.id, keyHash(key));
		const attempts: [number, Record<string, string[]>][] = [
			[0, { [ids[0]!]: ['very-much'] }],
			[0, { [ids[0]!]: ['agree'], [ids[2]!]: ['from another page'] }],
			[0, { [ids[0]!]: ['agree'], 'not-a-question': ['agree'] }],
			[1, { [ids[2]!]: ['x'.repeat(21)] }]
		];
		for (const [page, raw] of attempts) {
			for (const intent of ['next', 'save'] as const) {
				const result = await savePage(db, q, q.pages[page]!, key, raw, intent);
				expect(result.ok).toBe(false);
			}
		}
		expect(await loadDraft(db, q.survey.id, keyHash(key))).toEqual(before);
	});
});

describe('answerSummary and missingAnswers', () => {
	it('shows every answer in words, page by page, with what is still missing', async () => {
		const { q, ids } = await setUp({ audience: 'young_person', accessMode: 'open' });
		const answers = { [ids[1]!]: ['south'], [ids[2]!]: ['Line one'] };
		const summary = answerSummary(q, answers);
		expect(summary.map((p) => p.answers.map((a) => [a.prompt, a.answer, a.page]))).toEqual([
			[['I feel listened to.', '', 1]],
			[['Where do you live?', 'South', 2]],
			[['Anything else?', 'Line one', 3]]
		]);
		expect(missingAnswers(q, answers)).toEqual([
			{ questionId: ids[0], message: 'Answer “I feel listened to.”' }
		]);
	});
});

describe('sendAnswers', () => {
	it('stores the draft as a response once, however often it is sent', async () => {
		const { q, codes } = await setUp();
		const key = codeKey(codes[0]!);
		await answerEverything(q, key);
		expect(await sendAnswers(db, q, key)).toEqual({ ok: true });
		expect(await sendAnswers(db, q, key)).toEqual({ ok: false, reason: 'already_sent' });
		expect(await db.selectFrom('responses').select('id').execute()).toHaveLength(1);
		expect(await db.selectFrom('drafts').select('keyHash').execute()).toEqual([]);
	});

	it('stores one response when two sends race', async () => {
		const { q } = await setUp({ accessMode: 'open' });
		const key = newTokenKey();
		await answerEverything(q, key);
		const outcomes = await Promise.all([sendAnswers(db, q, key), sendAnswers(db, q, key)]);
		expect(outcomes).toContainEqual({ ok: true });
		expect(outcomes).toContainEqual({ ok: false, reason: 'already_sent' });
		expect(await db.selectFrom('responses').select('id').execute()).toHaveLength(1);
	});

	it('has nothing to send before anything is saved', async () => {
		const { q, codes } = await setUp();
		expect(await sendAnswers(db, q, codeKey(codes[0]!))).toEqual({
			ok: false,
			reason: 'no_answers'
		});
		const open = await setUp({ accessMode: 'open' });
		expect(await sendAnswers(db, open.q, newTokenKey())).toEqual({
			ok: false,
			reason: 'already_sent'
		});
	});

	it('refuses incomplete answers and keeps the draft and the code', async () => {
		const { q, codes, ids } = await setUp();
		const key = codeKey(codes[0]!);
		await saveDraft(
			db,
			{ surveyId: q.survey.id, keyHash: keyHash(key), expiresOn: q.survey.closesOn },
			{ [ids[2]!]: ['Only this'] }
		);
		const outcome = await sendAnswers(db, q, key);
		expect(outcome).toMatchObject({ ok: false, reason: 'invalid' });
		expect(await db.selectFrom('responses').select('id').execute()).toEqual([]);
		expect(await loadDraft(db, q.survey.id, keyHash(key))).toBeDefined();
		expect(await checkCode(db, q.survey.id, codes[0]!)).toMatchObject({ ok: true });
	});

	it('refuses a survey that has closed since the answers were saved', async () => {
		const { q, codes } = await setUp();
		const key = codeKey(codes[0]!);
		await answerEverything(q, key);
		await db
			.updateTable('surveys')
			.set({ status: 'closed' })
			.where('id', '=', q.survey.id)
			.execute();
		const closed = (await loadQuestionnaire(db, q.survey.id))!;
		expect(await sendAnswers(db, closed, key)).toEqual({ ok: false, reason: 'not_open' });
		expect(await db.selectFrom('responses').select('id').execute()).toEqual([]);
	});
});
