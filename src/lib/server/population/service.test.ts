import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { createTestDb } from '$testing/db';
import { makeArea, makeUser } from '$testing/fixtures';
import { parseForm } from '../forms';
import { POPULATION_FIELDS, fieldName, populationSchema } from './input';
import {
	confirmImport,
	populationTargets,
	populationView,
	previewImport,
	savePopulation
} from './service';

const HEADER =
	'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown,ehc_plans,number_asd,number_semh,number_mld,number_pd,number_oth';
const lancs = (topic: string, breakdown: string, cells: string) =>
	`202425,Academic year,Local authority,E92000001,England,E12000002,North West,E10000017,888,Lancashire,${topic},${breakdown},${cells}`;
const GOOD = [
	HEADER,
	lancs('All EHC plans', 'All EHC plans', '1000,400,300,200,90,10'),
	lancs('Child or young persons age', 'age 4', '100,0,0,0,0,0'),
	lancs('Child or young persons age', 'age 12', '900,0,0,0,0,0')
].join('\n');

async function audit(db: Db, areaId: string) {
	return db
		.selectFrom('auditEvents')
		.select(['action', 'detail'])
		.where('localAreaId', '=', areaId)
		.execute();
}

describe('population', () => {
	let db: Db;
	let area: { id: string };
	let officer: { id: string; localAreaId: string };

	beforeEach(async () => {
		db = await createTestDb();
		area = await makeArea(db);
		officer = await makeUser(db, area.id, { role: 'officer', passwordHash: 'x' });
	});

	it('imports a DfE file only once its preview is confirmed, and then all of it', async () => {
		const preview = previewImport(officer, GOOD, 'Lancashire');
		expect(preview.ok).toBe(true);
		if (!preview.ok) return;
		expect((await populationView(db, area.id)).hasAny).toBe(false);

		const stored = await confirmImport(db, officer, preview.token);
		expect(stored.ok).toBe(true);
		const targets = await populationTargets(db, area.id);
		expect(Object.fromEntries(targets.get('need')!)).toEqual({
			'communication-and-interaction': 400,
			'social-emotional-and-mental-health': 300,
			'cognition-and-learning': 200,
			'sensory-and-or-physical': 90
		});
		expect(Object.fromEntries(targets.get('age-band')!)).toEqual({
			'0-to-4': 100,
			'11-to-15': 900
		});
		expect(Object.fromEntries(targets.get('ehc-plan')!)).toEqual({ yes: 1000 });
		const view = await populationView(db, area.id);
		const need = view.margins.find((m) => m.key === 'need')!;
		expect(need.groups[0]).toMatchObject({ source: 'dfe', asOf: '2025-01-01' });
		expect(need.groups[0]!.sourceDetail).toMatch(/Lancashire \(E10000017\), January 2025/);
		expect((await audit(db, area.id)).map((e) => e.action)).toEqual(['population_imported']);
	});

	it('stores nothing from a bad file', async () => {
		const bad = GOOD.replace('1000,400', '1000,four hundred');
		const preview = previewImport(officer, bad, 'Lancashire');
		expect(preview).toEqual({
			ok: false,
			errors: [expect.stringMatching(/Line 2: number_asd is “four hundred”/)]
		});
		expect((await populationView(db, area.id)).hasAny).toBe(false);
		expect(await audit(db, area.id)).toEqual([]);
	});

	it('refuses a preview that was altered, is another area’s or another officer’s, or is old', async () => {
		const preview = previewImport(officer, GOOD, 'Lancashire');
		if (!preview.ok) throw new Error('preview failed');
		const other = await makeArea(db);
		const stranger = await makeUser(db, other.id, { role: 'officer', passwordHash: 'x' });
		const colleague = await makeUser(db, area.id, { role: 'officer', passwordHash: 'x' });
		const later = new Date(Date.now() + 2 * 60 * 60 * 1000);
		const tampered = `${preview.token.slice(0, -4)}AAAA`;
		for (const [actor, token, now] of [
			[stranger, preview.token, new Date()],
			[colleague, preview.token, new Date()],
			[officer, preview.token, later],
			[officer, tampered, new Date()]
		] as const) {
			const outcome = await confirmImport(db, actor, token, now);
			expect(outcome.ok).toBe(false);
		}
		expect((await populationView(db, area.id)).hasAny).toBe(false);
		expect((await populationView(db, other.id)).hasAny).toBe(false);
	});

	it('saves typed figures, keeps the source of the ones left unchanged, and removes emptied ones', async () => {
		const preview = previewImport(officer, GOOD, 'Lancashire');
		if (!preview.ok) throw new Error('preview failed');
		await confirmImport(db, officer, preview.token);

		const form = new FormData();
		const view = await populationView(db, area.id);
		for (const m of view.margins)
			for (const g of m.groups)
				form.set(fieldName(m.key, g.value), g.count === null ? '' : String(g.count));
		form.set('asOf', '2025-03-01');
		form.set(fieldName('ehc-plan', 'no-sen-support'), '2,500');
		form.set(fieldName('age-band', '0-to-4'), '');
		const parsed = parseForm(populationSchema, form, POPULATION_FIELDS);
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		expect(await savePopulation(db, officer, parsed.data)).toEqual({ changed: 2 });

		const after = await populationView(db, area.id);
		const group = (margin: string, value: string) =>
			after.margins.find((m) => m.key === margin)!.groups.find((g) => g.value === value)!;
		expect(group('ehc-plan', 'no-sen-support')).toMatchObject({
			count: 2500,
			source: 'manual',
			asOf: '2025-03-01'
		});
		expect(group('ehc-plan', 'yes')).toMatchObject({ count: 1000, source: 'dfe' });
		expect(group('age-band', '0-to-4').count).toBeNull();

		// A fresh import replaces the need and age figures, and leaves SEN support as entered.
		const again = previewImport(officer, GOOD, 'Lancashire');
		if (!again.ok) throw new Error('preview failed');
		await confirmImport(db, officer, again.token);
		expect(Object.fromEntries((await populationTargets(db, area.id)).get('ehc-plan')!)).toEqual({
			yes: 1000,
			'no-sen-support': 2500
		});
	});

	it('answers a bad figure with a message for its box, and changes nothing', () => {
		const form = new FormData();
		form.set('asOf', '2025-13-01');
		form.set(fieldName('need', 'cognition-and-learning'), '-4');
		const parsed = parseForm(populationSchema, form, POPULATION_FIELDS);
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(parsed.errors.asOf).toMatch(/Enter the date/);
		expect(parsed.errors[fieldName('need', 'cognition-and-learning')]).toMatch(
			/Main area of need, Cognition and learning: enter a whole number/
		);
	});
});
