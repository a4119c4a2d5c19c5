import { describe, expect, it } from 'vitest';
import { representativenessPage } from '../representativeness/service';
import { createTestDb } from '$testing/db';
import { loadQuestionnaire } from '../responses/service';
import { seedDemo } from './seed';
import { describeDemo } from './summary';
import { findCode } from '../responses/batches';
import { hashCode, normaliseCode } from '../responses/codes';
import { TRANSLATED_DEMO_AREA } from './translations';

describe('the demo', () => {
	it(
		'gives every area population figures and answers skewed by need, so weighting shows',
		{ timeout: 60_000 },
		async () => {
			const db = await createTestDb();
			await seedDemo(db);
			const areas = await db.selectFrom('localAreas').select(['id', 'slug']).execute();
			for (const area of areas) {
				const page = (await representativenessPage(db, area.id, null))!;
				expect(page.population.hasAny, area.slug).toBe(true);
				const parents = page.choices.find(
					(c) => c.label.includes('Wave 2') && c.label.includes('Parent')
				)!;
				const closed = (await representativenessPage(db, area.id, parents.id))!;
				const w = closed.current!.weighting;
				expect(w.usable, area.slug).toBe(true);
				expect(w.margins.filter((m) => m.used).map((m) => m.key)).toEqual([
					'need',
					'age-band',
					'ehc-plan'
				]);
				// Autism and communication needs: about half the area, about a third of the answers.
				const need = w.profile.find((p) => p.key === 'need')!;
				const ci = need.rows.find((r) => r.value === 'communication-and-interaction')!;
				expect(ci.populationShare!).toBeGreaterThan(0.5);
				expect(ci.respondentShare as number).toBeLessThan(0.45);
				// Weighted and unweighted differ visibly on most questions.
				const gaps = closed.rows
					.filter((r) => typeof r.weighted === 'object' && typeof r.unweighted === 'object')
					.map((r) =>
						Math.abs(
							(r.weighted as { share: number }).share - (r.unweighted as { share: number }).share
						)
					);
				expect(gaps.length, area.slug).toBeGreaterThan(3);
				expect(Math.max(...gaps), area.slug).toBeGreaterThan(0.03);
			}
			// Young people answer who filled it in, and are weighted by age.
			const lancs = areas.find((a) => a.slug === 'lancashire')!;
			const page = (await representativenessPage(db, lancs.id, null))!;
			const young = page.choices.find((c) => c.label.includes('Young'))!;
			const yp = (await representativenessPage(db, lancs.id, young.id))!;
			expect(yp.current!.questions.some((q) => q.key === 'answered-by')).toBe(true);
			expect(yp.current!.weighting.margins.find((m) => m.key === 'age-band')!.used).toBe(true);
			// One area's open questionnaires are offered in Welsh and Urdu: every string translated.
			const translated = await db
				.selectFrom('surveys')
				.innerJoin('localAreas', 'localAreas.id', 'surveys.localAreaId')
				.select(['surveys.id', 'localAreas.slug'])
				.where('surveys.status', '=', 'open')
				.execute();
			for (const survey of translated) {
				const q = (await loadQuestionnaire(db, survey.id, 'ur'))!;
				const expected = survey.slug === TRANSLATED_DEMO_AREA ? ['en', 'cy', 'ur'] : ['en'];
				expect(q.offered, survey.slug).toEqual(expected);
				// Its parent carers' first question has a sign-language video, captioned in Urdu too.
				const videos = q.questions.filter((x) => x.settings.signVideo).map((x) => x.key);
				const parents =
					survey.slug === TRANSLATED_DEMO_AREA && q.survey.audience === 'parent_carer';
				expect(videos, survey.slug).toEqual(parents ? ['ehc-plan-involved'] : []);
				if (parents) expect(q.questions[0]!.settings.signVideo?.caption).toMatch(/^جب آپ/);
			}
			// npm start prints three codes per area that open its questionnaire: none used or begun.
			const described = await describeDemo(db);
			expect(described.map((a) => a.unusedCodes.length)).toEqual(areas.map(() => 3));
			for (const area of described) {
				const coded = area.surveys.find((s) => s.accessMode === 'code')!;
				for (const code of area.unusedCodes) {
					const found = await findCode(db, coded.id, hashCode(normaliseCode(code)));
					expect(found, code).toEqual({ used: false, draftId: null });
				}
			}
			// Once one is used, it is no longer offered.
			const first = described[0]!;
			await db
				.updateTable('accessCodes')
				.set({ used: 1 })
				.where('codeHash', '=', hashCode(normaliseCode(first.unusedCodes[0]!)))
				.execute();
			const again = (await describeDemo(db)).find((a) => a.slug === first.slug)!;
			expect(again.unusedCodes).not.toContain(first.unusedCodes[0]);
			expect(again.unusedCodes.slice(0, 2)).toEqual(first.unusedCodes.slice(1));
		}
	);
});
