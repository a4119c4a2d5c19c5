import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvStream } from '../exports/csv';
import {
	MAIL_MERGE_COLUMNS,
	buildLetters,
	codeUrl,
	lettersPart,
	mailMergeRows,
	partCount
} from './letters';

const origin = 'https://heard.example';

async function text(stream: NodeJS.ReadableStream): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
	return Buffer.concat(chunks).toString('utf8');
}

const numbered = (codes: string[]) => codes.map((code, i) => ({ letter: i + 1, code }));

describe('letters', () => {
	it('draws a QR code per letter as SVG, of the address with the code', async () => {
		const letters = await buildLetters(origin, 'abc123', numbered(['K7QM2-XRT9H', 'A0000-11111']));
		expect(letters.map((l) => [l.letter, l.code])).toEqual([
			[1, 'K7QM2-XRT9H'],
			[2, 'A0000-11111']
		]);
		expect(letters[0]!.qrSvg).toMatch(/^<svg[^>]*viewBox="0 0 \d+ \d+"/);
		expect(letters[0]!.qrSvg).not.toEqual(letters[1]!.qrSvg);
		expect(codeUrl(origin, 'abc123', 'K7QM2-XRT9H')).toBe(
			'https://heard.example/s/abc123?code=K7QM2-XRT9H'
		);
	});

	it('splits big batches into printable parts', () => {
		const codes = Array.from({ length: 1001 }, (_, i) => `C${i}`);
		expect(partCount(codes.length, 500)).toBe(3);
		expect(partCount(0, 500)).toBe(1);
		expect(lettersPart(codes, 3, 500)).toEqual(['C1000']);
		expect(lettersPart(codes, 1, 500)).toHaveLength(500);
	});
});

describe('mail-merge CSV', () => {
	it('has a BOM, CRLF line ends, a header and one row a code', async () => {
		const body = await text(
			csvStream(
				MAIL_MERGE_COLUMNS,
				mailMergeRows(origin, 'abc123', numbered(['K7QM2-XRT9H', 'A0000-11111']))
			)
		);
		expect(body.charCodeAt(0)).toBe(0xfeff);
		expect(body.slice(1).split('\r\n')).toEqual([
			'letter,code,url',
			'1,K7QM2-XRT9H,https://heard.example/s/abc123?code=K7QM2-XRT9H',
			'2,A0000-11111,https://heard.example/s/abc123?code=A0000-11111',
			''
		]);
		expect(parse(body, { bom: true, columns: true })).toHaveLength(2);
	});
});
