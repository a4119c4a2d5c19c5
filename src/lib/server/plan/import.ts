/**
 * Importing an existing plan (a written statement of action, a priority action plan) from a CSV
 * file, as Excel or LibreOffice save one: UTF-8 with or without a byte-order mark, or
 * Windows-1252 ("CSV (Comma delimited)" in Excel on a UK computer); CRLF or LF line ends; cells
 * separated by commas (not semicolons or tabs: the page says so). One row per action.
 *
 * Every row either becomes an action or gets a clear message, and nothing is stored until the
 * whole file is accepted: the preview lists every row with its problems, and the import parses
 * and checks the same text again before storing every action in one transaction.
 */
import { CsvError, parse } from 'csv-parse/sync';
import { recordAction, type Actor } from '../audit';
import { listFindingsInReportOrder } from '../areas/repository';
import { inTransaction, type Db } from '../db';
import { parseDate } from '../forms';
import { STATUS_HELP, newActionSchema, parseStatus, type NewActionInput } from './input';
import { listPartners } from './repository';
import { storeAction } from './service';
import { MAX_IMPORT_KB, statusWords } from '$lib/words/plan';

export const MAX_IMPORT_BYTES = MAX_IMPORT_KB * 1024;
export const MAX_IMPORT_ROWS = 1000;

export interface ImportColumn {
	name: string;
	required: boolean;
	help: string;
}

export const IMPORT_COLUMNS: readonly ImportColumn[] = [
	{ name: 'title', required: true, help: 'A short name for the action.' },
	{ name: 'description', required: true, help: 'What will be done.' },
	{
		name: 'finding_codes',
		required: true,
		help: 'The codes of the findings it addresses, separated by semicolons, like “L1; L3”.'
	},
	{
		name: 'partner',
		required: true,
		help: 'The partner that owns it, named as on the Partners page.'
	},
	{ name: 'lead', required: true, help: 'The named lead: a person or a post.' },
	{ name: 'start_date', required: true, help: 'Like 2026-03-31 or 31/03/2026.' },
	{
		name: 'due_date',
		required: true,
		help: 'Like 2026-03-31 or 31/03/2026; not before the start.'
	},
	{ name: 'status', required: false, help: `${STATUS_HELP}. Blank means not started.` }
];

const ALIASES: Record<string, string> = {
	action: 'title',
	what_will_be_done: 'description',
	findings: 'finding_codes',
	finding: 'finding_codes',
	finding_code: 'finding_codes',
	owner: 'partner',
	owning_partner: 'partner',
	start: 'start_date',
	starts_on: 'start_date',
	due: 'due_date',
	due_on: 'due_date',
	rag: 'status'
};

/** Windows-1252's characters for bytes 0x80–0x9F (the rest of the upper half is Latin-1). */
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

export type Decoded =
	{ ok: true; text: string; encoding: 'UTF-8' | 'Windows-1252' } | { ok: false; message: string };

/** The file's text: UTF-8 (a byte-order mark is dropped) if it is valid UTF-8, else Windows-1252. */
export function decodeUpload(bytes: Uint8Array): Decoded {
	if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
		return {
			ok: false,
			message:
				'This file is saved as “Unicode text”. In Excel, save it as “CSV UTF-8 (Comma delimited)” instead'
		};
	const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
	try {
		return {
			ok: true,
			text: new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start)),
			encoding: 'UTF-8'
		};
	} catch {
		let text = '';
		for (const b of bytes)
			text += b >= 0x80 && b < 0xa0 ? CP1252[b - 0x80] : String.fromCharCode(b);
		return { ok: true, text, encoding: 'Windows-1252' };
	}
}

export interface PreviewRow {
	/** The row's line in the file (the header is line 1). */
	line: number;
	cells: Record<string, string>;
	/** The status as it will be stored, when it is understood. */
	statusLabel: string | null;
	problems: string[];
}

export interface ImportPreview {
	/** Problems with the file as a whole: nothing can be imported until they are fixed. */
	fileProblems: string[];
	rows: PreviewRow[];
	/** Columns the file has that the import does not use. */
	ignored: string[];
	/** Every row can be imported (and there is at least one). */
	ok: boolean;
}

const headerName = (h: string) =>
	h
		.trim()
		.toLowerCase()
		.replace(/[\s-]+/g, '_');

