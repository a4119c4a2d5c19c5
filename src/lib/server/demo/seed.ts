/**
 * The demo: three real local areas with their inspection findings, a parent-carer and an
 * easy-read young-person questionnaire per wave, three waves (two closed, one open), synthetic
 * responses that improve on some findings and not others, access codes and a demo admin each.
 * Deterministic: the same data on every machine for a given date.
 */
import type { Question } from '$lib/questions/types';
import { nowIso, today, type Db } from '../db';
import { findPersonalData, redactSpans } from '../comments/flags';
import type { Audience, FindingKind, InspectionKind, PopulationMargin } from '../db/schema';
import { newId } from '../ids';
import { hashPassword } from '../auth/password';
import { createBatch } from '../responses/batches';
import { hashCode, normaliseCode } from '../responses/codes';
import { publishSurvey } from '../insights/publish/refresh';
import { storeResponses, type NewResponse } from '../responses/store';
import {
	aboutYouQuestions,
	bankQuestions,
	freeTextQuestions,
	isForAudience,
	questionFor,
	type QuestionDraft
} from '../surveys/bank';
import { insertDraftQuestions, listQuestions } from '../surveys/repository';
import { replaceTranslations, surveyStrings } from '../surveys/translations';
import { TRANSLATIONS } from '$lib/i18n';
import { TRANSLATED_DEMO_AREA, demoTranslation } from './translations';
import { demoBatchSeed, demoCode, demoCodeMaker } from './codes';
import fixtures from './local-areas.json';
import { hashSeed, pickWeighted, seededRandom } from './random';
import { COMMENT_POOL, YOUNG_COMMENT_POOL, trendFor } from './themes';
import { demoPartner, seedPlan } from './plan';

export const DEMO_DISTRICTS: Record<string, string[]> = {
	lancashire: ['North', 'Central', 'East'],
	worcestershire: ['North Worcestershire', 'South Worcestershire', 'Wyre Forest'],
	essex: ['North', 'Mid', 'South', 'West']
};

/** The demo admin of an area. Printed by `npm start`; only ever created in demo areas. */
export function demoAdmin(slug: string) {
	return { email: `admin@${slug}.demo.example`, password: `heard-demo-${slug}` };
}

export const DEMO_BATCH_SIZE = 400;
const DEMO_FLAG_TERMS = ['Greenfield Academy', 'St Mary’s Primary'];
const WAVES = 3;
const PARENTS_PER_WAVE = [310, 290, 120];
const YOUNG_PER_WAVE = [95, 110, 40];

export async function isEmpty(db: Db): Promise<boolean> {
	const row = await db.selectFrom('localAreas').select('id').limit(1).executeTakeFirst();
	return !row;
}

export async function seedDemo(db: Db, now = new Date()): Promise<void> {
	const hashes = new Map<string, { admin: string; partner: string }>();
	for (const area of fixtures.localAreas) {
		hashes.set(area.slug, {
			admin: await hashPassword(demoAdmin(area.slug).password),
			partner: await hashPassword(demoPartner(area.slug).password)
		});
	}
	await db.transaction().execute(async (trx) => {
		for (const area of fixtures.localAreas) {
			await seedArea(trx, area, now, hashes.get(area.slug)!);
		}
	});
}

/**
 * The fixture's framework in the app's words, and the dates that follow: the plan's deadline
 * from the documents, and a monitoring visit (revisit) moved onto the demo's own timeline so the
 * dashboard has a milestone to count down to.
 */
function inspectionFollowUps(
	area: AreaFixture,
	inspection: AreaFixture['inspections'][number],
	now: Date
) {
	const wsoa = /written statement of action required/i.test(inspection.outcome);
	const plan = area.improvementPlan as { submissionDeadline?: string };
	const ahead: Record<string, number> = { lancashire: 45, worcestershire: 90, essex: 150 };
	return {
		framework: /2016/.test(inspection.framework) ? 'local_area_send_2016' : 'other',
		outcomeKind: wsoa ? 'wsoa_required' : null,
		planDueOn: wsoa ? (plan.submissionDeadline ?? null) : null,
		monitoringOn: wsoa ? addDays(today(now), ahead[area.slug] ?? 60) : null
	};
}

