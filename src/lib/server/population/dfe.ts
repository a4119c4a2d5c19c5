/**
 * Reading the DfE's published CSV of EHC plans by primary type of need (explore-education-
 * statistics, publication "Education, health and care plans", data set "Education, health and
 * care plans as at January each year, by primary type of need"). It follows the EES open-data
 * layout: the standard columns `time_period, time_identifier, geographic_level, country_code,
 * country_name, region_code, region_name, new_la_code, old_la_code, la_name`, two filter columns
 * `breakdown_topic` and `breakdown`, and indicator columns: `ehc_plans` (all plans) and one
 * `number_<need>` per primary type of need (`number_asd`, `number_slcn`, … `number_need_unknown`),
 * with `<need>_pc` percentages beside them that are not read. A row with breakdown_topic
 * "All EHC plans" holds the area's totals; rows with breakdown_topic "Child or young persons age"
 * hold one age each ("age 2 and under", "age 3" … "age 19", "age 20 and over"). Cells that are not
 * numbers use the EES symbols: x unavailable, z not applicable, c confidential.
 *
 * Pure: text in, a preview out. Rows are matched to the area by `la_name`, `new_la_code` or
 * `old_la_code`; the latest time period wins. The DfE's thirteen primary needs map onto the four
 * broad areas of need of the SEND Code of Practice (the options of the about-you question
 * "need"), and single ages onto its age bands, in the tables below: the one place to change
 * when the DfE adds a need or an age group. Anything the tables do not know is named in the
 * preview's notes with the number of plans it holds, never silently dropped; anything that
 * cannot be read at all is an error, and then nothing is stored.
 */
import { parse } from 'csv-parse/sync';
import type { PopulationMargin } from '../db/schema';

/** DfE primary need columns → the about-you "need" option they belong to (null: none fits). */
export const NEED_COLUMNS: Readonly<Record<string, { label: string; category: string | null }>> = {
	number_asd: { label: 'Autistic spectrum disorder', category: 'communication-and-interaction' },
	number_slcn: {
		label: 'Speech, language and communication needs',
		category: 'communication-and-interaction'
	},
	number_mld: { label: 'Moderate learning difficulty', category: 'cognition-and-learning' },
	number_sld: { label: 'Severe learning difficulty', category: 'cognition-and-learning' },
	number_pmld: {
		label: 'Profound and multiple learning difficulty',
		category: 'cognition-and-learning'
	},
	number_spld: { label: 'Specific learning difficulty', category: 'cognition-and-learning' },
	// Recorded separately by the DfE from January 2026; its nearest broad area is learning.
	number_ds: { label: 'Down syndrome', category: 'cognition-and-learning' },
	number_semh: {
		label: 'Social, emotional and mental health',
		category: 'social-emotional-and-mental-health'
	},
	number_hi: { label: 'Hearing impairment', category: 'sensory-and-or-physical' },
	number_vi: { label: 'Vision impairment', category: 'sensory-and-or-physical' },
	number_msi: { label: 'Multi-sensory impairment', category: 'sensory-and-or-physical' },
	number_pd: { label: 'Physical disability', category: 'sensory-and-or-physical' },
	number_oth: { label: 'Other difficulty or disability', category: null },
	number_need_unknown: { label: 'Primary need not recorded', category: null }
};

/** The about-you age bands, as inclusive ranges of years of age. */
export const AGE_BANDS: readonly { category: string; from: number; to: number }[] = [
	{ category: '0-to-4', from: 0, to: 4 },
	{ category: '5-to-10', from: 5, to: 10 },
	{ category: '11-to-15', from: 11, to: 15 },
	{ category: '16-to-19', from: 16, to: 19 },
	{ category: '20-to-25', from: 20, to: 25 }
];

export const TOTAL_TOPIC = 'all ehc plans';
export const AGE_TOPICS = ['child or young persons age', 'child or young person’s age'];
const REQUIRED = ['time_period', 'geographic_level', 'la_name', 'breakdown_topic', 'breakdown'];
const TOTAL_COLUMNS = ['ehc_plans', 'ehcplans'];
/** EES symbols for a cell with no number. */
const NO_NUMBER: Record<string, string> = {
	x: 'not available',
	z: 'not applicable',
	c: 'confidential',
	':': 'not available',
	u: 'low reliability',
	low: 'rounds to zero'
};
const MAX_ERRORS = 10;

