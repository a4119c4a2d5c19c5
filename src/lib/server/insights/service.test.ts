import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { storeResponses, type NewResponse } from '../responses/store';
import { createTestDb } from '$testing/db';
import {
	makeArea,
	makeInspectionWithFindings,
	makeSurvey,
	makeWave,
	opts,
	publishAll
} from '$testing/fixtures';
import { dashboard, findingInsights, questionInsights, surveyResults } from './service';
import { newcombe, wilson } from './stats';
import type { PublicShare } from './suppression';

let db: Db;
beforeEach(async () => {
	db = await createTestDb();
});

const SCALE_VALUES = ['strongly-agree', 'agree', 'neither', 'disagree', 'strongly-disagree'];

/** Responses from a list of [scale answer, yes/no answer, district or null]. */
function responses(
	rows: [string, string, string | null][],
	ids: { le: string; cp: string; district: string }
) {
	return rows.map(([le, cp, district]): NewResponse => ({
		submittedOn: '2026-01-10',
		channel: 'web',
		answers: {
			[ids.le]: [le],
			[ids.cp]: [cp],
			...(district ? { [ids.district]: [district] } : {})
		}
	}));
}

/** `counts[i]` answers of SCALE_VALUES[i], each with the same yes/no and district. */
function rowsOf(
	counts: number[],
	cp: string,
	district: string | null
): [string, string, string | null][] {
	return counts.flatMap((n, i) =>
		Array.from(
			{ length: n },
			() => [SCALE_VALUES[i]!, cp, district] as [string, string, string | null]
		)
	);
}

async function setUp() {
	const area = await makeArea(db);
	const { findings } = await makeInspectionWithFindings(db, area.id, ['COPR', 'EHCQ', 'INFO']);
	await db
		.updateTable('findings')
		.set({ kind: 'strength' })
		.where('id', '=', findings[2]!.id)
		.execute();
	const waves = [await makeWave(db, area.id, 0), await makeWave(db, area.id, 1)];
	const surveys: Awaited<ReturnType<typeof makeSurvey>>[] = [];
	for (const [w, waveId] of waves.entries()) {
		const survey = await makeSurvey(db, area.id, {
			waveId,
			status: w === 0 ? 'closed' : 'open',
			questions: [
				{
					kind: 'scale',
					key: 'listened-to',
					dimension: 'lived_experience',
					prompt: 'I am listened to.'
				},
				{
					kind: 'yes_no',
					key: 'asked-views',
					dimension: 'co_production',
					prompt: 'Were you asked?'
				},
				{
					kind: 'single',
					key: 'district',
					dimension: 'about_you',
					prompt: 'Where do you live?',
					options: JSON.stringify(opts(['North', 'South']))
				},
				{ kind: 'text', key: 'anything-else', prompt: 'Anything else?' }
			]
		});
		const [le, cp] = survey.questions;
		await db
			.insertInto('questionFindings')
			.values([
				{ questionId: le!.id, findingId: findings[0]!.id },
				{ questionId: cp!.id, findingId: findings[0]!.id }
			])
			.execute();
		surveys.push(survey);
	}
	const ids = (w: number) => ({
		le: surveys[w]!.questions[0]!.id,
		cp: surveys[w]!.questions[1]!.id,
		district: surveys[w]!.questions[2]!.id
	});
	// Wave 1: listened-to 5/10/5/10/10 (15 of 40 positive); asked 10 yes, 30 no.
	await storeResponses(
		db,
		surveys[0]!.id,
		surveys[0]!.questions,
		responses(
			[...rowsOf([5, 5, 0, 0, 0], 'yes', 'north'), ...rowsOf([0, 5, 5, 10, 10], 'no', 'south')],
			ids(0)
		)
	);
	// Wave 2: listened-to 15/20/5/10/10 (35 of 60); asked 30 yes, 30 no; 3 did not say where.
	await storeResponses(
		db,
		surveys[1]!.id,
		surveys[1]!.questions,
		responses(
			[
				...rowsOf([10, 15, 3, 5, 2], 'yes', 'north'),
				...rowsOf([5, 4, 2, 5, 6], 'no', 'south'),
				...rowsOf([0, 1, 0, 0, 2], 'no', null)
			].map((r, i) => (i < 30 ? [r[0], 'yes', r[2]] : [r[0], 'no', r[2]])),
			ids(1)
		)
	);
	await publishAll(db, area.id);
	return { area, findings, waves, surveys };
}