type AreaFixture = (typeof fixtures.localAreas)[number];

async function seedArea(
	db: Db,
	area: AreaFixture,
	now: Date,
	hashes: { admin: string; partner: string }
) {
	const createdAt = nowIso(now);
	const areaId = newId();
	const districts = DEMO_DISTRICTS[area.slug] ?? ['North', 'South'];
	await db
		.insertInto('localAreas')
		.values({
			id: areaId,
			slug: area.slug,
			name: area.name,
			isDemo: 1,
			youthGroup: 'youthParticipationGroup' in area ? area.youthParticipationGroup : null,
			districts: JSON.stringify(districts),
			flagTerms: JSON.stringify(DEMO_FLAG_TERMS),
			createdAt
		})
		.execute();
	const admin = demoAdmin(area.slug);
	const adminId = newId();
	await db
		.insertInto('users')
		.values({
			id: adminId,
			localAreaId: areaId,
			email: admin.email,
			name: `${area.name} demo admin`,
			role: 'admin',
			passwordHash: hashes.admin,
			expiresOn: null,
			disabledAt: null,
			createdAt
		})
		.execute();

	await seedPopulation(db, areaId, area.slug, createdAt);

	// Inspections and findings, in the order of the inspection report.
	const findings: { id: string; theme: string; kind: FindingKind }[] = [];
	for (const [i, inspection] of area.inspections.entries()) {
		const inspectionId = newId();
		await db
			.insertInto('inspections')
			.values({
				id: inspectionId,
				localAreaId: areaId,
				kind: inspection.kind as InspectionKind,
				...inspectionFollowUps(area, inspection, now),
				startsOn: inspection.from,
				endsOn: inspection.to,
				outcome: inspection.outcome,
				position: i,
				createdAt
			})
			.execute();
		for (const [j, finding] of inspection.findings.entries()) {
			const id = newId();
			findings.push({ id, theme: finding.theme, kind: finding.kind as FindingKind });
			await db
				.insertInto('findings')
				.values({
					id,
					localAreaId: areaId,
					inspectionId,
					kind: finding.kind as FindingKind,
					code: finding.code,
					title: finding.title,
					detail: (finding as { detail?: string }).detail ?? null,
					theme: finding.theme,
					position: j,
					createdAt
				})
				.execute();
		}
	}

	const commentThemes = await seedCommentThemes(db, areaId, findings);
	const weaknessThemes = new Set(findings.filter((f) => f.kind !== 'strength').map((f) => f.theme));
	const allThemes = new Set(findings.map((f) => f.theme));

	const waves: DemoWave[] = [];
	const surveys: { id: string; waveIndex: number; audience: Audience; opensOn: string }[] = [];
	for (let w = 0; w < WAVES; w++) {
		const wave = waveDates(now, w);
		waves.push(wave);
		const waveId = newId();
		await db
			.insertInto('waves')
			.values({
				id: waveId,
				localAreaId: areaId,
				name: wave.name,
				startsOn: wave.opensOn,
				endsOn: wave.closesOn,
				position: w
			})
			.execute();
		for (const audience of ['parent_carer', 'young_person'] as const) {
			const drafts = withSignVideo(
				area.slug,
				audience,
				demoQuestions(audience, weaknessThemes, allThemes, districts)
			);
			const surveyId = await insertSurvey(db, {
				areaId,
				waveId,
				audience,
				wave,
				areaName: area.name,
				createdAt,
				drafts,
				findings
			});
			surveys.push({ id: surveyId, waveIndex: w, audience, opensOn: wave.opensOn });
			const questions = await listQuestions(db, surveyId);
			if (wave.open && area.slug === TRANSLATED_DEMO_AREA) {
				await seedTranslations(db, surveyId, area.name, questions);
			}
			const count = (audience === 'parent_carer' ? PARENTS_PER_WAVE : YOUNG_PER_WAVE)[w]!;
			const random = seededRandom(hashSeed(`${area.slug}:${w}:${audience}`));
			const responses = Array.from({ length: count }, () =>
				syntheticResponse(random, area.slug, audience, questions, w, wave)
			);
			if (wave.open && area.slug === TRANSLATED_DEMO_AREA)
				answeredInLanguages(responses, area.slug);
			await storeResponses(db, surveyId, questions, responses);
			await reviewComments(db, surveyId, w < WAVES - 1, random, commentThemes);
			if (audience === 'parent_carer') {
				await seedBatches(db, {
					areaId,
					surveyId,
					slug: area.slug,
					waveIndex: w,
					districts,
					questions,
					responses
				});
			}
		}
	}

	// Every wave's figures are published as they would have been: closed waves for good.
	for (const survey of surveys) {
		await publishSurvey(db, survey.id, { final: survey.waveIndex < WAVES - 1 });
	}

	await seedPlan(db, {
		areaId,
		slug: area.slug,
		adminId,
		partnerPasswordHash: hashes.partner,
		findings,
		waves: waves.map((w) => ({ startsOn: w.opensOn, endsOn: w.closesOn })),
		surveys,
		now
	});
}

