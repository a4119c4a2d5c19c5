import { beforeEach, describe, expect, it } from 'vitest';
import { type Db } from '../db';
import type { SurveyOptions } from '$testing/fixtures';
import { createTestDb } from '$testing/db';
import { makeArea, makeSurvey, opts } from '$testing/fixtures';
import { createBatch, findCode } from './batches';
import { hashCode, normaliseCode } from './codes';
import { draftId, newDraftSecret, openDraft, writeDraft } from './drafts';
import { countPending } from './release';
import {
	admitWithCode,
	answerSummary,
	decodeHeldKey,
	encodeHeldKey,
	identifyRespondent,
	loadQuestionnaire,
	missingAnswers,
	resumeDraft,
	resumePage,
	savePage,
	sendAnswers,
	unavailable,
	type Questionnaire
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
		size: 10,
		createdBy: null
	});
	const q = (await loadQuestionnaire(db, made.id))!;
	return { q, codes, ids: q.questions.map((x) => x.id) };
}

/** The draft a secret opens, as the routes hand it to the service. */
async function held(q: Questionnaire, secret: string) {
	const draft = await openDraft(db, q.survey.id, secret);
	if (!draft) throw new Error('no draft for that secret');
	return { secret, draft };
}

/** A family lets themselves in with a code and gets their own draft secret. */
async function enter(q: Questionnaire, code: string, client = 'family') {
	const admitted = await admitWithCode(db, q, code, client);
	if (!admitted.ok) throw new Error(`not admitted: ${admitted.problem}`);
	return admitted.secret;
}

