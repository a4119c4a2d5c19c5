import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvFilename, csvStream } from './csv';

async function text(stream: NodeJS.ReadableStream): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
	return Buffer.concat(chunks).toString('utf8');
}

const columns = [
	{ key: 'label', header: 'label' },
	{ key: 'n', header: 'n' }
];

describe('csvStream', () => {
	it('writes a BOM, a header row and CRLF line ends', async () => {
		const out = await text(csvStream(columns, [{ label: 'Agree', n: 12 }]));
		expect(out.startsWith('\uFEFFlabel,n\r\n')).toBe(true);
		expect(out).toBe('\uFEFFlabel,n\r\nAgree,12\r\n');
	});

	it('neutralises cells that a spreadsheet would run as formulas, but keeps negative numbers', async () => {
		const rows = ['=HYPERLINK("x")', '+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd'].map((label) => ({
			label,
			n: -0.05
		}));
		const out = await text(csvStream(columns, rows));
		const parsed = parse(out, { bom: true, columns: true }) as { label: string; n: string }[];
		for (const row of parsed) {
			expect(row.label.startsWith("'")).toBe(true);
			expect(row.n).toBe('-0.05');
		}
	});

	it('streams from an async source without holding it', async () => {
		async function* many() {
			for (let i = 0; i < 5000; i++) yield { label: `row ${i}`, n: i };
		}
		const parsed = parse(await text(csvStream(columns, many())), { bom: true, columns: true });
		expect(parsed).toHaveLength(5000);
		expect(parsed[4999]).toEqual({ label: 'row 4999', n: '4999' });
	});
});

describe('csvFilename', () => {
	it('names the area, the file and the date with safe characters', () => {
		expect(csvFilename(['Lancashire', 'results', 'Wave 2: spring 2026'], '2026-11-22')).toBe(
			'heard_lancashire_results_wave-2-spring-2026_2026-11-22.csv'
		);
	});
});