interface DemoWave {
	name: string;
	opensOn: string;
	closesOn: string;
	open: boolean;
}

/** Wave 3 is open now; waves 1 and 2 closed six and twelve months ago. */
function waveDates(now: Date, index: number): DemoWave {
	const monthsAgo = (WAVES - 1 - index) * 6;
	const opens = new Date(
		Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, now.getUTCDate() - 21)
	);
	const closes = new Date(opens.getTime() + (index === WAVES - 1 ? 63 : 42) * 86400000);
	const season = opens.getUTCMonth() < 6 ? 'spring' : 'autumn';
	return {
		name: `Wave ${index + 1}: ${season} ${opens.getUTCFullYear()}${index === 0 ? ' (baseline)' : ''}`,
		opensOn: opens.toISOString().slice(0, 10),
		closesOn: closes.toISOString().slice(0, 10),
		open: index === WAVES - 1
	};
}

const SECTIONS: Record<string, string> = {
	EHCQ: 'Your child’s EHC plan',
	EHCT: 'Your child’s EHC plan',
	REVW: 'Your child’s EHC plan',
	SENS: 'Support and services',
	HLTH: 'Support and services',
	NDEV: 'Support and services',
	SOCC: 'Support and services',
	EXCL: 'Support and services',
	PFA: 'Support and services',
	INFO: 'Information and being heard',
	LEAD: 'Information and being heard',
	COPR: 'Information and being heard',
	JCOM: 'Information and being heard',
	OUTC: 'Overall'
};
const SECTION_ORDER = [
	'Your child’s EHC plan',
	'Support and services',
	'Information and being heard',
	'Overall',
	'About you and your child',
	'Anything else'
];

/**
 * One British Sign Language video, on the first question families of the translated area meet,
 * so the demo shows the link and its caption (translated in translations.ts). Only a link: the
 * address is a plausible council page, and nothing loads from it unless someone follows it.
 */
const DEMO_SIGN_VIDEO = {
	slug: TRANSLATED_DEMO_AREA,
	key: 'ehc-plan-involved',
	video: {
		url: 'https://www.essexlocaloffer.org.uk/bsl/send-survey/ehc-plan-involved',
		caption:
			'Were you involved as an equal partner when your child’s EHC plan was written or last changed? Choose one answer, from “Strongly agree” to “Strongly disagree”. If there is no plan yet, choose “Does not apply / don’t know”.'
	}
};

