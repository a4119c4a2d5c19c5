/**
 * The row-level file, tried by the officer who knows some of a family's answers (their district,
 * their child's age, what they said about one thing) and looks for their row.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { createTestDb } from '$testing/db';
import { makeArea, makeSurvey, opts, publishAll } from '$testing/fixtures';
import { AnswerBook } from '../insights/publish/answers';
import { mondrian, type Column } from './k-anonymity';
import { buildRowFile, fileColumns, responseEncoder } from './row-file';
import { answer, makeExportArea, times } from './testing';

function seeded(seed: number) {
	let s = seed;
	return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

describe('mondrian', () => {
	it('puts every row in a group of at least k, the same in every column', () => {
		const next = seeded(3);
		const columns: Column[] = [
			{ size: 6, groupOf: [0, 0, 1, 1, 1, null] },
			{ size: 4, groupOf: [null, null, null, null] },
			{ size: 3, groupOf: [null, null, null] },
			{ size: 8, groupOf: Array(8).fill(null) }
		];
		const rows = Array.from({ length: 500 }, () =>
			Uint8Array.from(columns.map((c) => Math.floor(next() ** 2 * c.size)))
		);
		const groups = mondrian(rows, columns, 10);
		expect(groups.reduce((n, g) => n + g.rows.length, 0)).toBe(500);
		for (const group of groups) {
			expect(group.rows.length).toBeGreaterThanOrEqual(10);
			group.cells.forEach((cell, c) => {
				if ('value' in cell) expect(group.rows.every((r) => rows[r]![c] === cell.value)).toBe(true);
				if ('group' in cell)
					expect(group.rows.every((r) => columns[c]!.groupOf[rows[r]![c]!] === cell.group)).toBe(
						true
					);
			});
		}
		// Not everything is merged away: some columns keep their answers.
		expect(groups.some((g) => g.cells.some((c) => 'value' in c))).toBe(true);
	});

	it('merges everything when there are fewer than k rows', () => {
		const rows = [Uint8Array.from([0]), Uint8Array.from([1])];
		expect(mondrian(rows, [{ size: 2, groupOf: [null, null] }], 10)).toEqual([
			{ rows: [0, 1], cells: [{ merged: true }] }
		]);
	});
});

describe('the responses file', () => {
	async function fileOf(families: Parameters<typeof answer>[2]) {
		const db = await createTestDb();
		const made = await makeExportArea(db);
		await answer(db, made.surveys[1]!, families);
		await publishAll(db, made.area.id);
		const text = (await buildRowFile(db, made.surveys[1]!.id, made.exportArea.rules)).join('');
		return parse(text, { columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
	}

	it('gives every row at least nine twins, so what an insider knows never singles a family out', async () => {
		const rows = await fileOf([
			...times(14, { scale: 'agree', district: 'north', weeks: 3, services: ['health'] }),
			...times(9, { scale: 'disagree', district: 'south', weeks: 40, services: ['education'] }),
			{
				scale: 'strongly-disagree',
				district: 'south',
				weeks: 99,
				comment: 'Mrs Ahmed at Hill School'
			}
		]);
		expect(rows).toHaveLength(24);
		const key = (r: Record<string, string>) => JSON.stringify(r);
		const twins = new Map<string, number>();
		for (const r of rows) twins.set(key(r), (twins.get(key(r)) ?? 0) + 1);
		for (const r of rows) expect(twins.get(key(r))).toBeGreaterThanOrEqual(10);
		// The one family who strongly disagreed, in the south, after 99 weeks, cannot be found.
		const lone = rows.filter((r) => r['listened-to'] === 'Strongly disagree');
		expect(lone).toEqual([]);
		// Free text is not in the file at all.
		expect(JSON.stringify(rows)).not.toContain('Ahmed');
		expect(Object.keys(rows[0]!)).not.toContain('anything-else');
		// Numbers come in bands, never as typed.
		expect(rows.map((r) => r['weeks-waited']).filter((w) => w === '99' || w === '3')).toEqual([]);
	});
});

describe('coding responses for the file', () => {
	it('codes every column as its kind does from all of its question’s answers', async () => {
		const db = await createTestDb();
		const area = await makeArea(db);
		const survey = await makeSurvey(db, area.id, {
			questions: [
				{ kind: 'scale', key: 'listened-to' },
				{
					kind: 'multi',
					key: 'help',
					options: JSON.stringify([
						...opts(['School', 'Health', 'Social care']),
						{ value: 'none', label: 'None of these', notApplicable: true }
					])
				},
				{ kind: 'number', key: 'weeks' },
				{ kind: 'single', key: 'district', options: JSON.stringify(opts(['North', 'South'])) },
				{ kind: 'text', key: 'anything-else' }
			]
		});
		const columns = fileColumns(survey.questions);
		const book = new AnswerBook();
		const encode = responseEncoder(columns, book);
		const next = seeded(7);
		for (let i = 0; i < 300; i++) {
			// Each question answered or not; "choose any" with none, one or several options.
			const values = new Map<string, string[]>();
			for (const q of survey.questions) {
				if (q.kind === 'text' || next() < 0.2) continue;
				if (q.kind === 'number') values.set(q.id, [String(Math.floor(next() * 200))]);
				else if (q.kind === 'multi') {
					const chosen = q.options.filter(() => next() < 0.5).map((o) => o.value);
					if (chosen.length > 0) values.set(q.id, chosen);
				} else values.set(q.id, [q.options[Math.floor(next() * q.options.length)]!.value]);
			}
			const answers = [...values]
				.sort(() => next() - 0.5)
				.flatMap(([q, list]) => list.map((v) => book.numberOf(`${q}\u001f${v}`, `r${i}`)));
			const expected = Uint8Array.from(columns, (c) => c.code(values.get(c.questionId) ?? []));
			expect(encode({ language: 'en', answers })).toEqual(expected);
		}
	});
});
