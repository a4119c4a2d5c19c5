/**
 * Insights at scale: the server time of the dashboard's and a finding page's data functions on a
 * load area (median and 95th percentile over repeated runs); building publications, of its largest
 * questionnaire and of every questionnaire in the area, each beside a bare GROUP BY over the same
 * answers; and how many responses a second the raw submission path stores through
 * `submitResponse` (code check, sealed answers), one at a time and with many in flight at once.
 * Budgets: 100 ms per page, and 2,000 responses a second with many in flight, the way a busy
 * server submits.
 *
 *   tsx src/cli/bench/insights.ts [--database file:data/load.db] [--runs 30] [--submissions 2000]
 *                                 [--responses 100000]
 *
 * The load area is the one `npm run seed:load` made with the most responses; with none, one is
 * made first with `--responses` responses. `--submissions` are sent each way, each with its own
 * new code, so every run adds twice that many responses to the database.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { whenIdle } from '../../lib/server/background';
import { createDb, type Db } from '../../lib/server/db';
import { migrateToLatest } from '../../lib/server/db/migrator';
import { hashSeed, seededRandom } from '../../lib/server/demo/random';
import { areaRules, dashboard, findingInsights } from '../../lib/server/insights/service';
import { buildFigures } from '../../lib/server/insights/publish/build';
import { buildPublication, publishSurvey } from '../../lib/server/insights/publish/refresh';
import { tallySurvey } from '../../lib/server/insights/publish/tallies';
import { listQuestions as listInsightQuestions } from '../../lib/server/insights/repository';
import { sql } from 'kysely';
import { createBatch } from '../../lib/server/responses/batches';
import { hashCode, normaliseCode } from '../../lib/server/responses/codes';
import { submitResponse } from '../../lib/server/responses/submit';
import { findSurvey, listQuestions } from '../../lib/server/surveys/repository';
import { seedLoad, syntheticResponse } from '../seed-load';

export interface Timing {
	median: number;
	p95: number;
	/** Mean CPU time of this process per run: steadier than wall time on a shared machine. */
	cpu: number;
	runs: number;
}

export interface InsightsBench {
	area: string;
	responses: number;
	answers: number;
	dashboard: Timing;
	finding: Timing;
	findingBreakdown: Timing;
	/** The largest questionnaire's counts, figures and suppression… */
	figures: Timing;
	/** …and its whole publication, from one pass over its responses (with the row file)… */
	publish: Timing;
	/** …beside a bare GROUP BY question, value over the same answers: the baseline. */
	bareGroupBy: Timing;
	/** Every questionnaire of the area published one after another (all its responses)… */
	areaPublish: Timing;
	/** …beside a bare GROUP BY question, value over all the area's answers. */
	areaGroupBy: Timing;
	/** One submission at a time, each awaited before the next: a quiet server. */
	sequential: SubmissionRate;
	/** `IN_FLIGHT` submissions waiting at once, as on a busy server: what the budget is about. */
	concurrent: SubmissionRate;
}

export interface SubmissionRate {
	perSecond: number;
	/** The same, from CPU time alone (what the path costs, whatever else the machine runs). */
	perCpuSecond: number;
	/** How long a sender waited for its outcome, 99th percentile and worst, in ms. */
	waitP99: number;
	waitMax: number;
}

/** Submissions in flight at once for the concurrent rate: a busy server's open requests. */
const IN_FLIGHT = 64;

/** The baseline of a publication: a bare GROUP BY question, value over one questionnaire's answers. */
export function bareGroupBy(db: Db, surveyId: string) {
	return sql`select a.question_id, a.value, count(*) as n from answers a
		join responses r on r.id = a.response_id where r.survey_id = ${surveyId}
		group by a.question_id, a.value`.execute(db);
}

function percentile(sorted: number[], p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

/** Median, 95th percentile and CPU of `runs` runs of `work`, after three unmeasured ones. */
export async function time(runs: number, work: () => Promise<unknown>): Promise<Timing> {
	for (let i = 0; i < 3; i++) await work(); // warm the page cache and the JIT
	const samples: number[] = [];
	const cpu = process.cpuUsage();
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		await work();
		samples.push(performance.now() - start);
	}
	const used = process.cpuUsage(cpu);
	samples.sort((a, b) => a - b);
	return {
		median: percentile(samples, 0.5),
		p95: percentile(samples, 0.95),
		cpu: (used.user + used.system) / 1000 / runs,
		runs
	};
}