function withSignVideo(slug: string, audience: Audience, drafts: QuestionDraft[]): QuestionDraft[] {
	if (slug !== DEMO_SIGN_VIDEO.slug || audience !== 'parent_carer') return drafts;
	return drafts.map((q) =>
		q.key === DEMO_SIGN_VIDEO.key
			? { ...q, settings: { ...q.settings, signVideo: DEMO_SIGN_VIDEO.video } }
			: q
	);
}

/** Young people are asked their age and who filled the questionnaire in. */
const YOUNG_ABOUT_YOU = new Set(['age-band', 'answered-by']);

/** Bank questions that serve this area's areas of weakness, in section order. */
function demoQuestions(
	audience: Audience,
	weaknessThemes: Set<string>,
	allThemes: Set<string>,
	districts: string[]
): QuestionDraft[] {
	const young = audience === 'young_person';
	const chosen = bankQuestions()
		.filter(
			(q) =>
				q.theme &&
				(weaknessThemes.has(q.theme) || (q.key === 'overall-experience' && allThemes.has(q.theme)))
		)
		.filter((q) => q.theme !== 'OUTC' || q.key === 'overall-experience')
		.filter((q) => !young || q.easyRead)
		.map((q) => ({ ...questionFor(q, audience), section: SECTIONS[q.theme ?? ''] ?? 'Overall' }));
	const about = aboutYouQuestions(districts)
		.filter((q) => isForAudience(q, audience))
		.filter((q) => (young ? YOUNG_ABOUT_YOU.has(q.key) : q.key !== 'respondent'))
		.map((q) => ({
			...questionFor(q, audience),
			section: 'About you and your child',
			easyRead: young ? (q.key === 'age-band' ? 'How old are you?' : q.easyRead) : null
		}));
	const text = freeTextQuestions().map((q) => ({
		...questionFor(q, audience),
		section: 'Anything else'
	}));
	return [...chosen, ...about, ...text].sort(
		(a, b) => SECTION_ORDER.indexOf(a.section ?? '') - SECTION_ORDER.indexOf(b.section ?? '')
	);
}

async function insertSurvey(
	db: Db,
	input: {
		areaId: string;
		waveId: string;
		audience: Audience;
		wave: DemoWave;
		areaName: string;
		createdAt: string;
		drafts: QuestionDraft[];
		findings: { id: string; theme: string }[];
	}
): Promise<string> {
	const young = input.audience === 'young_person';
	const id = newId();
	await db
		.insertInto('surveys')
		.values({
			id,
			localAreaId: input.areaId,
			waveId: input.waveId,
			audience: input.audience,
			title: young
				? `Tell us about your help: ${input.areaName} young people`
				: `Your family’s experience of SEND support in ${input.areaName}`,
			intro: young
				? 'We want to know what you think about the help you get. There are no right or wrong answers.'
				: 'We want to hear what it is like for your family to get support for your child’s special educational needs or disability. What you tell us shows whether the changes we have made are making a difference.',
			status: input.wave.open ? 'open' : 'closed',
			accessMode: young ? 'open' : 'code',
			opensOn: input.wave.opensOn,
			closesOn: input.wave.closesOn,
			resultsOn: addDays(input.wave.closesOn, 42),
			isDemo: 1,
			createdAt: input.createdAt,
			openedAt: input.createdAt,
			closedAt: input.wave.open ? null : input.createdAt
		})
		.execute();
	await insertDraftQuestions(db, id, input.drafts, input.findings);
	return id;
}