describe('dashboard', () => {
	it('shows each area of weakness with the hand-computed shares, change and trend', async () => {
		const { area, findings } = await setUp();
		const board = await dashboard(db, area.id);

		expect(board.waves.map((w) => w.name)).toEqual(['Wave 1', 'Wave 2']);
		const [group] = board.inspections;
		expect(group!.weaknesses.map((c) => c.code)).toEqual(['F1', 'F2']);
		expect(group!.strengths.map((c) => c.code)).toEqual(['F3']);

		const f1 = group!.weaknesses[0]!;
		expect(f1.id).toBe(findings[0]!.id);
		const [lived, coProduction] = f1.dimensions;
		expect(lived!.points.map((p) => (p.pooled.share as PublicShare).positive)).toEqual([15, 35]);
		expect(lived!.points.map((p) => (p.pooled.share as PublicShare).n)).toEqual([40, 60]);
		const latest = lived!.latest.share as PublicShare;
		expect(latest.share).toBeCloseTo(35 / 60, 12);
		expect(latest.lower).toBeCloseTo(wilson(35, 60).lower, 12);
		const expected = newcombe(35, 60, 15, 40);
		expect(lived!.change).toMatchObject({ difference: expected.difference, lower: expected.lower });
		expect(coProduction!.points.map((p) => (p.pooled.share as PublicShare).positive)).toEqual([
			10, 30
		]);
		// 30/60 − 10/40: the interval is clear of zero.
		expect(coProduction!.change).toMatchObject({ verdict: 'better' });
		expect(f1.direction).toBe('improved');

		// F2 has no questions: nothing to compare, and it says so.
		expect(group!.weaknesses[1]!.dimensions[0]!.latest.share).toBe('[x]');
		expect(group!.weaknesses[1]!.direction).toBe('no data');
		expect(board.summary).toEqual({ improved: 1, worsened: 0, unclear: 0, 'no data': 1 });
	});

	it('reads the publication, not the answers: nothing changes if they change afterwards', async () => {
		const { area } = await setUp();
		await db.deleteFrom('answers').execute();
		const board = await dashboard(db, area.id);
		const lived = board.inspections[0]!.weaknesses[0]!.dimensions[0]!;
		expect((lived.latest.share as PublicShare).n).toBe(60);
	});

	it('shows nothing of another area', async () => {
		await setUp();
		const other = await makeArea(db);
		const board = await dashboard(db, other.id);
		expect(board.inspections).toEqual([]);
		expect(board.waves).toEqual([]);
	});
});

describe('findingInsights', () => {
	it('gives trends per dimension, the questions as asked, and a breakdown', async () => {
		const { area, findings } = await setUp();
		const page = await findingInsights(db, area.id, findings[0]!.id, { by: 'district' });
		expect(page).not.toBeNull();
		expect(page!.dimensions.map((d) => d.dimension)).toEqual(['lived_experience', 'co_production']);
		expect(page!.questions.map((q) => q.wording.prompt).sort()).toEqual([
			'I am listened to.',
			'Were you asked?'
		]);
		const series = page!.questions.find((q) => q.wording.key === 'listened-to')!;
		expect(series.waves.map((w) => w.figures.n)).toEqual([40, 60]);

		const breakdown = page!.breakdown!;
		expect(breakdown.by).toBe('district');
		const lived = breakdown.dimensions.find((d) => d.dimension === 'lived_experience')!;
		expect(lived.groups.map((g) => g.label)).toEqual(['North', 'South', 'Not answered']);
		// North: 25 of 35 agree. The 3 who did not say where are too few to show, and so is
		// one more group, or the question's n minus North would give them away.
		expect((lived.groups[0]!.pooled.share as PublicShare).positive).toBe(25);
		expect((lived.groups[0]!.pooled.share as PublicShare).n).toBe(35);
		expect(lived.groups[2]!.pooled.share).toBe('[c]');
		expect(lived.groups[1]!.pooled.share).toBe('[c]');
	});

	it('breaks down by audience, and is null for another area’s finding', async () => {
		const { area, findings } = await setUp();
		const page = await findingInsights(db, area.id, findings[0]!.id, { by: 'audience' });
		const lived = page!.breakdown!.dimensions[0]!;
		expect(lived.groups.map((g) => g.label)).toEqual(['Parent carers', 'Young people']);
		expect((lived.groups[0]!.pooled.share as PublicShare).n).toBe(60);
		expect(lived.groups[1]!.pooled.share).toBe('[x]');
		const other = await makeArea(db);
		expect(await findingInsights(db, other.id, findings[0]!.id)).toBeNull();
	});
});