async function loadArea(db: Db) {
	return db
		.selectFrom('localAreas')
		.innerJoin('surveys', 'surveys.localAreaId', 'localAreas.id')
		.innerJoin('responses', 'responses.surveyId', 'surveys.id')
		.select((eb) => ['localAreas.id', 'localAreas.slug', eb.fn.countAll<number>().as('n')])
		.where('localAreas.slug', 'like', 'load-%')
		.groupBy(['localAreas.id', 'localAreas.slug'])
		.orderBy('n', 'desc')
		.executeTakeFirst();
}

export async function main(argv: string[] = process.argv.slice(2)): Promise<InsightsBench> {
	const { values } = parseArgs({
		args: argv,
		options: {
			database: { type: 'string' },
			runs: { type: 'string', default: '30' },
			submissions: { type: 'string', default: '2000' },
			responses: { type: 'string', default: '100000' }
		}
	});
	const runs = Number(values.runs);
	const submissions = Number(values.submissions);
	const db = createDb(values.database);
	try {
		await migrateToLatest(db);
		let area = await loadArea(db);
		if (!area) {
			console.log(`No load area: making one with ${values.responses} responses…`);
			await seedLoad(db, { responses: Number(values.responses) });
			area = await loadArea(db);
		}
		if (!area) throw new Error('Could not make a load area');
		const answers = await db
			.selectFrom('answers')
			.innerJoin('responses', 'responses.id', 'answers.responseId')
			.innerJoin('surveys', 'surveys.id', 'responses.surveyId')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('surveys.localAreaId', '=', area.id)
			.executeTakeFirstOrThrow();
		// The finding with the most linked questions: the heaviest finding page.
		const finding = await db
			.selectFrom('questionFindings')
			.innerJoin('findings', 'findings.id', 'questionFindings.findingId')
			.select((eb) => ['findings.id', 'findings.code', eb.fn.countAll<number>().as('n')])
			.where('findings.localAreaId', '=', area.id)
			.groupBy(['findings.id', 'findings.code'])
			.orderBy('n', 'desc')
			.executeTakeFirstOrThrow();
		console.log(
			`Load area ${area.slug}: ${Number(area.n).toLocaleString('en-GB')} responses, ${Number(answers.n).toLocaleString('en-GB')} answers; finding ${finding.code} has ${finding.n} linked questions.`
		);

		// Pages read publications: make the area's (closed ones final) as the app would.
		const surveys = await db
			.selectFrom('surveys')
			.innerJoin('responses', 'responses.surveyId', 'surveys.id')
			.select((eb) => ['surveys.id', 'surveys.status', eb.fn.countAll<number>().as('n')])
			.where('surveys.localAreaId', '=', area.id)
			.groupBy(['surveys.id', 'surveys.status'])
			.orderBy('n', 'desc')
			.execute();
		for (const s of surveys) await publishSurvey(db, s.id, { final: s.status === 'closed' });
		const largest = surveys[0]!;
		const rules = await areaRules(db, area.id);
		const questions = await listInsightQuestions(db, area.id, { surveyIds: [largest.id] });
		const fewer = Math.max(3, Math.floor(runs / 6));

		const result: InsightsBench = {
			area: area.slug,
			responses: Number(area.n),
			answers: Number(answers.n),
			dashboard: await time(runs, () => dashboard(db, area.id)),
			finding: await time(runs, () => findingInsights(db, area.id, finding.id)),
			findingBreakdown: await time(Math.max(5, Math.floor(runs / 3)), () =>
				findingInsights(db, area.id, finding.id, { by: 'setting' })
			),
			figures: await time(fewer, async () =>
				buildFigures(questions, await tallySurvey(db, largest.id, questions), rules, null)
			),
			publish: await time(fewer, () =>
				buildPublication(db, { id: largest.id, localAreaId: area.id }, rules, null)
			),
			bareGroupBy: await time(fewer, () => bareGroupBy(db, largest.id)),
			areaPublish: await time(Math.max(3, Math.floor(runs / 10)), async () => {
				for (const s of surveys)
					await buildPublication(db, { id: s.id, localAreaId: area.id }, rules, null);
			}),
			areaGroupBy: await time(Math.max(3, Math.floor(runs / 10)), () =>
				sql`select a.question_id, a.value, count(*) as n from answers a
					join responses r on r.id = a.response_id join surveys s on s.id = r.survey_id
					where s.local_area_id = ${area.id}
					group by a.question_id, a.value`.execute(db)
			),
			...(await submissionRate(db, area.id, submissions))
		};
		const ms = (t: Timing) =>
			`median ${t.median.toFixed(1)} ms, p95 ${t.p95.toFixed(1)} ms, CPU ${t.cpu.toFixed(1)} ms (${t.runs} runs)`;
		console.log(`Dashboard data:                 ${ms(result.dashboard)}   target 5 ms`);
		console.log(`Finding page data:              ${ms(result.finding)}   target 5 ms`);
		console.log(`Finding page, setting breakdown: ${ms(result.findingBreakdown)}`);
		const ratio = (t: Timing) => (t.median / result.bareGroupBy.median).toFixed(1);
		console.log(
			`Publication of the largest questionnaire (${Number(largest.n).toLocaleString('en-GB')} responses, ${questions.length} questions):`
		);
		console.log(`  bare GROUP BY question, value: ${ms(result.bareGroupBy)}   baseline`);
		console.log(
			`  counts, figures, suppression:   ${ms(result.figures)}   ${ratio(result.figures)}× baseline`
		);
		console.log(
			`  the whole publication, with the k-anonymous row file: ${ms(result.publish)}   ${ratio(result.publish)}× baseline, target ≤ 3×`
		);
		const areaRatio = (result.areaPublish.median / result.areaGroupBy.median).toFixed(1);
		console.log(
			`Publication of the whole area (${Number(area.n).toLocaleString('en-GB')} responses in ${surveys.length} questionnaires), one questionnaire after another:`
		);
		console.log(
			`  bare GROUP BY question, value over the area's answers: ${ms(result.areaGroupBy)}   baseline`
		);
		console.log(
			`  every questionnaire's whole publication: ${ms(result.areaPublish)}   ${areaRatio}× baseline, target ≤ 3×`
		);
		const rate = (r: SubmissionRate) =>
			`${Math.round(r.perSecond).toLocaleString('en-GB')} responses/s (${Math.round(r.perCpuSecond).toLocaleString('en-GB')} per CPU second), wait p99 ${r.waitP99.toFixed(1)} ms, max ${r.waitMax.toFixed(1)} ms`;
		console.log(`Submission, one at a time:      ${rate(result.sequential)}`);
		console.log(
			`Submission, ${IN_FLIGHT} in flight:       ${rate(result.concurrent)}   budget 2,000/s (a busy server's path)`
		);
		return result;
	} finally {
		// Submissions may have started a publication; let it finish before the database closes.
		await whenIdle();
		await db.destroy();
	}
}