/** Welsh and Urdu for a questionnaire, from the demo's words; anything without words stays out. */
async function seedTranslations(
	db: Db,
	surveyId: string,
	areaName: string,
	questions: Question[]
): Promise<void> {
	const survey = await db
		.selectFrom('surveys')
		.select(['title', 'intro', 'audience'])
		.where('id', '=', surveyId)
		.executeTakeFirstOrThrow();
	const strings = surveyStrings(survey, questions);
	for (const language of TRANSLATIONS) {
		const texts = new Map<string, string>();
		for (const s of strings) {
			const words = demoTranslation(s.english, language, areaName);
			if (words) texts.set(s.key, words);
		}
		await replaceTranslations(db, surveyId, language, texts);
	}
}

/**
 * Some families of the translated questionnaires answer online in Urdu or Welsh. Drawn from a
 * stream of its own, so the answers themselves are the same as without translations.
 */
function answeredInLanguages(responses: NewResponse[], slug: string): void {
	const random = seededRandom(hashSeed(`${slug}:languages`));
	for (const response of responses) {
		const draw = random();
		if (response.channel !== 'web') continue;
		if (draw < 0.07) response.language = 'ur';
		else if (draw < 0.1) response.language = 'cy';
	}
}

function addDays(date: string, days: number): string {
	return new Date(Date.parse(date) + days * 86400000).toISOString().slice(0, 10);
}

// Distributions of the about-you answers: some groups are small, so suppression has work to do.
// Need is skewed the way national surveys find: families of autistic children and of children
// with social, emotional and mental health needs answer less than their share of the area
// (compare DEMO_NEED_SHARES), those with learning or sensory needs more; most who answer the
// letters have an EHC plan.
const ABOUT_WEIGHTS: Record<string, number[]> = {
	'age-band': [0.06, 0.36, 0.34, 0.2, 0.04],
	setting: [0.05, 0.42, 0.1, 0.28, 0.1, 0.02, 0.03],
	need: [0.36, 0.27, 0.12, 0.16, 0.09],
	'ehc-plan': [0.5, 0.44, 0.06],
	'answered-by': [0.45, 0.4, 0.15]
};

/**
 * How much more or less positive families of each need are (added to the chance of a positive
 * answer): the under-represented needs fare worse, so weighting visibly lowers the shares.
 */
const NEED_MOOD: Record<string, number> = {
	'communication-and-interaction': -0.1,
	'cognition-and-learning': 0.08,
	'social-emotional-and-mental-health': -0.14,
	'sensory-and-or-physical': 0.1
};

/**
 * Shares of EHC plans by broad area of need and by age band: the DfE's national figures for
 * January 2025 (EHC plans by primary type of need: autism 31.5%, speech, language and
 * communication 21.3%, social, emotional and mental health 20.7%, moderate learning difficulty
 * 10.6%, …; 2% other or not recorded), grouped as the need question groups them.
 */
export const DEMO_NEED_SHARES: Record<string, number> = {
	'communication-and-interaction': 0.528,
	'cognition-and-learning': 0.182,
	'social-emotional-and-mental-health': 0.207,
	'sensory-and-or-physical': 0.064
};
const DEMO_AGE_SHARES: Record<string, number> = {
	'0-to-4': 0.04,
	'5-to-10': 0.37,
	'11-to-15': 0.34,
	'16-to-19': 0.2,
	'20-to-25': 0.05
};
/** EHC plans and pupils on SEN support per demo area (Lancashire's from its improvement plan). */
const DEMO_POPULATION: Record<string, { ehcPlans: number; senSupport: number }> = {
	lancashire: { ehcPlans: 6500, senSupport: 16500 },
	worcestershire: { ehcPlans: 3900, senSupport: 11800 },
	essex: { ehcPlans: 9100, senSupport: 26400 }
};

