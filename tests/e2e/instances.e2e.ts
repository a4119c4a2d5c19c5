/**
 * Several instances on one PostgreSQL database, as a council runs Heard behind a load balancer.
 * Two built servers start at the same moment on an empty database (start-up takes an advisory
 * lock, so one migrates and seeds and the other waits), then families answer through both at
 * once. Every acknowledged response is stored once, and a code sent to both instances at the same
 * moment is used once.
 */
import { expect, test } from '@playwright/test';
import { answerAsFamily, type Outcome } from '../../src/cli/bench/family';
import { startServer, stopServer, type RunningServer } from '../../src/cli/bench/servers';
import { query } from './support/database';
import { codeHashOf, demoBatchSeed, demoCode, OPEN_WAVE } from './support/demo';
import { dropDatabase, freshDatabase, withClient } from './support/postgres';

// Run only on PostgreSQL, on the desktop project (playwright.config.ts).
// The test process has the e2e server's secret (playwright.config.ts), so it can find codes.
const E2E_SECRET = process.env.HEARD_SECRET!;
const BASE_PORT = Number(process.env.E2E_PORT ?? 4173) + 20;

// Two servers start (each migrating and seeding) and then take a load: the test may take minutes.
test.describe.configure({ timeout: 600_000 });

test('two instances on one database start together and store every acknowledged response once', async () => {
	const databaseUrl = await freshDatabase('e2e_instances');
	const servers: RunningServer[] = [];
	try {
		const start = (port: number) =>
			startServer({ port, databaseUrl, secret: E2E_SECRET, env: { DATABASE_POOL_SIZE: '5' } });
		// Both at once on an empty database.
		servers.push(...(await Promise.all([start(BASE_PORT), start(BASE_PORT + 1)])));
		for (const server of servers) {
			expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
		}
		const db = <T>(sql: string, params: unknown[] = []) =>
			withClient(databaseUrl, async (c) => (await c.query(sql, params)).rows as T[]);

		// Seeded once: as many demo areas, questionnaires, codes and closed waves' responses as the
		// main e2e database was seeded with (other tests only add to open waves and areas of their own).
		const sizes = (run: (sql: string) => Promise<{ n: number }[]> | { n: number }[]) =>
			Promise.all(
				[
					'select count(*) as n from local_areas where is_demo = 1',
					'select count(*) as n from surveys where is_demo = 1',
					`select count(*) as n from access_codes c join surveys s on s.id = c.survey_id
					 where s.is_demo = 1 and s.status = 'closed'`,
					`select count(*) as n from responses r join surveys s on s.id = r.survey_id
					 where s.is_demo = 1 and s.status = 'closed'`
				].map(async (sql) => Number((await run(sql))[0]!.n))
			);
		expect(await sizes((sql) => db(sql))).toEqual(await sizes((sql) => query(sql)));

		const [codeSurvey] = await db<{ id: string; slug: string }>(
			`select s.id, a.slug from surveys s join local_areas a on a.id = s.local_area_id
			 where s.status = 'open' and s.is_demo = 1 and s.access_mode = 'code' order by a.slug limit 1`
		);
		const [linkSurvey] = await db<{ id: string }>(
			`select s.id from surveys s where s.status = 'open' and s.is_demo = 1
			 and s.access_mode <> 'code' order by s.id limit 1`
		);
		const held = async (surveyId: string) => {
			const [row] = await db<{ released: number; waiting: number }>(
				`select (select count(*) from responses where survey_id = $1) as released,
				        (select count(*) from pending_responses where survey_id = $1) as waiting`,
				[surveyId]
			);
			return Number(row!.released) + Number(row!.waiting);
		};
		const before = { code: await held(codeSurvey!.id), link: await held(linkSurvey!.id) };
		const code = (i: number) => demoCode(demoBatchSeed(codeSurvey!.slug, OPEN_WAVE, 0), i);

		// 60 families with codes of their own and 40 on the open link, alternating between the
		// instances; 10 more codes are each sent by two browsers at once, one to each instance.
		const families: { text: string; code?: string; surveyId: string; server: string }[] = [];
		for (let i = 0; i < 60; i++) {
			families.push({
				text: `instances code ${i}`,
				code: code(200 + i),
				surveyId: codeSurvey!.id,
				server: servers[i % 2]!.url
			});
		}
		for (let i = 0; i < 40; i++) {
			families.push({
				text: `instances link ${i}`,
				surveyId: linkSurvey!.id,
				server: servers[i % 2]!.url
			});
		}
		for (let i = 0; i < 10; i++) {
			for (const server of servers) {
				families.push({
					text: `instances twice ${i}`,
					code: code(300 + i),
					surveyId: codeSurvey!.id,
					server: server.url
				});
			}
		}
		const outcomes: Outcome[] = await Promise.all(
			families.map((family, i) =>
				answerAsFamily({ ...family, address: `10.${(i >> 8) & 255}.${i & 255}.9` })
			)
		);
		const sent = (filter: (text: string) => boolean) =>
			families.filter((f, i) => filter(f.text) && outcomes[i] === 'sent');
		expect(sent((t) => t.startsWith('instances code '))).toHaveLength(60);
		expect(sent((t) => t.startsWith('instances link '))).toHaveLength(40);
		const twice = sent((t) => t.startsWith('instances twice '));
		for (let i = 0; i < 10; i++) {
			expect(twice.filter((f) => f.text === `instances twice ${i}`).length).toBeLessThanOrEqual(1);
		}
		for (let i = 0; i < 10; i++) {
			const [row] = await db<{ used: number }>(
				'select used from access_codes where survey_id = $1 and code_hash = $2',
				[codeSurvey!.id, codeHashOf(code(300 + i))]
			);
			const acknowledged = twice.some((f) => f.text === `instances twice ${i}`);
			expect(row!.used).toBe(acknowledged ? 1 : 0);
		}
		const acknowledged = { code: 60 + twice.length, link: 40 };
		const perServer = servers.map(
			(server) =>
				families.filter((f, i) => f.server === server.url && outcomes[i] === 'sent').length
		);
		console.log(
			`Two instances: ${acknowledged.code + acknowledged.link} acknowledged (${perServer.join(' + ')}), ` +
				`${twice.length} of 10 codes sent to both at once used once`
		);
		expect(await held(codeSurvey!.id)).toBe(before.code + acknowledged.code);
		expect(await held(linkSurvey!.id)).toBe(before.link + acknowledged.link);

		// SIGTERM: each instance finishes what it was doing and closes its pool.
		for (const server of servers.splice(0)) {
			expect(await stopServer(server)).toEqual({ code: 0, signal: null });
			expect(server.output()).toContain('Heard stopped');
		}
		// Close both questionnaires; the next start-up releases everything still waiting.
		await db(`update surveys set closes_on = '2000-01-01' where id in ($1, $2)`, [
			codeSurvey!.id,
			linkSurvey!.id
		]);
		servers.push(await startServer({ port: BASE_PORT, databaseUrl, secret: E2E_SECRET }));
		const [waiting] = await db<{ n: number }>(
			'select count(*) as n from pending_responses where survey_id in ($1, $2)',
			[codeSurvey!.id, linkSurvey!.id]
		);
		expect(waiting!.n).toBe(0);
		expect(await held(codeSurvey!.id)).toBe(before.code + acknowledged.code);
		expect(await held(linkSurvey!.id)).toBe(before.link + acknowledged.link);

		// Stored once: each family's own free text is there as often as the questionnaire asks.
		const [texts] = await db<{ n: number }>(
			`select count(*) as n from questions where survey_id = $1 and kind = 'text'`,
			[codeSurvey!.id]
		);
		const bodies = await db<{ body: string; n: number }>(
			`select body, count(*) as n from comments where body like 'instances %' group by body`
		);
		const byBody = new Map(bodies.map((b) => [b.body, b.n]));
		for (const family of sent(
			(t) => t.startsWith('instances code ') || t.startsWith('instances twice ')
		)) {
			expect(byBody.get(family.text) ?? 0).toBe(texts!.n);
		}
	} finally {
		await Promise.all(servers.map((server) => stopServer(server, 'SIGKILL')));
		await dropDatabase(databaseUrl);
	}
});
