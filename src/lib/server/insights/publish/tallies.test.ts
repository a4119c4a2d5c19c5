import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db';
import { hashSeed, seededRandom } from '../../demo/random';
import { storeResponses, type NewResponse } from '../../responses/store';
import { createTestDb } from '$testing/db';
import { makeArea, makeSurvey, opts } from '$testing/fixtures';
import { listQuestions } from '../repository';
import { tallySurvey } from './tallies';

let db: Db;
beforeEach(async () => {
	db = await createTestDb();
});

/** What SQL says: answers per (question, value), overall or within an about-you group. */
async function oracle(surveyId: string, about?: string) {
	const { rows } = await sql<{ q: string; g: string | null; v: string; n: number }>`
		select a.question_id as q, ${about ? sql`p.value` : sql`cast(null as text)`} as g, a.value as v, count(*) as n
		from responses r join answers a on a.response_id = r.id
		${about ? sql`join answers p on p.response_id = r.id and p.question_id = ${about}` : sql``}
		where r.survey_id = ${surveyId}
		group by a.question_id, g, a.value
	`.execute(db);
	return new Map(rows.map((r) => [`${r.q}|${r.g ?? ''}|${r.v}`, Number(r.n)]));
}

function flatten(byQuestion: Map<string, Map<string, number>>, group = ''): Map<string, number> {
	const flat = new Map<string, number>();
	for (const [q, counts] of byQuestion) {
		for (const [v, n] of counts) if (n > 0) flat.set(`${q}|${group}|${v}`, n);
	}
	return flat;
}

describe('counting a questionnaire in one pass', () => {
	it('gives the same totals and breakdowns as a GROUP BY for each, on random answers', async () => {
		const area = await makeArea(db);
		const survey = await makeSurvey(db, area.id, {
			questions: [
				{ kind: 'scale', key: 'listened-to', dimension: 'lived_experience' },
				{ kind: 'yes_no', key: 'asked', dimension: 'co_production' },
				{
					kind: 'multi',
					key: 'help',
					options: JSON.stringify([
						...opts(['School', 'Health', 'Social care']),
						{ value: 'none', label: 'None of these', notApplicable: true }
					])
				},
				{
					kind: 'single',
					key: 'district',
					dimension: 'about_you',
					options: JSON.stringify(opts(['North', 'South', 'East']))
				},
				{
					kind: 'single',
					key: 'age-band',
					dimension: 'about_you',
					options: JSON.stringify(opts(['Under 5', '5 to 10', '11 to 15']))
				}
			]
		});
		const [scale, yesNo, multi, district, age] = survey.questions;
		const random = seededRandom(hashSeed('tallies'));
		const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
		const responses: NewResponse[] = Array.from({ length: 240 }, () => {
			const answers: NewResponse['answers'] = {};
			// Some leave questions out, about-you ones included.
			if (random() < 0.9) answers[scale!.id] = [pick(scale!.options).value];
			if (random() < 0.8) answers[yesNo!.id] = [pick(yesNo!.options).value];
			if (random() < 0.7) {
				const chosen = multi!.options.filter(() => random() < 0.5).map((o) => o.value);
				if (chosen.length) answers[multi!.id] = chosen;
			}
			if (random() < 0.85) answers[district!.id] = [pick(district!.options).value];
			if (random() < 0.75) answers[age!.id] = [pick(age!.options).value];
			return { submittedOn: '2026-11-01', channel: 'web', language: pick(['en', 'cy']), answers };
		});
		await storeResponses(db, survey.id, survey.questions, responses);
		const questions = await listQuestions(db, area.id, { surveyIds: [survey.id] });

		const tallies = await tallySurvey(db, survey.id, questions);
		expect(tallies.responses).toBe(240);
		expect(flatten(tallies.totals)).toEqual(await oracle(survey.id));

		// Each about-you question splits every other "choose one" question.
		for (const about of [district!, age!]) {
			const expected = new Map(
				[...(await oracle(survey.id, about.id))].filter(([key]) => {
					const q = key.split('|')[0]!;
					return q !== about.id && q !== multi!.id;
				})
			);
			const counted = new Map<string, number>();
			for (const [q, byGroup] of tallies.cross.get(about.id)!) {
				for (const [g, counts] of byGroup) {
					for (const [key, n] of flatten(new Map([[q, counts]]), g)) counted.set(key, n);
				}
			}
			expect(counted).toEqual(expected);
		}

		// By language, and respondents choosing anything of the "choose any" question.
		const welsh = responses.filter((r) => r.language === 'cy' && r.answers[scale!.id]);
		expect(tallies.byLanguage.get(scale!.id)!.get('cy')!.get(scale!.options[0]!.value) ?? 0).toBe(
			welsh.filter((r) => r.answers[scale!.id]![0] === scale!.options[0]!.value).length
		);
		expect(tallies.choosing.get(multi!.id)).toBe(
			responses.filter((r) => r.answers[multi!.id]?.some((v) => v !== 'none')).length
		);
	});
});