export interface PopulationFigure {
	margin: PopulationMargin;
	category: string;
	count: number;
}

export interface DfeImport {
	la: { name: string; code: string | null };
	/** As the file gives it: "2024/25" for an academic year. */
	period: string;
	/** The January the counts describe, as an ISO date (the first of the month). */
	asOf: string;
	/** All EHC plans of the area in that period. */
	total: number;
	figures: PopulationFigure[];
	/** What was left out, and why, in words. */
	notes: string[];
	/** For the audit log and the source column. */
	detail: string;
}

export type DfeResult = { ok: true; value: DfeImport } | { ok: false; errors: string[] };

type Row = Record<string, string>;

/** The band an age label of the file falls in; null when it spans two bands or none. */
export function ageBandOf(label: string): { category: string } | 'unknown' | null {
	const text = label.trim().toLowerCase().replace(/\s+/g, ' ');
	const band = (from: number, to: number) => {
		const found = AGE_BANDS.find((b) => from >= b.from && to <= b.to);
		return found ? { category: found.category } : null;
	};
	let m: RegExpExecArray | null;
	if (/^(age )?(unknown|not known|missing)$/.test(text)) return 'unknown';
	if ((m = /^(?:age|aged) (\d+)$/.exec(text))) return band(Number(m[1]), Number(m[1]));
	if ((m = /^(?:age |aged )?(\d+) and under$/.exec(text))) return band(0, Number(m[1]));
	if ((m = /^under (?:age )?(\d+)$/.exec(text))) return band(0, Number(m[1]) - 1);
	if ((m = /^(?:age |aged )?(\d+) and over$/.exec(text))) return band(Number(m[1]), 25);
	if ((m = /^(?:age |aged )?(\d+) ?(?:to|-|–) ?(\d+)$/.exec(text)))
		return band(Number(m[1]), Number(m[2]));
	return 'unknown';
}

function readCsv(
	text: string
):
	| { ok: true; rows: { row: Row; line: number }[]; header: string[] }
	| { ok: false; errors: string[] } {
	try {
		const records = parse(text, {
			bom: true,
			columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
			skip_empty_lines: true,
			trim: true,
			info: true
		}) as { record: Row; info: { lines: number } }[];
		const header = records.length > 0 ? Object.keys(records[0]!.record) : headerOf(text);
		return { ok: true, rows: records.map((r) => ({ row: r.record, line: r.info.lines })), header };
	} catch (error) {
		return { ok: false, errors: [csvProblem(error)] };
	}
}

function headerOf(text: string): string[] {
	const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
	return first.split(',').map((h) => h.trim().toLowerCase());
}

function csvProblem(error: unknown): string {
	const e = error as { code?: string; lines?: number; message?: string };
	if (
		e.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' ||
		e.code === 'CSV_RECORD_INCONSISTENT_COLUMNS'
	)
		return `Line ${e.lines ?? '?'} has a different number of cells from the header row: the file is not a complete CSV file.`;
	if (e.code === 'CSV_QUOTE_NOT_CLOSED')
		return `A quoted cell that starts near line ${e.lines ?? '?'} is never closed: the file is not a complete CSV file.`;
	return `The file could not be read as CSV (${e.message ?? 'unknown problem'}).`;
}

/** A count cell: a whole number, an EES symbol (no number), or a problem. */
function countCell(raw: string | undefined): number | { symbol: string } | { bad: string } {
	const text = (raw ?? '').trim().replace(/,/g, '');
	if (text === '') return { symbol: 'empty' };
	if (/^\d+$/.test(text)) return Number(text);
	const symbol = NO_NUMBER[text.toLowerCase()];
	return symbol ? { symbol } : { bad: raw ?? '' };
}