/**
 * Responses a second through `submitResponse`, each with a fresh access code: first one at a
 * time (each awaited before the next), then with `IN_FLIGHT` waiting at once, so that those
 * arriving together share a commit as they do on a busy server.
 */
async function submissionRate(
	db: Db,
	areaId: string,
	count: number
): Promise<{ sequential: SubmissionRate; concurrent: SubmissionRate }> {
	const open = await db
		.selectFrom('surveys')
		.select('id')
		.where('localAreaId', '=', areaId)
		.where('status', '=', 'open')
		.where('accessMode', '=', 'code')
		.executeTakeFirstOrThrow();
	const survey = (await findSurvey(db, open.id))!;
	const questions = await listQuestions(db, survey.id);
	const { codes } = await createBatch(db, {
		localAreaId: areaId,
		surveyId: survey.id,
		label: `Bench ${new Date().toISOString()}`,
		size: count * 2,
		createdBy: null
	});
	const random = seededRandom(hashSeed(`bench:${survey.id}`));
	const work = codes.map((code) => ({
		codeHash: hashCode(normaliseCode(code)),
		answers: syntheticResponse(random, questions, 3).answers
	}));
	let waits: number[] = [];
	const submit = async (w: (typeof work)[number]) => {
		const start = performance.now();
		const outcome = await submitResponse(db, {
			survey,
			questions,
			answers: w.answers,
			channel: 'web',
			codeHash: w.codeHash
		});
		waits.push(performance.now() - start);
		if (!outcome.ok) throw new Error(`Submission refused: ${outcome.reason}`);
	};
	const measure = async (run: () => Promise<void>): Promise<SubmissionRate> => {
		waits = [];
		const start = performance.now();
		const cpu = process.cpuUsage();
		await run();
		const used = process.cpuUsage(cpu);
		waits.sort((a, b) => a - b);
		return {
			perSecond: count / ((performance.now() - start) / 1000),
			perCpuSecond: count / ((used.user + used.system) / 1e6),
			waitP99: percentile(waits, 0.99),
			waitMax: waits[waits.length - 1]!
		};
	};

	const sequential = await measure(async () => {
		for (const w of work.slice(0, count)) await submit(w);
	});
	const queue = work.slice(count);
	const concurrent = await measure(async () => {
		// Each worker takes the next submission as soon as its last one is stored.
		const worker = async () => {
			for (let w = queue.shift(); w; w = queue.shift()) await submit(w);
		};
		await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
	});
	return { sequential, concurrent };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	await main();
}