async function seedPopulation(db: Db, areaId: string, slug: string, createdAt: string) {
	const size = DEMO_POPULATION[slug] ?? { ehcPlans: 2000, senSupport: 6000 };
	const row = (margin: PopulationMargin, category: string, count: number, detail: string) => ({
		localAreaId: areaId,
		margin,
		category,
		count: Math.round(count),
		source: 'manual' as const,
		sourceDetail: `DEMO: ${detail}`,
		asOf: `${createdAt.slice(0, 4)}-01-16`,
		updatedAt: createdAt,
		updatedBy: null
	});
	const shares = 'national shares of EHC plans (DfE, January 2025) scaled to the area';
	await db
		.insertInto('populationCounts')
		.values([
			...Object.entries(DEMO_NEED_SHARES).map(([c, p]) =>
				row('need', c, p * size.ehcPlans, shares)
			),
			...Object.entries(DEMO_AGE_SHARES).map(([c, p]) =>
				row('age-band', c, p * size.ehcPlans, shares)
			),
			row('ehc-plan', 'yes', size.ehcPlans, 'illustrative count of EHC plans'),
			row('ehc-plan', 'no-sen-support', size.senSupport, 'illustrative count on SEN support')
		])
		.execute();
}

function syntheticResponse(
	random: () => number,
	area: string,
	audience: Audience,
	questions: Question[],
	waveIndex: number,
	wave: DemoWave
): NewResponse {
	const answers: NewResponse['answers'] = {};
	// A family's general mood moves all their answers a little together; so does their child's
	// need, which is answered before the experience questions are drawn.
	let mood = (random() - 0.5) * 0.3;
	const need = questions.find((q) => q.key === 'need');
	const about = questions.filter((q) => q.dimension === 'about_you');
	for (const q of about) {
		if (random() < 0.06) continue; // some skip the about-you questions
		const weights =
			ABOUT_WEIGHTS[q.key] ??
			q.options.map((_, i) => (i === 0 ? 0.45 : 0.55 / (q.options.length - 1)));
		answers[q.id] = [q.options[pickWeighted(random, weights)]!.value];
	}
	if (need) mood += NEED_MOOD[answers[need.id]?.[0] ?? ''] ?? 0;
	for (const q of questions) {
		if (q.dimension === 'about_you') {
			continue; // answered above
		} else if (q.kind === 'text') {
			const pool = audience === 'young_person' ? YOUNG_COMMENT_POOL : COMMENT_POOL;
			if (random() < 0.3) answers[q.id] = [pool[Math.floor(random() * pool.length)]!.body];
		} else if (q.options.some((o) => o.positive)) {
			answers[q.id] = [scaleAnswer(random, q, trendFor(area, q.theme), waveIndex, mood)];
		} else {
			// Unordered choices (waiting times, exclusions): shift towards the first options over time.
			const weights = q.options.map(
				(_, i) => 1 + (i === 0 ? waveIndex * 0.4 : 0) + (i === q.options.length - 1 ? 0.3 : 0)
			);
			answers[q.id] = [q.options[pickWeighted(random, weights)]!.value];
		}
	}
	const day = Math.floor(random() * (wave.open ? 21 : 42));
	return {
		submittedOn: addDays(wave.opensOn, day),
		channel: random() < 0.05 && audience === 'parent_carer' ? 'paper' : 'web',
		answers
	};
}

function scaleAnswer(
	random: () => number,
	q: Question,
	trend: { base: number; perWave: number },
	wave: number,
	mood: number
): string {
	const na = q.options.find((o) => o.notApplicable);
	if (na && random() < 0.05) return na.value;
	const positives = q.options.filter((o) => o.positive);
	const others = q.options.filter((o) => !o.positive && !o.notApplicable);
	const p = Math.min(0.95, Math.max(0.03, trend.base + trend.perWave * wave + mood));
	const pool = random() < p ? positives : others;
	// Within a side, favour the milder answer.
	const weights = pool.map((_, i) =>
		pool === positives ? (i === pool.length - 1 ? 2 : 1) : i === 0 ? 2 : 1.4 - i * 0.2
	);
	return pool[pickWeighted(random, weights)]!.value;
}