/** "202425" → 2024/25, January 2025; "2025" → 2025, January 2025. */
function periodOf(value: string): { sort: number; label: string; january: number } | null {
	if (/^\d{6}$/.test(value)) {
		const start = Number(value.slice(0, 4));
		if (Number(value.slice(4)) !== (start + 1) % 100) return null;
		return { sort: start, label: `${start}/${value.slice(4)}`, january: start + 1 };
	}
	if (/^\d{4}$/.test(value))
		return { sort: Number(value) - 1, label: value, january: Number(value) };
	return null;
}

function matchesArea(row: Row, wanted: string): boolean {
	const w = wanted.trim().toLowerCase();
	return [row.la_name, row.new_la_code, row.old_la_code].some(
		(v) => (v ?? '').trim().toLowerCase() === w
	);
}

const plans = (n: number) => `${n.toLocaleString('en-GB')} plan${n === 1 ? '' : 's'}`;

/** Parse the DfE file for one local authority (its name or code, as the file spells it). */
export function parseDfeEhcPlans(text: string, localAuthority: string): DfeResult {
	const read = readCsv(text);
	if (!read.ok) return read;
	const missing = REQUIRED.filter((c) => !read.header.includes(c));
	const totalColumn = TOTAL_COLUMNS.find((c) => read.header.includes(c));
	const needColumns = read.header.filter((c) => c.startsWith('number_'));
	if (missing.length > 0 || !totalColumn || needColumns.length === 0) {
		const absent = [
			...missing,
			...(totalColumn ? [] : ['ehc_plans']),
			...(needColumns.length ? [] : ['number_asd, number_slcn, …'])
		];
		return {
			ok: false,
			errors: [
				`This is not the DfE file of EHC plans by primary type of need: it has no ${absent.join(', ')} column${absent.length === 1 ? '' : 's'}. Download the data set “Education, health and care plans as at January each year, by primary type of need” as CSV from explore-education-statistics.`
			]
		};
	}

	const errors: string[] = [];
	const local = read.rows.filter(
		(r) => (r.row.geographic_level ?? '').toLowerCase() === 'local authority'
	);
	const mine = local.filter((r) => matchesArea(r.row, localAuthority));
	if (mine.length === 0) {
		const names = [...new Set(local.map((r) => r.row.la_name ?? '').filter(Boolean))];
		const near = names.filter((n) =>
			n.toLowerCase().includes(localAuthority.trim().toLowerCase().slice(0, 4))
		);
		const hint =
			names.length === 0
				? 'It has no local authority rows at all.'
				: `It has rows for ${names.length} local authorit${names.length === 1 ? 'y' : 'ies'}${near.length ? `, such as ${near.slice(0, 3).join(', ')}` : `, such as ${names.slice(0, 3).join(', ')}`}.`;
		return {
			ok: false,
			errors: [
				`The file has no rows for “${localAuthority.trim()}”. ${hint} Enter the local authority as the file names it (or its code, such as E10000017 or 888).`
			]
		};
	}

	const periods = new Map<string, ReturnType<typeof periodOf>>();
	for (const { row, line } of mine) {
		const p = periodOf((row.time_period ?? '').trim());
		if (!p)
			errors.push(
				`Line ${line}: the time period “${row.time_period}” is not a year such as 202425.`
			);
		periods.set(row.time_period!, p);
	}
	if (errors.length > 0) return { ok: false, errors: capped(errors) };
	const latest = [...periods.entries()].sort((a, b) => b[1]!.sort - a[1]!.sort)[0]!;
	const period = latest[1]!;
	const rows = mine.filter((r) => r.row.time_period === latest[0]);

	const topic = (r: Row) => (r.breakdown_topic ?? '').trim().toLowerCase();
	const totals = rows.filter((r) => topic(r.row) === TOTAL_TOPIC);
	if (totals.length !== 1) {
		return {
			ok: false,
			errors: [
				totals.length === 0
					? `The file has no “All EHC plans” row for ${mine[0]!.row.la_name} in ${period.label}, so the totals by need are missing.`
					: `The file has ${totals.length} “All EHC plans” rows for ${mine[0]!.row.la_name} in ${period.label} (lines ${totals.map((t) => t.line).join(', ')}); there should be one.`
			]
		};
	}
	const totalRow = totals[0]!;
	const notes: string[] = [];
	const figures = new Map<string, PopulationFigure>();
	const add = (margin: PopulationMargin, category: string, count: number) => {
		const key = `${margin}/${category}`;
		const f = figures.get(key) ?? { margin, category, count: 0 };
		f.count += count;
		figures.set(key, f);
	};

	const total = countCell(totalRow.row[totalColumn]);
	if (typeof total !== 'number') {
		return {
			ok: false,
			errors: [
				`Line ${totalRow.line}: the number of EHC plans (${totalColumn}) is “${totalRow.row[totalColumn]}”, not a whole number.`
			]
		};
	}

	for (const column of needColumns) {
		const cell = countCell(totalRow.row[column]);
		const mapping = NEED_COLUMNS[column];
		if (typeof cell === 'object' && 'bad' in cell) {
			errors.push(`Line ${totalRow.line}: ${column} is “${cell.bad}”, not a whole number.`);
			continue;
		}
		if (typeof cell === 'object') {
			if (mapping?.category)
				notes.push(`${mapping.label} (${column}): ${cell.symbol} in the file, so none counted.`);
			continue;
		}
		if (!mapping) {
			notes.push(
				`${column}: a primary need Heard does not know, so its ${plans(cell)} are left out of the need figures.`
			);
		} else if (!mapping.category) {
			if (cell > 0)
				notes.push(
					`${mapping.label}: ${plans(cell)} belong to no broad area of need, so they are left out of the need figures.`
				);
		} else {
			add('need', mapping.category, cell);
		}
	}

	const ageRows = rows.filter((r) => AGE_TOPICS.includes(topic(r.row)));
	if (ageRows.length === 0)
		notes.push('The file has no rows by age, so the age bands are not imported.');
	const outsideAges = new Map<string, number>();
	for (const { row, line } of ageRows) {
		const cell = countCell(row[totalColumn]);
		if (typeof cell === 'object' && 'bad' in cell) {
			errors.push(
				`Line ${line}: the number of EHC plans for “${row.breakdown}” is “${cell.bad}”, not a whole number.`
			);
			continue;
		}
		if (typeof cell === 'object') continue;
		const band = ageBandOf(row.breakdown ?? '');
		if (band === null || band === 'unknown') {
			outsideAges.set(row.breakdown ?? '', (outsideAges.get(row.breakdown ?? '') ?? 0) + cell);
			continue;
		}
		add('age-band', band.category, cell);
	}
	for (const [label, n] of outsideAges) {
		if (n > 0)
			notes.push(
				`Age “${label}”: ${plans(n)} fit none of the age bands (0 to 4 … 20 to 25), so they are left out of the age figures.`
			);
	}
	if (errors.length > 0) return { ok: false, errors: capped(errors) };

	add('ehc-plan', 'yes', total);
	const la = {
		name: totalRow.row.la_name!,
		code: totalRow.row.new_la_code || totalRow.row.old_la_code || null
	};
	const sum = (margin: PopulationMargin) =>
		[...figures.values()].filter((f) => f.margin === margin).reduce((s, f) => s + f.count, 0);
	if (
		ageRows.length > 0 &&
		sum('age-band') + [...outsideAges.values()].reduce((s, n) => s + n, 0) !== total
	)
		notes.push(
			`The rows by age add up to ${plans(sum('age-band'))} of the ${plans(total)}: the rest have no age in the file, and the age bands are shares of those with one.`
		);
	return {
		ok: true,
		value: {
			la,
			period: period.label,
			asOf: `${period.january}-01-01`,
			total,
			figures: [...figures.values()],
			notes,
			detail: `DfE, EHC plans by primary type of need: ${la.name}${la.code ? ` (${la.code})` : ''}, January ${period.january} (${period.label})`
		}
	};
}

function capped(errors: string[]): string[] {
	return errors.length <= MAX_ERRORS
		? errors
		: [
				...errors.slice(0, MAX_ERRORS),
				`… and ${errors.length - MAX_ERRORS} more problems like these.`
			];
}
