import { describe, expect, it } from 'vitest';
import { ageBandOf, parseDfeEhcPlans } from './dfe';

// The real layout of the EES data set "Education, health and care plans as at January each
// year, by primary type of need" (standard columns, two filters, counts then percentages).
const NEEDS = [
	'asd',
	'ds',
	'hi',
	'mld',
	'msi',
	'oth',
	'pd',
	'pmld',
	'semh',
	'slcn',
	'sld',
	'spld',
	'vi',
	'need_unknown'
];
const HEADER = [
	'time_period',
	'time_identifier',
	'geographic_level',
	'country_code',
	'country_name',
	'region_code',
	'region_name',
	'new_la_code',
	'old_la_code',
	'la_name',
	'breakdown_topic',
	'breakdown',
	'ehc_plans',
	...NEEDS.map((n) => `number_${n}`),
	...NEEDS.map((n) => `${n === 'need_unknown' ? 'unknown' : n}_pc`)
];

type Needs = Partial<Record<(typeof NEEDS)[number], number | string>>;

function row(
	period: string,
	level: 'National' | 'Regional' | 'Local authority',
	la: { name: string; code: string; old: string } | null,
	topic: string,
	breakdown: string,
	total: number | string,
	needs: Needs = {}
): string {
	const cells = [
		period,
		'Academic year',
		level,
		'E92000001',
		'England',
		level === 'National' ? '' : 'E12000002',
		level === 'National' ? '' : 'North West',
		la?.code ?? '',
		la?.old ?? '',
		la?.name ?? '',
		topic,
		breakdown,
		String(total),
		...NEEDS.map((n) => String(needs[n] ?? 0)),
		...NEEDS.map(() => '0.0')
	];
	return cells.map((c) => (/[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
}

const LANCS = { name: 'Lancashire', code: 'E10000017', old: '888' };
const HULL = { name: 'Kingston upon Hull, City of', code: 'E06000010', old: '810' };
const TOTAL_NEEDS: Needs = {
	asd: 2000,
	ds: 'x',
	hi: 90,
	mld: 700,
	msi: 20,
	oth: 80,
	pd: 250,
	pmld: 85,
	semh: 1350,
	slcn: 1380,
	sld: 250,
	spld: 155,
	vi: 50,
	need_unknown: 40
};
const AGES: [string, number][] = [
	['age 2 and under', 60],
	['age 3', 80],
	['age 4', 120],
	['age 5', 200],
	['age 10', 2200],
	['age 11', 700],
	['age 15', 1500],
	['age 16', 600],
	['age 19', 700],
	['age 20 and over', 290]
];

function file(options: { extra?: string[]; period?: string } = {}): string {
	const p = options.period ?? '202425';
	const lines = [
		HEADER.join(','),
		row(p, 'National', null, 'All EHC plans', 'All EHC plans', 638745, { asd: 201183 }),
		row('202324', 'Local authority', LANCS, 'All EHC plans', 'All EHC plans', 5900, { asd: 1800 }),
		row(p, 'Local authority', LANCS, 'All EHC plans', 'All EHC plans', 6450, TOTAL_NEEDS),
		...AGES.map(([label, n]) =>
			row(p, 'Local authority', LANCS, 'Child or young persons age', label, n)
		),
		row(p, 'Local authority', LANCS, 'Sex', 'Female', 2000),
		row(p, 'Local authority', HULL, 'All EHC plans', 'All EHC plans', 3000, { asd: 1000 }),
		...(options.extra ?? [])
	];
	return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const figure = (
	value: { figures: { margin: string; category: string; count: number }[] },
	margin: string,
	category: string
) => value.figures.find((f) => f.margin === margin && f.category === category)?.count;

describe('parseDfeEhcPlans', () => {
	it('reads the latest period of one local authority into the four broad areas of need and the age bands', () => {
		const result = parseDfeEhcPlans(file(), 'Lancashire');
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const v = result.value;
		expect(v.period).toBe('2024/25');
		expect(v.asOf).toBe('2025-01-01');
		expect(v.la).toEqual({ name: 'Lancashire', code: 'E10000017' });
		expect(v.total).toBe(6450);
		expect(figure(v, 'need', 'communication-and-interaction')).toBe(2000 + 1380);
		expect(figure(v, 'need', 'cognition-and-learning')).toBe(700 + 250 + 85 + 155);
		expect(figure(v, 'need', 'social-emotional-and-mental-health')).toBe(1350);
		expect(figure(v, 'need', 'sensory-and-or-physical')).toBe(90 + 20 + 250 + 50);
		expect(figure(v, 'age-band', '0-to-4')).toBe(60 + 80 + 120);
		expect(figure(v, 'age-band', '5-to-10')).toBe(2400);
		expect(figure(v, 'age-band', '11-to-15')).toBe(2200);
		expect(figure(v, 'age-band', '16-to-19')).toBe(1300);
		expect(figure(v, 'age-band', '20-to-25')).toBe(290);
		expect(figure(v, 'ehc-plan', 'yes')).toBe(6450);
		// What has no broad area is named, with its plans, never dropped silently.
		expect(v.notes.join('\n')).toMatch(/Other difficulty or disability: 80 plans/);
		expect(v.notes.join('\n')).toMatch(/Primary need not recorded: 40 plans/);
		expect(v.notes.join('\n')).toMatch(/Down syndrome \(number_ds\): not available/);
	});

	it('matches the area by its codes too, and reads quoted names with commas', () => {
		for (const code of ['E10000017', '888', ' lancashire ']) {
			const r = parseDfeEhcPlans(file(), code);
			expect(r.ok && r.value.la.name, code).toBe('Lancashire');
		}
		const hull = parseDfeEhcPlans(file(), 'Kingston upon Hull, City of');
		expect(hull.ok && hull.value.total).toBe(3000);
	});

	it('names an area the file does not have, with ones it does', () => {
		const r = parseDfeEhcPlans(file(), 'Lancs');
		expect(r).toEqual({
			ok: false,
			errors: [expect.stringMatching(/no rows for “Lancs”.*such as Lancashire/)]
		});
	});

	it('refuses a file that is not the primary need data set, saying which one to use', () => {
		const r = parseDfeEhcPlans(
			'time_period,la_name,ehcplans,mainstream_total\n202425,Lancashire,10,5\n',
			'Lancashire'
		);
		expect(r.ok).toBe(false);
		expect(!r.ok && r.errors[0]).toMatch(
			/not the DfE file of EHC plans by primary type of need.*geographic_level.*number_asd/
		);
	});

	it('refuses the whole file for a cell that is not a number, naming its line', () => {
		const bad = file().replace(',"Lancashire"', ',Lancashire');
		const broken = bad.replace(
			/(202425,Academic year,Local authority,[^\r]*Child or young persons age,age 3,)80/,
			'$1eighty'
		);
		const r = parseDfeEhcPlans(broken, 'Lancashire');
		expect(r).toEqual({
			ok: false,
			errors: [expect.stringMatching(/^Line 6: .*“age 3” is “eighty”, not a whole number/)]
		});
	});

	it('says where a broken CSV breaks', () => {
		const r = parseDfeEhcPlans(
			file({ extra: ['202425,Academic year,Local authority,too,few'] }),
			'Lancashire'
		);
		expect(r).toEqual({
			ok: false,
			errors: [expect.stringMatching(/^Line 17 has a different number of cells/)]
		});
	});

	it('leaves ages outside the bands out, with a note', () => {
		const r = parseDfeEhcPlans(
			file({
				extra: [
					row('202425', 'Local authority', LANCS, 'Child or young persons age', 'Age unknown', 12)
				]
			}),
			'Lancashire'
		);
		expect(r.ok && r.value.notes.join('\n')).toMatch(
			/Age “Age unknown”: 12 plans fit none of the age bands/
		);
	});
});

describe('ageBandOf', () => {
	it.each([
		['age 2 and under', '0-to-4'],
		['age 4', '0-to-4'],
		['Under age 5', '0-to-4'],
		['age 5', '5-to-10'],
		['Age 5 to 10', '5-to-10'],
		['age 15', '11-to-15'],
		['age 16', '16-to-19'],
		['age 20 and over', '20-to-25'],
		['Age 20 to 25', '20-to-25']
	])('%s → %s', (label, band) => {
		expect(ageBandOf(label)).toEqual({ category: band });
	});

	it('knows an age group that spans two bands is none of them', () => {
		expect(ageBandOf('age 3 to 7')).toBeNull();
		expect(ageBandOf('age 26')).toBeNull();
		expect(ageBandOf('Age unknown')).toBe('unknown');
	});
});
