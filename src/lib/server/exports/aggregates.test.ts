import { describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { findingInsights, surveyResults } from '../insights/service';
import { wilson } from '../insights/stats';
import { createBatch } from '../responses/batches';
import { hashCode, normaliseCode } from '../responses/codes';
import { createTestDb } from '$testing/db';
import { COMMENT_COLUMNS, commentRows } from './comments';
import { FINDING_COLUMNS, findingRows } from './findings';
import { DESCRIPTIONS, METADATA_COLUMNS, metadataRows } from './metadata';
import { REPRESENTATIVENESS_COLUMNS } from './representativeness';
import { RATE_COLUMNS, rateRows } from './rates';
import { POSITIVE_SHARE, RESULT_COLUMNS, resultRows } from './results';
import { loadExportArea } from './context';
import type { CsvColumn, CsvRow } from './csv';
import { publishAll } from '$testing/fixtures';
import { answer, csvText, makeExportArea, parseCsv, reviewAll, times } from './testing';

/** Wave 1: 27 valid scale answers (3 "neither": a small count) and 2 "does not apply"; wave 2: 40. */
async function setUp() {
	const db = await createTestDb();
	const made = await makeExportArea(db);
	const [first, second] = made.surveys;
	await answer(db, first!, [
		...times(8, { scale: 'strongly-agree', district: 'north' }),
		...times(10, { scale: 'agree', district: 'south' }),
		...times(3, { scale: 'neither', district: 'north' }),
		...times(6, { scale: 'disagree', district: 'south' }),
		...times(2, { scale: 'does-not-apply', district: 'north' })
	]);
	await answer(db, second!, [
		...times(30, { scale: 'agree', district: 'north' }),
		...times(10, { scale: 'disagree', district: 'south' })
	]);
	await publishAll(db, made.area.id);
	return { db, made };
}

async function read(columns: readonly CsvColumn[], rows: Iterable<CsvRow> | AsyncIterable<CsvRow>) {
	const text = await csvText({ columns, rows });
	expect(text.startsWith(`\uFEFF${columns.map((c) => c.header).join(',')}\r\n`)).toBe(true);
	expect(text.replaceAll('\r\n', '').includes('\n')).toBe(false);
	return parseCsv(text);
}

describe('the results file', () => {
	it('has a row per wave, question and option with the figures and markers the pages show', async () => {
		const { db, made } = await setUp();
		const rows = await read(RESULT_COLUMNS, resultRows(db, made.exportArea, null));
		const wave1 = rows.filter((r) => r.wave === 'Wave 1' && r.question_key === 'listened-to');
		expect(wave1.map((r) => r.option)).toEqual([
			'Strongly agree',
			'Agree',
			'Neither agree nor disagree',
			'Disagree',
			'Strongly disagree',
			'Does not apply / don’t know',
			POSITIVE_SHARE
		]);
		const byOption = new Map(wave1.map((r) => [r.option, r]));
		// Three "neither": a small count, never shown or derivable.
		expect(byOption.get('Neither agree nor disagree')).toMatchObject({
			n_option: '[c]',
			pct: '[c]',
			ci_lower: '[c]',
			marker: '[c]'
		});
		expect(rows.some((r) => r.n_option === '3')).toBe(false);
		expect(byOption.get('Does not apply / don’t know')).toMatchObject({
			n_option: '[c]',
			pct: '[z]'
		});
		expect(wave1.every((r) => r.finding_codes === 'F1' && r.theme_code === 'COPR')).toBe(true);
		expect(
			wave1.every((r) => r.dimension === 'lived_experience' && r.audience === 'parent_carer')
		).toBe(true);

		// Exactly what the questionnaire's results page publishes.
		const page = (await surveyResults(db, made.area.id, made.surveys[0]!.id))!;
		const figures = page.questions.find((q) => q.wording.key === 'listened-to')!.figures!;
		for (const option of figures.options) {
			const row = wave1.find((r) => r.option === option.label)!;
			expect(row.n_option).toBe(String(option.count));
			expect(row.n_valid).toBe(String(figures.n));
			if (typeof option.percent === 'number') {
				expect(Number(row.pct)).toBe(Math.round(option.percent * 1000) / 10);
				const ci = wilson(option.count as number, figures.n as number);
				expect(Number(row.ci_lower)).toBe(Math.round(ci.lower * 1000) / 10);
				// A base of 27 is under 30: low reliability.
				expect(row.marker).toBe('[u]');
			} else {
				expect(row.pct).toBe(option.percent);
			}
		}
		const share = byOption.get(POSITIVE_SHARE)!;
		if (typeof figures.share === 'object') {
			expect(share).toMatchObject({ n_option: '18', n_valid: '27', pct: '66.7', marker: '[u]' });
		} else {
			expect(share.pct).toBe(figures.share);
		}

		const wave2 = rows.filter((r) => r.wave === 'Wave 2' && r.question_key === 'listened-to');
		expect(wave2.find((r) => r.option === 'Agree')).toMatchObject({
			n_option: '30',
			n_valid: '40',
			pct: '75',
			marker: ''
		});
		// Free text and numbers have no options to count.
		expect(
			rows.some((r) => r.question_key === 'anything-else' || r.question_key === 'weeks-waited')
		).toBe(false);
	});

	it('neutralises a cell that a spreadsheet would run as a formula', async () => {
		const { db, made } = await setUp();
		await db.updateTable('surveys').set({ title: '=HYPERLINK("http://x","y")' }).execute();
		const rows = await read(RESULT_COLUMNS, resultRows(db, made.exportArea, made.waves[1]!));
		expect(rows.length).toBeGreaterThan(0);
		expect(rows.every((r) => r.wave === 'Wave 2')).toBe(true);
		expect(rows.every((r) => r.survey === `'=HYPERLINK("http://x","y")`)).toBe(true);
	});
});

describe('the findings summary', () => {
	it('gives each finding’s share, interval and change per wave, as the finding page does', async () => {
		const { db, made } = await setUp();
		const rows = await read(FINDING_COLUMNS, findingRows(db, made.exportArea, null));
		// F2 has no linked questions; F1 has one (lived experience, parent carers only).
		expect(new Set(rows.map((r) => r.finding_code))).toEqual(new Set(['F1']));
		expect(rows.map((r) => `${r.wave}/${r.audience}`)).toEqual([
			'Wave 1/all',
			'Wave 2/all',
			'Wave 1/parent_carer',
			'Wave 2/parent_carer'
		]);
		const page = (await findingInsights(db, made.area.id, made.findings[0]!.id))!;
		const le = page.dimensions.find((d) => d.dimension === 'lived_experience')!;
		const [w1, w2] = rows;
		expect(w1).toMatchObject({
			dimension: 'lived_experience',
			change_pct_points: '[z]',
			verdict: '[z]'
		});
		expect(w2).toMatchObject({ n: '40', positive_pct: '75', marker: '' });
		const latest = le.latest.share;
		expect(typeof latest === 'object' && Number(w2!.ci_lower)).toBe(
			typeof latest === 'object' && Math.round(latest.lower * 1000) / 10
		);
		if (typeof le.change === 'object') {
			expect(Number(w2!.change_pct_points)).toBe(Math.round(le.change.difference * 1000) / 10);
			expect(w2!.verdict).toBe(le.change.verdict);
		} else {
			expect(w2!.verdict).toBe(le.change);
		}
	});
});

describe('the comments file', () => {
	async function withComments(db: Db, made: Awaited<ReturnType<typeof makeExportArea>>) {
		const [first, second] = made.surveys;
		await answer(db, first!, [
			...times(9, { scale: 'agree', district: 'north', comment: 'Nobody rang me back.' }),
			{
				scale: 'agree',
				district: 'north',
				comment: '+44 7700 900123 is the only number that works'
			},
			{ scale: 'agree', district: 'north', comment: 'Still waiting to be read' },
			{ scale: 'agree', district: 'north', comment: 'Two themes here' }
		]);
		await reviewAll(db, first!.id, (body) => body !== 'Still waiting to be read');
		// Wave 2 has too few free-text answers for any comment to be shown.
		await answer(db, second!, times(4, { scale: 'agree', district: 'north', comment: 'Too few' }));
		await reviewAll(db, second!.id);
		const themes = [
			{ id: 'theme-heard', localAreaId: made.area.id, name: 'Being heard' },
			{ id: 'theme-wait', localAreaId: made.area.id, name: 'Waiting times' }
		];
		await db.insertInto('commentThemes').values(themes).execute();
		await db
			.insertInto('commentThemeFindings')
			.values([
				{ themeId: 'theme-heard', findingId: made.findings[0]!.id },
				{ themeId: 'theme-wait', findingId: made.findings[1]!.id },
				{ themeId: 'theme-wait', findingId: made.findings[0]!.id }
			])
			.execute();
		const twoThemes = await db
			.selectFrom('comments')
			.select('id')
			.where('body', '=', 'Two themes here')
			.executeTakeFirstOrThrow();
		await db
			.insertInto('commentTags')
			.values([
				{ commentId: twoThemes.id, themeId: 'theme-heard' },
				{ commentId: twoThemes.id, themeId: 'theme-wait' }
			])
			.execute();
		const one = await db
			.selectFrom('comments')
			.select('id')
			.where('body', '=', 'Nobody rang me back.')
			.executeTakeFirstOrThrow();
		await db
			.updateTable('comments')
			.set({ redacted: 1, body: 'My son [redacted] was excluded' })
			.where('id', '=', one.id)
			.execute();
	}

	it('holds reviewed comments only, by theme and finding, where the question has enough answers', async () => {
		const db = await createTestDb();
		const made = await makeExportArea(db);
		await withComments(db, made);
		const rows = await read(COMMENT_COLUMNS, commentRows(db, made.exportArea, null));
		expect(rows.every((r) => r.wave === 'Wave 1')).toBe(true);
		expect(
			rows.some((r) => r.comment === 'Still waiting to be read' || r.comment === 'Too few')
		).toBe(false);
		// 11 reviewed comments, one of them with two themes.
		expect(rows).toHaveLength(12);
		const tagged = rows.filter((r) => r.comment === 'Two themes here');
		expect(tagged.map((r) => [r.theme, r.finding_codes])).toEqual([
			['Being heard', 'F1'],
			['Waiting times', 'F1; F2']
		]);
		expect(rows.find((r) => r.comment!.startsWith("'+44"))).toBeDefined();
		const redacted = rows.filter((r) => r.redacted === 'yes');
		expect(redacted.map((r) => r.comment)).toEqual(['My son [redacted] was excluded']);
		expect(rows[0]).toMatchObject({
			question_key: 'anything-else',
			question_text: 'Anything else?'
		});
	});
});

describe('the response-rates file', () => {
	it('shows codes used per batch with the same suppression as the results page', async () => {
		const { db, made } = await setUp();
		const survey = made.surveys[0]!;
		const use = async (label: string, size: number, used: number) => {
			const { codes } = await createBatch(db, {
				localAreaId: made.area.id,
				surveyId: survey.id,
				label,
				size,
				createdBy: null
			});
			const hashes = codes.slice(0, used).map((c) => hashCode(normaliseCode(c)));
			if (hashes.length)
				await db
					.updateTable('accessCodes')
					.set({ used: 1 })
					.where('codeHash', 'in', hashes)
					.execute();
		};
		await use('North letters', 100, 30);
		await use('South letters', 50, 12);
		await use('East letters', 20, 3);
		await db
			.updateTable('surveys')
			.set({ accessMode: 'open' })
			.where('id', '=', made.surveys[1]!.id)
			.execute();
		// The letters went out before the answers came: published afresh with them.
		await db.deleteFrom('publications').where('surveyId', '=', survey.id).execute();
		await publishAll(db, made.area.id);

		const rows = await read(RATE_COLUMNS, rateRows(db, made.exportArea, null));
		expect(rows.map((r) => r.batch)).toEqual([
			'North letters',
			'South letters',
			'East letters',
			'All batches',
			''
		]);
		const page = (await surveyResults(db, made.area.id, survey.id))!.rates!;
		for (const [i, rate] of [...page.batches, page.total].entries()) {
			expect(rows[i]!.codes_issued).toBe(String(rate.issued));
			expect(rows[i]!.codes_used).toBe(String(rate.used));
		}
		// Three used codes in a batch could point at a family: [c], and one more hidden with it.
		expect(rows[2]).toMatchObject({ codes_used: '[c]', response_rate_pct: '[c]', marker: '[c]' });
		expect(rows.filter((r) => r.codes_used === '[c]').length).toBeGreaterThanOrEqual(2);
		expect(rows[3]).toMatchObject({
			codes_issued: '170',
			codes_used: '45',
			response_rate_pct: '26.5'
		});
		expect(rows[4]).toMatchObject({ wave: 'Wave 2', codes_issued: '[z]', marker: '[z]' });
	});
});

describe('the metadata file', () => {
	it('describes every column of every file, every marker and the area’s own thresholds', async () => {
		const { db, made } = await setUp();
		await db.updateTable('localAreas').set({ minBase: 15, minCount: 6 }).execute();
		const area = (await loadExportArea(db, made.area.id))!;
		const rows = await read(METADATA_COLUMNS, metadataRows(area));
		const columns = {
			results: RESULT_COLUMNS,
			'findings summary': FINDING_COLUMNS,
			comments: COMMENT_COLUMNS,
			'response rates': RATE_COLUMNS,
			representativeness: REPRESENTATIVENESS_COLUMNS
		};
		for (const [file, list] of Object.entries(columns)) {
			const described = rows.filter((r) => r.file === file).map((r) => r.column);
			expect(described).toEqual(list.map((c) => c.header));
		}
		expect(Object.keys(DESCRIPTIONS)).toHaveLength(5);
		const markers = rows
			.filter((r) => r.file === 'all files' && r.type === 'marker')
			.map((r) => r.column);
		expect(markers.sort()).toEqual(['[c]', '[u]', '[x]', '[z]']);
		const rules = rows.find((r) => r.column === '(suppression)')!.description;
		expect(rules).toContain('at least 15 valid answers');
		expect(rules).toContain('from 1 to 5');
	});
});
