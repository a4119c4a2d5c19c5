/**
 * CSV files that open cleanly in Excel and LibreOffice and cannot run as spreadsheets:
 * UTF-8 with a byte-order mark (so Excel reads the encoding), CRLF line ends, a header row, and
 * every text cell that starts with =, +, -, @, tab or carriage return prefixed with ' (csv-stringify's
 * escape_formulas), because a spreadsheet would otherwise evaluate it — a family's free text or an
 * officer's label could carry a formula. Numbers are left as numbers: a negative change is data.
 * Rows are streamed from the source, so memory stays flat whatever the size.
 */
import { stringify, type Options } from 'csv-stringify';
import { Readable } from 'node:stream';

export interface CsvColumn {
	key: string;
	header: string;
}

export type CsvCell = string | number | null | undefined;
export type CsvRow = Record<string, CsvCell>;
/** A row as an object keyed by column key, or as cells in the columns' order (faster for big files). */
export type CsvRecord = CsvRow | readonly CsvCell[];

/** What a CSV file is made from: rows written now, or text written when it was published. */
export type CsvSource =
	| { columns: readonly CsvColumn[]; rows: Iterable<CsvRecord> | AsyncIterable<CsvRecord> }
	| { stored: AsyncIterable<string> };

export function csvSourceStream(source: CsvSource): Readable {
	return 'stored' in source
		? storedCsvStream(source.stored)
		: csvStream(source.columns, source.rows);
}

export function csvOptions(columns: readonly CsvColumn[]): Options {
	return {
		bom: true,
		header: true,
		columns: columns.map((c) => ({ key: c.key, header: c.header })),
		record_delimiter: 'windows',
		escape_formulas: true,
		cast: { number: (value) => formatNumber(value) }
	};
}

/** Plain decimals, never exponent notation (1e-7) that spreadsheets misread. */
function formatNumber(value: number): string {
	return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(6)));
}

/** A readable byte stream of the CSV for any (async) iterable of rows. */
export function csvStream(
	columns: readonly CsvColumn[],
	rows: Iterable<CsvRecord> | AsyncIterable<CsvRecord>
): Readable {
	const stringifier = stringify(csvOptions(columns));
	const source = Readable.from(rows, { objectMode: true });
	source.on('error', (error) => stringifier.destroy(error));
	return source.pipe(stringifier);
}

/**
 * A CSV made earlier (text already written by csv-stringify, with formulas neutralised), as a
 * byte stream with the byte-order mark in front.
 */
export function storedCsvStream(chunks: AsyncIterable<string>): Readable {
	async function* withBom() {
		yield '\uFEFF';
		yield* chunks;
	}
	return Readable.from(withBom(), { objectMode: false });
}

/** A file name safe on every system: heard_lancashire_results_wave-2_2026-11-22.csv */
export function csvFilename(parts: readonly string[], date: string): string {
	const slug = (part: string) =>
		part
			.toLowerCase()
			.normalize('NFKD')
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '');
	return `${['heard', ...parts.map(slug).filter(Boolean), date].join('_')}.csv`;
}

/** An HTTP response that streams the CSV as a download. */
export function csvResponse(
	filename: string,
	columns: readonly CsvColumn[],
	rows: Iterable<CsvRecord> | AsyncIterable<CsvRecord>
): Response {
	return csvFileResponse(filename, { columns, rows });
}

/** An HTTP response that streams a CSV (rows to write, or a stored file) as a download. */
export function csvFileResponse(filename: string, source: CsvSource): Response {
	const body = Readable.toWeb(csvSourceStream(source)) as ReadableStream<Uint8Array>;
	return new Response(body, {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="${filename}"`,
			'Cache-Control': 'no-store',
			'X-Content-Type-Options': 'nosniff'
		}
	});
}
