import type { Cookies } from '@sveltejs/kit';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { createTestDb } from '../testing/db';
import { makeArea, makeSurvey } from '../testing/fixtures';
import { createBatch } from './batches';
import { ANSWERING_COOKIE, forgetKey, holdKey, readHeldKey, tryCode } from './respondent';
import { loadQuestionnaire, savePage } from './service';

type Options = Parameters<Cookies['set']>[2];

/** Just enough of SvelteKit's cookie jar to see what the journey asks the browser to keep. */
class Jar {
	values = new Map<string, string>();
	options = new Map<string, Options>();
	get = (name: string) => this.values.get(name);
	set = (name: string, value: string, options: Options) => {
		this.values.set(name, value);
		this.options.set(name, options);
	};
	delete = (name: string, options: Options) => {
		this.values.delete(name);
		this.options.set(name, options);
	};
	cookies(): Cookies {
		return this as unknown as Cookies;
	}
}

let db: Db;
beforeEach(async () => {
	db = await createTestDb();
});

describe('the answering cookie', () => {
	it('is HttpOnly, Lax, scoped to one questionnaire, short-lived, and Secure over https', () => {
		const jar = new Jar();
		holdKey(jar.cookies(), new URL('https://heard.example/s/abc/code'), 'abc', {
			kind: 'code',
			code: 'K7QM2XRT10'
		});
		expect(jar.values.get(ANSWERING_COOKIE)).toBe('c.K7QM2XRT10');
		expect(jar.options.get(ANSWERING_COOKIE)).toEqual({
			path: '/s/abc',
			httpOnly: true,
			sameSite: 'lax',
			secure: true,
			maxAge: 4 * 60 * 60
		});
		expect(readHeldKey(jar.cookies())).toEqual({ kind: 'code', code: 'K7QM2XRT10' });
		holdKey(jar.cookies(), new URL('http://localhost:3000/s/abc'), 'abc', 'sent');
		expect(jar.options.get(ANSWERING_COOKIE)?.secure).toBe(false);
		expect(readHeldKey(jar.cookies())).toBe('sent');
		forgetKey(jar.cookies(), new URL('http://localhost:3000/s/abc'), 'abc');
		expect(readHeldKey(jar.cookies())).toBeNull();
	});
});

describe('tryCode', () => {
	async function setUp() {
		const area = await makeArea(db);
		// One question a page, so that where a family left off is easy to see.
		const made = await makeSurvey(db, area.id, { audience: 'young_person' });
		const { codes } = await createBatch(db, {
			localAreaId: area.id,
			surveyId: made.id,
			label: 'Letters',
			size: 2,
			createdBy: null
		});
		return { q: (await loadQuestionnaire(db, made.id))!, codes };
	}

	function visit(address: string) {
		const jar = new Jar();
		const url = new URL('http://localhost:3000/s/x/code');
		return {
			jar,
			event: {
				cookies: jar.cookies(),
				url,
				request: new Request(url),
				getClientAddress: () => address
			}
		};
	}

	it('holds a good code and goes on to where the family left off', async () => {
		const { q, codes } = await setUp();
		const { jar, event } = visit('192.0.2.1');
		expect(await tryCode(db, q, codes[0]!, event)).toEqual({
			ok: true,
			next: `/s/${q.survey.id}/p/1`
		});
		expect(readHeldKey(jar.cookies())).toEqual({
			kind: 'code',
			code: codes[0]!.replace('-', '')
		});
		const key = { kind: 'code', code: codes[0]!.replace('-', '') } as const;
		const page = q.pages[0]!;
		await savePage(db, q, page, key, { [page.questions[0]!.id]: ['agree'] }, 'next');
		expect(await tryCode(db, q, codes[0]!, visit('192.0.2.1').event)).toEqual({
			ok: true,
			next: `/s/${q.survey.id}/p/2`
		});
	});

	it('says what was wrong, and after five wrong codes refuses even a good one', async () => {
		const { q, codes } = await setUp();
		const { jar, event } = visit('192.0.2.2');
		const first = await tryCode(db, q, 'ZZZZZ-ZZZZZ', event);
		expect(first).toMatchObject({ ok: false, status: 400, problem: 'unknown' });
		for (let i = 0; i < 4; i++) await tryCode(db, q, '12', event);
		const blocked = await tryCode(db, q, codes[1]!, event);
		expect(blocked).toMatchObject({ ok: false, status: 429, problem: 'too_many' });
		expect(blocked.ok ? '' : blocked.message).toContain('Wait 10 minutes');
		expect(readHeldKey(jar.cookies())).toBeNull();
		// Another client is not held up.
		expect(await tryCode(db, q, codes[1]!, visit('192.0.2.3').event)).toMatchObject({ ok: true });
	});
});
