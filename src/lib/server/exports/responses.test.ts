import { describe, expect, it } from 'vitest';
import { createTestDb } from '../testing/db';
import { COMBINED } from './about-you';
import { findExportSurvey } from './repository';
import {
	planResponses,
	responseRows,
	responsesMetadataRows,
	RESPONSES_METADATA_COLUMNS
} from './responses';
import { answer, csvText, makeExportArea, parseCsv, reviewAll, times } from './testing';

async function setUp() {
	const db = await createTestDb();
	const made = await makeExportArea(db);
	const survey = made.surveys[0]!;
	// 12 North, 12 South, 3 East, 2 skipped: East and the skipped are too small on their own.
	await answer(db, survey, [
		...times(12, { scale: 'agree', district: 'north', weeks: 4, services: ['health'] }),
		...times(12, { scale: 'disagree', district: 'south', weeks: 9 }),
		...times(3, { scale: 'strongly-agree', district: 'east' }),
		...times(2, { scale: 'does-not-apply', district: null })
	]);
	await answer(db, survey, [
		{ scale: 'agree', district: 'north', comment: '=HYPERLINK("http://evil.example","click")' },
		{ scale: 'agree', district: 'north', comment: 'Not yet read by anyone' }
	]);
	await reviewAll(db, survey.id, (body) => body.startsWith('='));
	const exportSurvey = (await findExportSurvey(db, made.area.id, survey.id))!;
	return { db, made, survey, exportSurvey };
}

describe('the responses file', () => {
	it('has one row per response, columns named by question key and no ids or dates', async () => {
		const { db, made, exportSurvey } = await setUp();
		const plan = await planResponses(db, made.exportArea, exportSurvey);
		const text = await csvText({ columns: plan.columns, rows: responseRows(db, plan) });
		expect(
			text.startsWith(
				'\uFEFFtime_period,wave,listened-to,services,weeks-waited,district,anything-else\r\n'
			)
		).toBe(true);
		// A header and 31 rows, each ended by CRLF, and no bare line feeds.
		expect(text.split('\r\n')).toHaveLength(1 + 31 + 1);
		expect(text.replaceAll('\r\n', '').includes('\n')).toBe(false);
		const rows = parseCsv(text);
		expect(rows).toHaveLength(31);
		expect(Object.keys(rows[0]!)).not.toContain('id');
		expect(text).not.toContain('2026-03-01'); // the submission date
		expect(rows.every((r) => r.time_period === '2026-01-01/..' && r.wave === 'Wave 1')).toBe(true);
		const north = rows.filter((r) => r.district === 'North');
		expect(north).toHaveLength(14);
		expect(north.filter((r) => r['weeks-waited'] === '4')).toHaveLength(12);
		expect(north.filter((r) => r.services === 'Health')).toHaveLength(12);
		expect(rows.filter((r) => r['listened-to'] === 'Disagree')).toHaveLength(12);
	});

	it('coarsens about-you answers whose groups are too small, and says so in the metadata', async () => {
		const { db, made, exportSurvey } = await setUp();
		const plan = await planResponses(db, made.exportArea, exportSurvey);
		const rows = parseCsv(await csvText({ columns: plan.columns, rows: responseRows(db, plan) }));
		const groups = new Map<string, number>();
		for (const r of rows) groups.set(r.district!, (groups.get(r.district!) ?? 0) + 1);
		// East (3) and not answered (2) are merged, then South (the next smallest) joins them.
		expect(Object.fromEntries(groups)).toEqual({ North: 14, [COMBINED]: 17 });
		expect([...groups.values()].every((n) => n >= 10)).toBe(true);

		const metadata = parseCsv(
			await csvText({ columns: RESPONSES_METADATA_COLUMNS, rows: responsesMetadataRows(plan) })
		);
		const district = metadata.find((r) => r.column === 'district')!;
		expect(district.question_text).toBe('Where do you live?');
		expect(district.in_this_file).toContain('coarsened');
		expect(district.in_this_file).toContain('South; East; Not answered');
		expect(metadata.find((r) => r.column === 'listened-to')!.options).toContain('Strongly agree');
	});

	it('leaves out an about-you question when the survey is too small for any group', async () => {
		const db = await createTestDb();
		const made = await makeExportArea(db);
		await answer(db, made.surveys[0]!, times(8, { scale: 'agree', district: 'north' }));
		const survey = (await findExportSurvey(db, made.area.id, made.surveys[0]!.id))!;
		const plan = await planResponses(db, made.exportArea, survey);
		expect(plan.columns.map((c) => c.header)).not.toContain('district');
		const rows = parseCsv(await csvText({ columns: plan.columns, rows: responseRows(db, plan) }));
		expect(rows).toHaveLength(8);
		const metadata = responsesMetadataRows(plan);
		expect(metadata.find((r) => r.column === 'district')!.in_this_file).toMatch(/^Left out/);
	});

	it('carries reviewed free text only, with formulas neutralised', async () => {
		const { db, made, exportSurvey } = await setUp();
		const plan = await planResponses(db, made.exportArea, exportSurvey);
		const text = await csvText({ columns: plan.columns, rows: responseRows(db, plan) });
		expect(text).not.toContain('Not yet read by anyone');
		const rows = parseCsv(text);
		const comments = rows.map((r) => r['anything-else']).filter(Boolean);
		expect(comments.sort()).toEqual(['\'=HYPERLINK("http://evil.example","click")', '[x]']);
	});

	it('reads in pages from a random point, every response once, in a new order each time', async () => {
		const { db, made, exportSurvey } = await setUp();
		const plan = await planResponses(db, made.exportArea, exportSurvey);
		const ids = await db
			.selectFrom('responses')
			.select('id')
			.where('surveyId', '=', exportSurvey.id)
			.execute();
		// Give every response a distinct number so rows can be told apart.
		const weeks = plan.questions.find((q) => q.key === 'weeks-waited')!;
		await db.deleteFrom('answers').where('questionId', '=', weeks.id).execute();
		await db
			.insertInto('answers')
			.values(
				ids.map((r, i) => ({ responseId: r.id, questionId: weeks.id, value: String(i + 100) }))
			)
			.execute();
		const orders: string[][] = [];
		for (let run = 0; run < 3; run++) {
			const rows: string[] = [];
			const column = plan.columns.findIndex((c) => c.header === 'weeks-waited');
			for await (const row of responseRows(db, plan, 4)) rows.push(String(row[column]));
			orders.push(rows);
		}
		const inserted = ids.map((_, i) => String(i + 100));
		for (const order of orders) {
			expect([...order].sort()).toEqual([...inserted].sort());
			expect(order).not.toEqual(inserted);
		}
		expect(orders[0]).not.toEqual(orders[1]);
	});

	it('holds only its own questionnaire, though other responses share its id ranges', async () => {
		const { db, made, exportSurvey } = await setUp();
		// Random ids interleave the two waves' responses all through the id order.
		await answer(
			db,
			made.surveys[1]!,
			times(40, { scale: 'strongly-disagree', district: 'south' })
		);
		const plan = await planResponses(db, made.exportArea, exportSurvey);

		const rows = parseCsv(
			await csvText({ columns: plan.columns, rows: responseRows(db, plan, 4) })
		);

		expect(rows).toHaveLength(31);
		expect(rows.filter((r) => r['listened-to'] === 'Strongly disagree')).toHaveLength(0);
	});
});
