/**
 * `npm run seed:load -- --responses 100000 [--database file:data/load.db] [--waves 4]`
 *
 * Adds a load-test local area to a database: an inspection with areas of weakness, four waves,
 * a parent-carer questionnaire of about 30 questions and an easy-read young-person one per wave,
 * and the given number of synthetic responses spread over them (a third with a free-text
 * comment). Responses go through `storeResponses`, the same path as the app, in large
 * transactions. The area is not a demo area
 * and is seen only by its own admin, whose sign-in is printed at the end.
 */
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Question } from '../lib/questions/types';
import { hashPassword } from '../lib/server/auth/password';
import { sql } from 'kysely';
import { createDb, isSqlite, nowIso, type Db } from '../lib/server/db';
import type { Audience, FindingKind } from '../lib/server/db/schema';
import { migrateToLatest } from '../lib/server/db/migrator';
import { hashSeed, pickWeighted, seededRandom } from '../lib/server/demo/random';
import { newId } from '../lib/server/ids';
import { storeResponses, type NewResponse } from '../lib/server/responses/store';
import {
	aboutYouQuestions,
	bankQuestions,
	freeTextQuestions,
	questionFor,
	type QuestionDraft
} from '../lib/server/surveys/bank';
import { insertDraftQuestions, listQuestions } from '../lib/server/surveys/repository';

const DISTRICTS = ['North', 'Central', 'East', 'South', 'West'];
const AUDIENCES: readonly Audience[] = ['parent_carer', 'young_person'];
const FINDINGS: { code: string; theme: string; kind: FindingKind; title: string }[] = [
	{ code: 'A1', theme: 'COPR', kind: 'significant_weakness', title: 'Families are not partners' },
	{ code: 'A2', theme: 'EHCQ', kind: 'significant_weakness', title: 'EHC plans are poor' },
	{ code: 'A3', theme: 'EHCT', kind: 'significant_weakness', title: 'Plans take too long' },
	{ code: 'A4', theme: 'HLTH', kind: 'significant_weakness', title: 'Therapy waits are long' },
	{ code: 'A5', theme: 'INFO', kind: 'area_for_improvement', title: 'The local offer is unclear' },
	{ code: 'A6', theme: 'SENS', kind: 'area_for_improvement', title: 'School support varies' },
	{ code: 'A7', theme: 'PFA', kind: 'area_for_improvement', title: 'Transition is weak' },
	{ code: 'A8', theme: 'LEAD', kind: 'significant_weakness', title: 'Leadership is weak' },
	{ code: 'A9', theme: 'JCOM', kind: 'area_for_improvement', title: 'No joint commissioning' },
	{ code: 'S1', theme: 'OUTC', kind: 'strength', title: 'Outcomes are improving' }
];
const COMMENTS = [
	'Shorter waits for assessments would make the biggest difference.',
	'Someone who calls back when they say they will.',
	'A plan that school actually follows.',
	'Being listened to at the annual review.',
	'More specialist places near home.',
	'Speech therapy every week as the plan says.'
];

export interface LoadOptions {
	responses: number;
	waves?: number;
	/** Who is asked; both by default. */
	audiences?: readonly Audience[];
	/** Responses stored per transaction. */
	batch?: number;
	onProgress?: (done: number, total: number) => void;
}

export interface LoadArea {
	areaId: string;
	slug: string;
	email: string;
	password: string;
}