/** Answers every page (the scale, nothing for the district, some text) and returns the secret. */
async function answerEverything(q: Questionnaire, secret: string | null, text = 'Thanks') {
	const [scale, district, other] = q.questions;
	const first = await savePage(
		db,
		q,
		q.pages[0]!,
		secret ? await held(q, secret) : null,
		{ [scale!.id]: ['agree'], [district!.id]: [] },
		'next',
		'family'
	);
	if (!first.ok) throw new Error('first page refused');
	await savePage(
		db,
		q,
		q.pages[1]!,
		await held(q, first.secret),
		{ [other!.id]: [text] },
		'next',
		'family'
	);
	return first.secret;
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

describe('what a browser holds', () => {
	it('round-trips a draft secret and the sent note, and refuses anything else', () => {
		const secret = newDraftSecret();
		for (const h of [{ secret }, 'sent'] as const)
			expect(decodeHeldKey(encodeHeldKey(h))).toEqual(h);
		for (const bad of [undefined, '', 'd.short', `d.${secret}X`, `c.K7QM2XRT10`, 'sent ']) {
			expect(decodeHeldKey(bad)).toBeNull();
		}
	});

	it('is a secret that opens the draft, or nothing', async () => {
		const { q, codes } = await setUp();
		expect(await identifyRespondent(db, q, null)).toEqual({ state: 'needs_code' });
		expect(await identifyRespondent(db, q, { secret: newDraftSecret() })).toEqual({
			state: 'no_draft'
		});
		const secret = await enter(q, codes[0]!);
		expect(await identifyRespondent(db, q, { secret })).toMatchObject({
			state: 'answering',
			secret,
			draft: { answers: {}, codeHash: hashCode(normaliseCode(codes[0]!)) }
		});
		expect(await identifyRespondent(db, q, 'sent')).toEqual({ state: 'sent' });
		const open = await setUp({ accessMode: 'open' });
		expect(await identifyRespondent(db, open.q, null)).toEqual({ state: 'new' });
	});
});

describe('admitWithCode', () => {
	it('accepts a usable code however it is typed, with a fresh draft for this browser', async () => {
		const { q, codes } = await setUp();
		const typed = ` ${codes[0]!.toLowerCase().replace('-', ' ')} `;
		const admitted = await admitWithCode(db, q, typed, 'family');
		expect(admitted).toMatchObject({ ok: true, answers: {} });
		const code = await findCode(db, q.survey.id, hashCode(normaliseCode(codes[0]!)));
		expect(code).toEqual({ used: false, draftId: admitted.ok ? draftId(admitted.secret) : '' });
	});

	it('tells malformed, unknown and used codes apart', async () => {
		const { q, codes } = await setUp();
		expect(await admitWithCode(db, q, '1234', 'a')).toEqual({ ok: false, problem: 'malformed' });
		expect(await admitWithCode(db, q, 'ZZZZZ-ZZZZZ', 'b')).toEqual({
			ok: false,
			problem: 'unknown'
		});
		const secret = await answerEverything(q, await enter(q, codes[1]!));
		expect(await sendAnswers(db, q, await held(q, secret))).toEqual({ ok: true });
		expect(await admitWithCode(db, q, codes[1]!, 'c')).toEqual({ ok: false, problem: 'used' });
	});

	it('does not accept another questionnaire’s code', async () => {
		const first = await setUp();
		const second = await setUp();
		expect(await admitWithCode(db, second.q, first.codes[0]!, 'a')).toEqual({
			ok: false,
			problem: 'unknown'
		});
	});

	it('stops a client after five wrong codes, counting every try, even a right one, until the window passes', async () => {
		const { q, codes } = await setUp();
		for (let i = 0; i < 5; i++) {
			expect(await admitWithCode(db, q, 'ZZZZZ-ZZZZ' + i, 'guesser')).toMatchObject({ ok: false });
		}
		expect(await admitWithCode(db, q, codes[0]!, 'guesser')).toMatchObject({
			ok: false,
			problem: 'too_many'
		});
		expect(await admitWithCode(db, q, codes[0]!, 'someone else')).toMatchObject({ ok: true });
	});

	it('lets five of fifty parallel guesses be checked at all', async () => {
		const { q } = await setUp();
		const results = await Promise.all(
			Array.from({ length: 50 }, (_, i) =>
				admitWithCode(db, q, `ZZZZZ-ZZZ${String(i).padStart(2, '0')}`, 'swarm')
			)
		);
		expect(results.filter((r) => !r.ok && r.problem !== 'too_many')).toHaveLength(5);
	});
});

describe('a code is never a key to answers (the code holder as attacker)', () => {
	it('gives someone who types a family’s code none of their saved answers, only the choice to discard them', async () => {
		const { q, codes, ids } = await setUp();
		const family = await enter(q, codes[0]!);
		await savePage(
			db,
			q,
			q.pages[0]!,
			await held(q, family),
			{ [ids[0]!]: ['disagree'], [ids[1]!]: ['south'] },
			'save',
			'family'
		);

		// The officer who made the batch holds every code.
		const tried = await admitWithCode(db, q, codes[0]!, 'officer');
		expect(tried).toEqual({ ok: false, problem: 'draft_elsewhere' });
		expect(JSON.stringify(tried)).not.toContain('south');
		// The family's draft is untouched and still theirs alone.
		expect((await held(q, family)).draft.answers[ids[1]!]).toEqual(['south']);

		// Discarding starts afresh with nothing of theirs, and their old secret opens nothing.
		const fresh = await admitWithCode(db, q, codes[0]!, 'officer', { discard: true });
		expect(fresh).toMatchObject({ ok: true, answers: {} });
		expect(await openDraft(db, q.survey.id, family)).toBeUndefined();
	});

	it('cannot send a family’s answers: the draft is found only by its secret', async () => {
		const { q, codes } = await setUp();
		const family = await answerEverything(q, await enter(q, codes[0]!));
		// A made-up secret opens nothing, and so sends nothing.
		expect(await identifyRespondent(db, q, { secret: newDraftSecret() })).toEqual({
			state: 'no_draft'
		});
		expect(await sendAnswers(db, q, await held(q, family))).toEqual({ ok: true });
	});

	it('keeps no answer readable in the drafts table', async () => {
		const { q, codes, ids } = await setUp();
		const secret = await enter(q, codes[0]!);
		await savePage(
			db,
			q,
			q.pages[1]!,
			await held(q, secret),
			{ [ids[2]!]: ['Our Ms Jones'] },
			'save',
			'f'
		);
		const rows = JSON.stringify(await db.selectFrom('drafts').selectAll().execute());
		expect(rows).not.toContain('Ms Jones');
		expect(rows).not.toContain(hashCode(normaliseCode(codes[0]!)));
		expect(rows).not.toContain(secret);
	});
});

describe('resumeDraft', () => {
	it('moves the draft to a new secret, so a resume link works once', async () => {
		const { q, ids } = await setUp({ accessMode: 'open' });
		const saved = await savePage(db, q, q.pages[0]!, null, { [ids[1]!]: ['north'] }, 'save', 'f');
		const link = saved.ok ? saved.secret : '';
		const resumed = await resumeDraft(db, q, link, 'f');
		expect(resumed).toMatchObject({ ok: true, answers: { [ids[1]!]: ['north'] } });
		expect(resumed.ok && resumed.secret).not.toBe(link);
		expect(await resumeDraft(db, q, link, 'someone who copied the link')).toEqual({
			ok: false,
			retryAfterSeconds: 0
		});
		expect((await held(q, resumed.ok ? resumed.secret : '')).draft.answers[ids[1]!]).toEqual([
			'north'
		]);
	});

	it('keeps a code draft pointing at its code after moving', async () => {
		const { q, codes } = await setUp();
		const secret = await enter(q, codes[0]!);
		const resumed = await resumeDraft(db, q, secret, 'f');
		const code = await findCode(db, q.survey.id, hashCode(normaliseCode(codes[0]!)));
		expect(code?.draftId).toBe(resumed.ok ? draftId(resumed.secret) : 'x');
	});

	it('counts links that open nothing against the wrong-try limit', async () => {
		const { q } = await setUp({ accessMode: 'open' });
		for (let i = 0; i < 5; i++) await resumeDraft(db, q, newDraftSecret(), 'scanner');
		const sixth = await resumeDraft(db, q, newDraftSecret(), 'scanner');
		expect(sixth.ok).toBe(false);
		expect(!sixth.ok && sixth.retryAfterSeconds).toBeGreaterThan(0);
	});
});

describe('savePage and resumePage', () => {
	it('keeps each page in the draft and knows where to pick up', async () => {
		const { q, codes, ids } = await setUp();
		const secret = await enter(q, codes[0]!);
		expect(resumePage(q.pages, {})).toBe(1);
		const first = await savePage(
			db,
			q,
			q.pages[0]!,
			await held(q, secret),
			{ [ids[0]!]: ['agree'] },
			'next',
			'f'
		);
		expect(first).toEqual({ ok: true, secret, answers: { [ids[0]!]: ['agree'], [ids[1]!]: [] } });
		expect(resumePage(q.pages, first.ok ? first.answers : {})).toBe(2);
		await savePage(db, q, q.pages[1]!, await held(q, secret), {}, 'next', 'f');
		expect(resumePage(q.pages, (await held(q, secret)).draft.answers)).toBeNull();
	});

	it('asks for required answers before moving on, saving nothing', async () => {
		const { q, codes, ids } = await setUp();
		const secret = await enter(q, codes[0]!);
		const result = await savePage(db, q, q.pages[0]!, await held(q, secret), {}, 'next', 'f');
		expect(result).toEqual({
			ok: false,
			errors: [{ questionId: ids[0], message: 'Select an answer to “I feel listened to.”' }]
		});
		expect((await held(q, secret)).draft.answers).toEqual({});
	});

	it('saves a half-answered page to come back to, and resumes there', async () => {
		const { q, codes, ids } = await setUp();
		const secret = await enter(q, codes[0]!);
		const result = await savePage(
			db,
			q,
			q.pages[0]!,
			await held(q, secret),
			{ [ids[1]!]: ['north'] },
			'save',
			'f'
		);
		expect(result.ok).toBe(true);
		expect(resumePage(q.pages, result.ok ? result.answers : {})).toBe(1);
	});

	it('lets one connection start only so many open-link drafts, so a flood of posts writes a bounded number of rows', async () => {
		const { q, ids } = await setUp({ accessMode: 'open' });
		const post = (client: string) =>
			savePage(db, q, q.pages[0]!, null, { [ids[0]!]: ['agree'] }, 'next', client);
		const outcomes = await Promise.all(Array.from({ length: 80 }, () => post('flooder')));
		expect(outcomes.filter((o) => o.ok)).toHaveLength(60);
		expect(outcomes.find((o) => !o.ok)).toEqual({
			ok: false,
			errors: [{ questionId: null, message: expect.stringContaining('Too many questionnaires') }]
		});
		const drafts = await db.selectFrom('drafts').select((eb) => eb.fn.countAll<number>().as('n'));
		expect(Number((await drafts.executeTakeFirstOrThrow()).n)).toBe(60);
		// Another family on another connection is not held up by it.
		expect((await post('family')).ok).toBe(true);
	});

	it('refuses tampered and over-long answers even when only saving, leaving the draft alone', async () => {
		const { q, codes, ids } = await setUp();
		const secret = await enter(q, codes[0]!);
		await savePage(
			db,
			q,
			q.pages[0]!,
			await held(q, secret),
			{ [ids[0]!]: ['agree'] },
			'next',
			'f'
		);
		const before = (await held(q, secret)).draft;
		const attempts: [number, Record<string, string[]>][] = [
			[0, { [ids[0]!]: ['very-much'] }],
			[0, { [ids[0]!]: ['agree'], [ids[2]!]: ['from another page'] }],
			[0, { [ids[0]!]: ['agree'], 'not-a-question': ['agree'] }],
			[1, { [ids[2]!]: ['x'.repeat(21)] }]
		];
		for (const [page, raw] of attempts) {
			for (const intent of ['next', 'save'] as const) {
				const result = await savePage(
					db,
					q,
					q.pages[page]!,
					await held(q, secret),
					raw,
					intent,
					'f'
				);
				expect(result.ok).toBe(false);
			}
		}
		expect((await held(q, secret)).draft).toEqual(before);
	});

	it('makes a draft on an open questionnaire’s first save, within a limit per client', async () => {
		const { q, ids } = await setUp({ accessMode: 'open' });
		for (let i = 0; i < 60; i++) {
			const saved = await savePage(
				db,
				q,
				q.pages[0]!,
				null,
				{ [ids[1]!]: ['north'] },
				'save',
				'school'
			);
			expect(saved.ok).toBe(true);
		}
		const flood = await savePage(
			db,
			q,
			q.pages[0]!,
			null,
			{ [ids[1]!]: ['north'] },
			'save',
			'school'
		);
		expect(flood).toMatchObject({
			ok: false,
			errors: [{ message: expect.stringMatching(/Too many questionnaires/) }]
		});
		expect(await db.selectFrom('drafts').select('id').execute()).toHaveLength(60);
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
		const family = await held(q, await answerEverything(q, await enter(q, codes[0]!)));
		expect(await sendAnswers(db, q, family)).toEqual({ ok: true });
		expect(await sendAnswers(db, q, family)).toEqual({ ok: false, reason: 'already_sent' });
		expect(await countPending(db, q.survey.id)).toBe(1);
		expect(await db.selectFrom('drafts').select('id').execute()).toEqual([]);
		expect(await findCode(db, q.survey.id, hashCode(normaliseCode(codes[0]!)))).toEqual({
			used: true,
			draftId: null
		});
	});

	it('stores one response when two sends race', async () => {
		const { q } = await setUp({ accessMode: 'open' });
		const family = await held(q, await answerEverything(q, null));
		const outcomes = await Promise.all([sendAnswers(db, q, family), sendAnswers(db, q, family)]);
		expect(outcomes).toContainEqual({ ok: true });
		expect(outcomes).toContainEqual({ ok: false, reason: 'already_sent' });
		expect(await countPending(db, q.survey.id)).toBe(1);
	});

	it('has nothing to send before anything is saved', async () => {
		const { q, codes } = await setUp();
		expect(await sendAnswers(db, q, await held(q, await enter(q, codes[0]!)))).toEqual({
			ok: false,
			reason: 'no_answers'
		});
	});

	it('refuses incomplete answers and keeps the draft and the code', async () => {
		const { q, codes, ids } = await setUp();
		const secret = await enter(q, codes[0]!);
		const codeHash = hashCode(normaliseCode(codes[0]!));
		await writeDraft(
			db,
			{ surveyId: q.survey.id, secret, expiresOn: q.survey.closesOn },
			{ answers: { [ids[2]!]: ['Only this'] }, codeHash }
		);
		const outcome = await sendAnswers(db, q, await held(q, secret));
		expect(outcome).toMatchObject({ ok: false, reason: 'invalid' });
		expect(await countPending(db, q.survey.id)).toBe(0);
		expect(await openDraft(db, q.survey.id, secret)).toBeDefined();
		expect(await findCode(db, q.survey.id, codeHash)).toEqual({
			used: false,
			draftId: draftId(secret)
		});
	});

	it('refuses a questionnaire that has closed since the answers were saved', async () => {
		const { q, codes } = await setUp();
		const family = await held(q, await answerEverything(q, await enter(q, codes[0]!)));
		await db
			.updateTable('surveys')
			.set({ status: 'closed' })
			.where('id', '=', q.survey.id)
			.execute();
		const closed = (await loadQuestionnaire(db, q.survey.id))!;
		expect(await sendAnswers(db, closed, family)).toEqual({ ok: false, reason: 'not_open' });
		expect(await countPending(db, q.survey.id)).toBe(0);
	});
});