/** Comment themes an officer would have set up, each linked to the findings it speaks to. */
async function seedCommentThemes(
	db: Db,
	areaId: string,
	findings: { id: string; theme: string }[]
) {
	const links: Record<string, string[]> = {
		'Waiting times': ['HLTH', 'NDEV', 'EHCT', 'JCOM'],
		Communication: ['INFO', 'LEAD'],
		'EHC plans': ['EHCQ', 'EHCT'],
		'Being heard': ['COPR'],
		'School places': ['SUFF', 'SENS'],
		Therapies: ['HLTH', 'JCOM'],
		'School support': ['SENS', 'OUTC'],
		Exclusions: ['EXCL', 'SAFE'],
		'Preparing for adulthood': ['PFA'],
		'Short breaks': ['SOCC']
	};
	const ids = new Map<string, string>();
	for (const [name, themes] of Object.entries(links)) {
		const id = newId();
		ids.set(name, id);
		await db.insertInto('commentThemes').values({ id, localAreaId: areaId, name }).execute();
		const linked = findings.filter((f) => themes.includes(f.theme));
		if (linked.length > 0) {
			await db
				.insertInto('commentThemeFindings')
				.values(linked.map((f) => ({ themeId: id, findingId: f.id })))
				.execute();
		}
	}
	return ids;
}

/** Comments of closed waves have been reviewed and tagged; personal details redacted. */
async function reviewComments(
	db: Db,
	surveyId: string,
	reviewed: boolean,
	random: () => number,
	themes: Map<string, string>
) {
	const comments = await db
		.selectFrom('comments')
		.select(['id', 'body'])
		.where('surveyId', '=', surveyId)
		.execute();
	const pool = [...COMMENT_POOL, ...YOUNG_COMMENT_POOL];
	for (const comment of comments) {
		const theme = pool.find((c) => c.body === comment.body)?.theme;
		const flags = findPersonalData(comment.body, DEMO_FLAG_TERMS);
		if (!reviewed || random() < 0.1) {
			const kinds = [...new Set(flags.map((f) => f.kind))];
			if (kinds.length > 0)
				await db
					.updateTable('comments')
					.set({ flags: JSON.stringify(kinds) })
					.where('id', '=', comment.id)
					.execute();
			continue;
		}
		const redactedBody = redactSpans(comment.body, flags);
		await db
			.updateTable('comments')
			.set({
				status: 'reviewed',
				body: redactedBody,
				redacted: flags.length > 0 ? 1 : 0,
				reviewedOn: today()
			})
			.where('id', '=', comment.id)
			.execute();
		const themeId = theme && themes.get(theme);
		if (themeId)
			await db.insertInto('commentTags').values({ commentId: comment.id, themeId }).execute();
	}
}

/** One batch of letters per district; as many codes used as that district sent answers. */
async function seedBatches(
	db: Db,
	input: {
		areaId: string;
		surveyId: string;
		slug: string;
		waveIndex: number;
		districts: string[];
		questions: Question[];
		responses: NewResponse[];
	}
) {
	const district = input.questions.find((q) => q.key === 'district');
	for (const [b, name] of input.districts.entries()) {
		const seed = demoBatchSeed(input.slug, input.waveIndex, b);
		await createBatch(
			db,
			{
				localAreaId: input.areaId,
				surveyId: input.surveyId,
				label: `${name} letters`,
				size: DEMO_BATCH_SIZE,
				createdBy: null
			},
			demoCodeMaker(seed)
		);
		const value = district?.options[b]?.value;
		const used = input.responses.filter(
			(r) => district && r.channel === 'web' && r.answers[district.id]?.[0] === value
		).length;
		const hashes = Array.from({ length: used }, (_, i) =>
			hashCode(normaliseCode(demoCode(seed, i)))
		);
		for (let i = 0; i < hashes.length; i += 500) {
			await db
				.updateTable('accessCodes')
				.set({ used: 1 })
				.where('codeHash', 'in', hashes.slice(i, i + 500))
				.execute();
		}
	}
}
