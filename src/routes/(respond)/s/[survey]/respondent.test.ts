import type { Cookies } from '@sveltejs/kit';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '$lib/server/db';
import { createBatch } from '$lib/server/responses/batches';
import { newDraftSecret } from '$lib/server/responses/drafts';
import { loadQuestionnaire } from '$lib/server/responses/service';
import { createTestDb } from '$testing/db';
import { makeArea, makeSurvey } from '$testing/fixtures';
import { ANSWERING_COOKIE, enterCode, forgetKey, holdKey, readHeldKey } from './respondent';

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
		const secret = newDraftSecret();
		holdKey(jar.cookies(), new URL('https://heard.example/s/abc/code'), 'abc', { secret });
		expect(jar.values.get(ANSWERING_COOKIE)).toBe(`d.${secret}`);
		expect(jar.options.get(ANSWERING_COOKIE)).toEqual({
			path: '/s/abc',
			httpOnly: true,
			sameSite: 'lax',
			secure: true,
			maxAge: 4 * 60 * 60
		});
		expect(readHeldKey(jar.cookies())).toEqual({ secret });
		holdKey(jar.cookies(), new URL('http://localhost:3000/s/abc'), 'abc', 'sent');
		expect(jar.options.get(ANSWERING_COOKIE)?.secure).toBe(false);
		expect(readHeldKey(jar.cookies())).toBe('sent');
		forgetKey(jar.cookies(), new URL('http://localhost:3000/s/abc'), 'abc');
		expect(readHeldKey(jar.cookies())).toBeNull();
	});
});

describe('enterCode', () => {
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

	it('holds a new draft secret for a good code, never the code, and starts at the first page', async () => {
		const { q, codes } = await setUp();
		const { jar, event } = visit('192.0.2.1');
		expect(await enterCode(db, q, codes[0]!, event)).toEqual({
			ok: true,
			next: `/s/${q.survey.id}/p/1`
		});
		const held = jar.values.get(ANSWERING_COOKIE)!;
		expect(held).toMatch(/^d\.[a-z2-7]{52}$/);
		expect(held).not.toContain(codes[0]!.replace('-', ''));
		// The same code in another browser meets the saved draft and cannot open it.
		const other = visit('192.0.2.9');
		expect(await enterCode(db, q, codes[0]!, other.event)).toMatchObject({
			ok: false,
			status: 409,
			problem: 'draft_elsewhere'
		});
		expect(readHeldKey(other.jar.cookies())).toBeNull();
	});

	it('says what was wrong, and after five wrong codes refuses even a good one', async () => {
		const { q, codes } = await setUp();
		const { jar, event } = visit('192.0.2.2');
		const first = await enterCode(db, q, 'ZZZZZ-ZZZZZ', event);
		expect(first).toMatchObject({ ok: false, status: 400, problem: 'unknown' });
		for (let i = 0; i < 4; i++) await enterCode(db, q, '12', event);
		const blocked = await enterCode(db, q, codes[1]!, event);
		expect(blocked).toMatchObject({ ok: false, status: 429, problem: 'too_many' });
		expect(blocked.ok ? '' : blocked.message).toContain('Wait 10 minutes');
		expect(readHeldKey(jar.cookies())).toBeNull();
		// Another client is not held up.
		expect(await enterCode(db, q, codes[1]!, visit('192.0.2.3').event)).toMatchObject({ ok: true });
	});
});