/** Create the load area and its responses. */
export async function seedLoad(db: Db, options: LoadOptions): Promise<LoadArea> {
	const waves = options.waves ?? 4;
	const batch = options.batch ?? 5000;
	const createdAt = nowIso();
	const areaId = newId();
	const slug = `load-${areaId.slice(0, 6)}`;
	await db
		.insertInto('localAreas')
		.values({
			id: areaId,
			slug,
			name: `Load test area ${areaId.slice(0, 6)}`,
			districts: JSON.stringify(DISTRICTS),
			createdAt
		})
		.execute();
	const password = randomBytes(12).toString('base64url');
	const email = `admin@${slug}.load.example`;
	await db
		.insertInto('users')
		.values({
			id: newId(),
			localAreaId: areaId,
			email,
			name: 'Load test admin',
			role: 'admin',
			passwordHash: await hashPassword(password),
			expiresOn: null,
			disabledAt: null,
			createdAt
		})
		.execute();
	const inspectionId = newId();
	await db
		.insertInto('inspections')
		.values({
			id: inspectionId,
			localAreaId: areaId,
			kind: 'initial',
			framework: null,
			startsOn: '2022-03-01',
			endsOn: null,
			outcome: null,
			position: 0,
			createdAt
		})
		.execute();
	const findings = FINDINGS.map((f, position) => ({
		id: newId(),
		localAreaId: areaId,
		inspectionId,
		...f,
		detail: null,
		position,
		createdAt
	}));
	await db.insertInto('findings').values(findings).execute();

	const surveys: { id: string; audience: Audience; wave: number; questions: Question[] }[] = [];
	for (let w = 0; w < waves; w++) {
		const waveId = newId();
		await db
			.insertInto('waves')
			.values({
				id: waveId,
				localAreaId: areaId,
				name: `Load wave ${w + 1}`,
				startsOn: `${2023 + Math.floor(w / 2)}-${w % 2 ? '09' : '03'}-01`,
				endsOn: null,
				position: w
			})
			.execute();
		for (const audience of options.audiences ?? AUDIENCES) {
			const id = newId();
			await db
				.insertInto('surveys')
				.values({
					id,
					localAreaId: areaId,
					waveId,
					audience,
					title: `Load ${audience === 'young_person' ? 'young people' : 'parent carers'} ${w + 1}`,
					intro: 'Synthetic load-test questionnaire.',
					status: w === waves - 1 ? 'open' : 'closed',
					accessMode: audience === 'young_person' ? 'open' : 'code',
					opensOn: '2023-01-01',
					closesOn: w === waves - 1 ? '2999-12-31' : '2023-12-31',
					resultsOn: null,
					copiedFromId: null,
					createdAt,
					openedAt: createdAt,
					closedAt: w === waves - 1 ? null : createdAt
				})
				.execute();
			await insertDraftQuestions(db, id, drafts(audience), findings);
			surveys.push({ id, audience, wave: w, questions: await listQuestions(db, id) });
		}
	}

	// Four in five responses from parent carers, spread evenly over the waves.
	const mixed = new Set(surveys.map((s) => s.audience)).size > 1;
	const shares = surveys.map(
		(s) => (mixed ? (s.audience === 'parent_carer' ? 0.8 : 0.2) : 1) / waves
	);
	const counts = shares.map((s) => Math.floor(s * options.responses));
	counts[0]! += options.responses - counts.reduce((a, b) => a + b, 0);
	let done = 0;
	for (const [i, survey] of surveys.entries()) {
		const random = seededRandom(hashSeed(`${slug}:${i}`));
		for (let left = counts[i]!; left > 0; left -= batch) {
			const size = Math.min(batch, left);
			const rows = Array.from({ length: size }, () =>
				syntheticResponse(random, survey.questions, survey.wave)
			);
			await db
				.transaction()
				.execute((trx) => storeResponses(trx, survey.id, survey.questions, rows));
			done += size;
			options.onProgress?.(done, options.responses);
		}
	}
	// What autovacuum does on a live server within a minute or so of a bulk load: statistics for
	// the planner, and the visibility map that lets index-only scans skip the table. Measured
	// straight after the load without it, the largest questionnaire's counts took 1.6 s, not 0.46.
	if (!isSqlite(db)) await sql`vacuum analyze responses, answers`.execute(db);
	return { areaId, slug, email, password };
}

function drafts(audience: Audience): QuestionDraft[] {
	const young = audience === 'young_person';
	const bank = bankQuestions()
		.filter((q) => !young || q.easyRead)
		.map((q) => questionFor(q, audience));
	const about = aboutYouQuestions(DISTRICTS)
		// The four about-you questions the benchmarks are measured with, for either audience.
		.filter((q) => (young ? q.key === 'age-band' : q.key !== 'respondent' && !q.audience))
		.map((q) => questionFor(q, audience));
	const text = freeTextQuestions().map((q) => questionFor(q, audience));
	return [...bank, ...about, ...text];
}

/** One family’s answers to every question (the bench submits these too). */
export function syntheticResponse(
	random: () => number,
	questions: Question[],
	wave: number
): NewResponse {
	const answers: NewResponse['answers'] = {};
	const mood = (random() - 0.5) * 0.3;
	for (const q of questions) {
		if (q.kind === 'text') {
			if (random() < 0.3) answers[q.id] = [COMMENTS[Math.floor(random() * COMMENTS.length)]!];
			continue;
		}
		if (q.dimension === 'about_you') {
			if (random() < 0.05) continue;
			const weights = q.options.map((_, i) => 1 / (i + 1));
			answers[q.id] = [q.options[pickWeighted(random, weights)]!.value];
			continue;
		}
		const na = q.options.find((o) => o.notApplicable);
		if (na && random() < 0.05) {
			answers[q.id] = [na.value];
			continue;
		}
		const positives = q.options.filter((o) => o.positive);
		const others = q.options.filter((o) => !o.positive && !o.notApplicable);
		const p = 0.3 + wave * 0.06 + mood;
		const pool = positives.length > 0 && random() < p ? positives : others;
		answers[q.id] = [pool[Math.floor(random() * pool.length)]!.value];
	}
	return { submittedOn: '2023-06-01', channel: 'web', answers };
}

export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
	const { values } = parseArgs({
		args: argv,
		options: {
			responses: { type: 'string', default: '100000' },
			database: { type: 'string' },
			waves: { type: 'string', default: '4' }
		}
	});
	const responses = Number(values.responses);
	const waves = Number(values.waves);
	if (!Number.isInteger(responses) || responses < 1 || !Number.isInteger(waves) || waves < 2) {
		throw new Error('Use --responses with a whole number of 1 or more, and --waves of 2 or more');
	}
	const db = createDb(values.database);
	try {
		await migrateToLatest(db);
		const started = performance.now();
		let last = 0;
		const area = await seedLoad(db, {
			responses,
			waves,
			onProgress: (done, total) => {
				const now = performance.now();
				if (now - last > 2000 || done === total) {
					last = now;
					const rate = Math.round(done / ((now - started) / 1000));
					console.log(
						`  ${done.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} responses (${rate.toLocaleString('en-GB')}/s)`
					);
				}
			}
		});
		const seconds = ((performance.now() - started) / 1000).toFixed(1);
		console.log(
			`Load area ${area.slug} made with ${responses.toLocaleString('en-GB')} responses in ${seconds} s.`
		);
		console.log(`Sign in as ${area.email} with password ${area.password}`);
	} finally {
		await db.destroy();
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	await main();
}