/** Reads and checks the text against the area's findings and partners; stores nothing. */
export async function previewImport(
	db: Db,
	areaId: string,
	text: string
): Promise<{ preview: ImportPreview; inputs: NewActionInput[] }> {
	const fail = (message: string) => ({
		preview: { fileProblems: [message], rows: [], ignored: [], ok: false },
		inputs: []
	});
	let records: { record: string[]; info: { lines: number } }[];
	try {
		records = parse(text, {
			info: true,
			bom: true,
			relax_column_count: true,
			skip_empty_lines: true,
			skip_records_with_empty_values: true
		}) as unknown as { record: string[]; info: { lines: number } }[];
	} catch (e) {
		if (e instanceof CsvError)
			return fail(
				`The file could not be read as CSV near line ${e.lines ?? '?'}: check its quotes`
			);
		throw e;
	}
	const [header, ...body] = records;
	if (!header) return fail('The file is empty. Add a header row and one row per action');
	const names = header.record.map((h) => ALIASES[headerName(h)] ?? headerName(h));
	if (names.length === 1 && /[;\t]/.test(header.record[0] ?? ''))
		return fail(
			'The columns are separated by semicolons or tabs. Save the file as CSV with commas: in Excel, “CSV UTF-8 (Comma delimited)”'
		);
	const missing = IMPORT_COLUMNS.filter((c) => c.required && !names.includes(c.name));
	if (missing.length > 0)
		return fail(
			`The header row has no ${missing.map((c) => `“${c.name}”`).join(', ')} column${missing.length > 1 ? 's' : ''}. Download the template to see the columns`
		);
	if (body.length === 0) return fail('The file has a header row but no actions');
	if (body.length > MAX_IMPORT_ROWS)
		return fail(
			`The file has ${body.length} rows. Import at most ${MAX_IMPORT_ROWS} actions at a time`
		);

	const [findings, partners] = await Promise.all([
		listFindingsInReportOrder(db, areaId),
		listPartners(db, areaId)
	]);
	const open = findings.filter((f) => f.archived === 0);
	const codes = new Map<string, string[]>();
	for (const f of open)
		codes.set(f.code.toLowerCase(), [...(codes.get(f.code.toLowerCase()) ?? []), f.id]);
	const known = open.map((f) => f.code).join(', ');
	const partnerByName = new Map(partners.map((p) => [squash(p.name), p]));

	const rows: PreviewRow[] = [];
	const inputs: NewActionInput[] = [];
	for (const { record, info } of body) {
		const cells: Record<string, string> = {};
		for (const column of IMPORT_COLUMNS) {
			const i = names.indexOf(column.name);
			cells[column.name] = i >= 0 ? (record[i] ?? '').trim() : '';
		}
		const problems: string[] = [];
		const findingIds: string[] = [];
		const written = cells
			.finding_codes!.split(/[;,]/)
			.map((c) => c.trim())
			.filter(Boolean);
		if (written.length === 0) problems.push('Enter at least one finding code, like L1');
		for (const code of written) {
			const ids = codes.get(code.toLowerCase()) ?? [];
			if (ids.length === 0)
				problems.push(
					`Unknown finding code “${code}”. This area’s codes are ${known || 'none yet'}`
				);
			else if (ids.length > 1)
				problems.push(
					`Finding code “${code}” belongs to more than one inspection: archive the old one first`
				);
			else findingIds.push(ids[0]!);
		}
		const partner = partnerByName.get(squash(cells.partner!));
		if (!cells.partner) problems.push('Enter the partner that owns the action');
		else if (!partner)
			problems.push(
				`Unknown partner “${cells.partner}”. Use one of: ${partners.map((p) => p.name).join(', ') || 'none yet (add partners first)'}`
			);
		const status = parseStatus(cells.status!);
		if (!status) problems.push(`Unknown status “${cells.status}”. Use ${STATUS_HELP}`);
		for (const [column, what] of [
			['start_date', 'Start date'],
			['due_date', 'Due date']
		] as const) {
			if (cells[column] && !parseDate(cells[column]!))
				problems.push(
					`${what} “${cells[column]}” is not a real date. Write it like 2026-03-31 or 31/03/2026`
				);
		}
		const parsed = newActionSchema.safeParse({
			title: cells.title,
			description: cells.description,
			partnerId: partner?.id ?? '',
			lead: cells.lead,
			startsOn: cells.start_date,
			dueOn: cells.due_date,
			findingIds,
			status: status ?? 'not_started'
		});
		if (!parsed.success) {
			for (const issue of parsed.error.issues) {
				const field = String(issue.path[0]);
				// Partner, findings and bad dates already have their own, more specific message.
				if (field === 'partnerId' || field === 'findingIds') continue;
				if ((field === 'startsOn' || field === 'dueOn') && /real date/.test(issue.message))
					continue;
				if (field === 'dueOn' && issue.message.startsWith('The due date'))
					problems.push('The due date is before the start date');
				else problems.push(issue.message);
			}
		}
		rows.push({
			line: info.lines,
			cells,
			statusLabel: status && statusWords(status).label,
			problems
		});
		if (parsed.success && problems.length === 0) inputs.push(parsed.data);
	}
	return {
		preview: {
			fileProblems: [],
			rows,
			ignored: header.record.filter((_, i) => !IMPORT_COLUMNS.some((c) => c.name === names[i])),
			ok: rows.every((r) => r.problems.length === 0)
		},
		inputs
	};
}

function squash(name: string): string {
	return name.trim().toLowerCase().replace(/\s+/g, ' ');
}

/**
 * Stores every action of the file in one transaction, or nothing: the text is checked again
 * (findings or partners may have changed since the preview) and any problem stores nothing.
 */
export async function importPlan(
	db: Db,
	actor: Actor,
	text: string,
	now = new Date()
): Promise<{ ok: true; count: number } | { ok: false; preview: ImportPreview }> {
	return inTransaction(db, async (trx) => {
		const { preview, inputs } = await previewImport(trx, actor.localAreaId, text);
		if (!preview.ok) return { ok: false, preview };
		for (const input of inputs) await storeAction(trx, actor, input, 'Imported from a plan', now);
		await recordAction(trx, actor, 'plan_imported', 'local_area', actor.localAreaId, {
			count: inputs.length
		});
		return { ok: true, count: inputs.length };
	});
}