describe('questionInsights and surveyResults', () => {
	it('shows one question across waves with a breakdown, only within its area', async () => {
		const { area, surveys } = await setUp();
		const question = surveys[1]!.questions[0]!;
		const page = await questionInsights(db, area.id, question.id, { by: 'district' });
		expect(page!.series!.waves.map((w) => (w.figures.share as PublicShare).positive)).toEqual([
			15, 35
		]);
		expect(page!.findings.map((f) => f.code)).toEqual(['F1']);
		const north = page!.breakdown!.figures.groups[0]!;
		expect(north.n).toBe(35);
		expect(north.options.map((o) => o.count)).toEqual([10, 15, '[c]', 5, '[c]']);
		const other = await makeArea(db);
		expect(await questionInsights(db, other.id, question.id)).toBeNull();
	});

	it('lists every question of a questionnaire with its figures', async () => {
		const { area, surveys } = await setUp();
		const results = await surveyResults(db, area.id, surveys[0]!.id);
		expect(results!.responses).toBe(40);
		expect(results!.questions.map((q) => q.wording.key)).toEqual([
			'listened-to',
			'asked-views',
			'district',
			'anything-else'
		]);
		const district = results!.questions[2]!.figures!;
		expect(district.options.map((o) => o.count)).toEqual([10, 30]);
		expect(district.share).toBe('[z]');
		expect(results!.questions[3]!.comments).toEqual({ all: 0, reviewed: 0 });
		const other = await makeArea(db);
		expect(await surveyResults(db, other.id, surveys[0]!.id)).toBeNull();
	});
});

describe('the breakdown by the language families answered in', () => {
	async function translatedSurvey(languages: ('cy' | 'ur')[]) {
		const area = await makeArea(db);
		const waveId = await makeWave(db, area.id, 0);
		const survey = await makeSurvey(db, area.id, {
			waveId,
			status: 'closed',
			questions: [
				{ kind: 'scale', key: 'listened-to', dimension: 'lived_experience', prompt: 'Heard?' }
			]
		});
		for (const language of languages) {
			await db
				.insertInto('surveyTranslations')
				.values({
					surveyId: survey.id,
					language,
					stringKey: 'survey.title',
					text: 'Teitl',
					updatedAt: '2026-01-01T00:00:00Z'
				})
				.execute();
		}
		return { area, survey, question: survey.questions[0]! };
	}

	const answered = (
		question: { id: string },
		counts: Partial<Record<'en' | 'cy' | 'ur', number>>
	): NewResponse[] =>
		Object.entries(counts).flatMap(([language, n]) =>
			Array.from({ length: n }, (_, i) => ({
				submittedOn: '2026-01-10',
				channel: 'web' as const,
				language: language as 'en' | 'cy' | 'ur',
				answers: { [question.id]: [SCALE_VALUES[i % 2]!] }
			}))
		);

	/** The question page by language of a questionnaire in `languages`, answered `counts` times. */
	async function byLanguage(
		languages: ('cy' | 'ur')[],
		counts: Partial<Record<'en' | 'cy' | 'ur', number>>
	) {
		const { area, survey, question } = await translatedSurvey(languages);
		await storeResponses(db, survey.id, survey.questions, answered(question, counts));
		await publishAll(db, area.id);
		return (await questionInsights(db, area.id, question.id, { by: 'language' }))!;
	}

	it('splits a translated questionnaire’s answers by language', async () => {
		const page = await byLanguage(['cy', 'ur'], { en: 30, cy: 12, ur: 11 });
		expect(page.choices.map((c) => c.value)).toContain('language');
		expect(page.breakdown!.label).toBe('Language the family answered in');
		expect(page.breakdown!.figures.groups.map((g) => [g.label, g.n])).toEqual([
			['English', 30],
			['Welsh', 12],
			['Urdu', 11]
		]);
	});

	it('hides a small language group, and another so that it cannot be worked out', async () => {
		const page = await byLanguage(['cy', 'ur'], { en: 30, cy: 12, ur: 3 });
		// 45 answered and 30 in English: Welsh shown would give Urdu's 3.
		expect(page.breakdown!.figures.groups.map((g) => [g.label, g.n])).toEqual([
			['English', 30],
			['Welsh', '[c]'],
			['Urdu', '[c]']
		]);
	});

	it('lists the languages it has words in, not those that happen to have answers', async () => {
		const page = await byLanguage(['cy'], { en: 20 });
		expect(page.breakdown!.figures.groups.map((g) => g.label)).toEqual(['English', 'Welsh']);
	});

	it('is not offered for a questionnaire in English only', async () => {
		const page = await byLanguage([], { en: 20 });
		expect(page.choices.map((c) => c.value)).not.toContain('language');
		expect(page.breakdown).toBeNull();
	});
});
