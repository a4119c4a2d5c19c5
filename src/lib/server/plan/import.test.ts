import { describe, expect, it } from 'vitest';
import { createTestDb } from '$testing/db';
import { auditActions, makePlanArea } from '$testing/plan';
import { decodeUpload, importPlan, previewImport } from './import';

const HEADER = 'title,description,finding_codes,partner,lead,start_date,due_date,status';
const GOOD = [
	'Refresh the local offer,Rewrite it with families,L1; L3,County Council,Head of SEND,01/04/2026,2026-12-31,on track',
	'Publish waiting times,"Monthly, by district",l2,parent carer forum,DCO,2026-05-01,31/3/27,'
];

async function setUp() {
	const db = await createTestDb();
	const made = await makePlanArea(db);
	const other = await makePlanArea(db);
	return { db, ...made, other };
}

const countActions = async (db: Awaited<ReturnType<typeof createTestDb>>) =>
	Number(
		(
			await db
				.selectFrom('actions')
				.select((eb) => eb.fn.countAll().as('n'))
				.executeTakeFirstOrThrow()
		).n
	);

describe('reading an uploaded file', () => {
	it('reads UTF-8 with a byte-order mark, and Windows-1252 as Excel saves it on a UK computer', () => {
		const utf8 = new TextEncoder().encode('\uFEFFtitle\r\n“Café” – £5\r\n');
		expect(decodeUpload(utf8)).toEqual({
			ok: true,
			text: 'title\r\n“Café” – £5\r\n',
			encoding: 'UTF-8'
		});
		// “Café” – £5 in Windows-1252: smart quotes 0x93/0x94, é 0xE9, en dash 0x96, £ 0xA3.
		const cp1252 = new Uint8Array([
			0x93, 0x43, 0x61, 0x66, 0xe9, 0x94, 0x20, 0x96, 0x20, 0xa3, 0x35
		]);
		expect(decodeUpload(cp1252)).toEqual({
			ok: true,
			text: '“Café” – £5',
			encoding: 'Windows-1252'
		});
	});

	it('refuses Excel’s “Unicode text” with a message that says what to do', () => {
		const decoded = decodeUpload(new Uint8Array([0xff, 0xfe, 0x74, 0x00]));
		expect(decoded.ok).toBe(false);
		expect(!decoded.ok && decoded.message).toMatch(/CSV UTF-8/);
	});
});

describe('previewing an import', () => {
	it('accepts ISO and UK dates, codes and partner names in any case, a blank status, quoted commas', async () => {
		const { db, area, findings, partners } = await setUp();
		const { preview, inputs } = await previewImport(db, area.id, [HEADER, ...GOOD].join('\r\n'));
		expect(preview.ok).toBe(true);
		expect(preview.rows.map((r) => [r.line, r.problems, r.statusLabel])).toEqual([
			[2, [], 'On track'],
			[3, [], 'Not started']
		]);
		expect(inputs).toEqual([
			{
				title: 'Refresh the local offer',
				description: 'Rewrite it with families',
				findingIds: [findings[0]!.id, findings[2]!.id],
				partnerId: partners[0]!.id,
				lead: 'Head of SEND',
				startsOn: '2026-04-01',
				dueOn: '2026-12-31',
				status: 'on_track'
			},
			{
				title: 'Publish waiting times',
				description: 'Monthly, by district',
				findingIds: [findings[1]!.id],
				partnerId: partners[1]!.id,
				lead: 'DCO',
				startsOn: '2026-05-01',
				dueOn: '2027-03-31',
				status: 'not_started'
			}
		]);
		expect(await countActions(db)).toBe(0);
	});

	it('gives every bad row a clear message', async () => {
		const { db, area } = await setUp();
		const rows = [
			',No title,L1,County Council,Lead,2026-01-01,2026-02-01,',
			'Unknown code,Desc,L9; L1,County Council,Lead,2026-01-01,2026-02-01,',
			'Due first,Desc,L1,County Council,Lead,2026-03-01,2026-02-01,',
			'Who,Desc,L1,The Moon,Lead,2026-01-01,2026-02-01,',
			'Bad date,Desc,L1,County Council,Lead,31/02/2026,next year,',
			'Odd status,Desc,L1,County Council,Lead,2026-01-01,2026-02-01,purple',
			'No codes,Desc,,County Council,,2026-01-01,2026-02-01,'
		];
		const { preview, inputs } = await previewImport(db, area.id, [HEADER, ...rows].join('\n'));
		expect(preview.ok).toBe(false);
		expect(inputs).toEqual([]);
		expect(preview.rows.map((r) => r.problems)).toEqual([
			['Enter a title'],
			['Unknown finding code “L9”. This area’s codes are L1, L2, L3'],
			['The due date is before the start date'],
			['Unknown partner “The Moon”. Use one of: County Council, Parent Carer Forum'],
			[
				'Start date “31/02/2026” is not a real date. Write it like 2026-03-31 or 31/03/2026',
				'Due date “next year” is not a real date. Write it like 2026-03-31 or 31/03/2026'
			],
			[expect.stringMatching(/^Unknown status “purple”\. Use not started, on track/)],
			['Enter at least one finding code, like L1', 'Enter the named lead']
		]);
	});

	it('does not know another area’s findings or partners', async () => {
		const { db, other } = await setUp();
		// The other area has codes L1–L3 too, but its own: this area's partner is unknown there.
		const { preview } = await previewImport(db, other.area.id, [HEADER, GOOD[1]!].join('\n'));
		expect(preview.rows[0]!.problems).toEqual([]);
		const { inputs } = await previewImport(db, other.area.id, [HEADER, GOOD[1]!].join('\n'));
		expect(inputs[0]!.findingIds).toEqual([other.findings[1]!.id]);
		expect(inputs[0]!.partnerId).toBe(other.partners[1]!.id);
	});

	it('says what is wrong with the file as a whole', async () => {
		const { db, area } = await setUp();
		const problem = async (text: string) =>
			(await previewImport(db, area.id, text)).preview.fileProblems;
		expect(await problem('')).toEqual([expect.stringMatching(/empty/)]);
		expect(await problem(HEADER)).toEqual(['The file has a header row but no actions']);
		expect(await problem(HEADER.replaceAll(',', ';') + '\nx;y')).toEqual([
			expect.stringMatching(/separated by semicolons/)
		]);
		expect(await problem('title,partner\nx,y')).toEqual([
			expect.stringMatching(
				/no “description”, “finding_codes”, “lead”, “start_date”, “due_date” columns/
			)
		]);
		expect(await problem(`${HEADER}\n"unclosed,quote`)).toEqual([
			expect.stringMatching(/could not be read as CSV/)
		]);
	});

	it('reads alias headers, skips blank rows and lists columns it leaves out', async () => {
		const { db, area } = await setUp();
		const text = [
			'Title,What will be done,Findings,Owner,Lead,Start,Due,RAG,Notes',
			'A,B,L1,County Council,C,2026-01-01,2026-02-01,amber,ignored',
			',,,,,,,,'
		].join('\r\n');
		const { preview, inputs } = await previewImport(db, area.id, text);
		expect(preview.ok).toBe(true);
		expect(preview.ignored).toEqual(['Notes']);
		expect(inputs.map((i) => i.status)).toEqual(['at_risk']);
	});
});

describe('importing', () => {
	it('stores every action with its findings and first status in one go, audited once', async () => {
		const { db, area, actor } = await setUp();
		const outcome = await importPlan(db, actor, [HEADER, ...GOOD].join('\r\n'));
		expect(outcome).toEqual({ ok: true, count: 2 });
		const actions = await db
			.selectFrom('actions')
			.selectAll()
			.where('localAreaId', '=', area.id)
			.execute();
		expect(actions.map((a) => a.title).sort()).toEqual([
			'Publish waiting times',
			'Refresh the local offer'
		]);
		const updates = await db.selectFrom('actionUpdates').select(['status', 'note']).execute();
		expect(updates.map((u) => u.status).sort()).toEqual(['not_started', 'on_track']);
		expect(await db.selectFrom('actionFindings').selectAll().execute()).toHaveLength(3);
		expect(await auditActions(db, area.id)).toEqual(['plan_imported']);
	});

	it('stores nothing when any row is refused', async () => {
		const { db, area, actor } = await setUp();
		const bad = 'Bad,Desc,L7,County Council,Lead,2026-01-01,2026-02-01,';
		const outcome = await importPlan(db, actor, [HEADER, ...GOOD, bad].join('\n'));
		expect(outcome.ok).toBe(false);
		expect(!outcome.ok && outcome.preview.rows.map((r) => r.problems.length)).toEqual([0, 0, 1]);
		expect(await countActions(db)).toBe(0);
		expect(await db.selectFrom('actionUpdates').selectAll().execute()).toEqual([]);
		expect(await auditActions(db, area.id)).toEqual([]);
	});

	it('checks again at import time: a finding archived since the preview stops the import', async () => {
		const { db, actor, findings } = await setUp();
		const text = [HEADER, GOOD[0]!].join('\n');
		expect((await previewImport(db, actor.localAreaId, text)).preview.ok).toBe(true);
		await db
			.updateTable('findings')
			.set({ archived: 1 })
			.where('id', '=', findings[2]!.id)
			.execute();
		const outcome = await importPlan(db, actor, text);
		expect(!outcome.ok && outcome.preview.rows[0]!.problems).toEqual([
			'Unknown finding code “L3”. This area’s codes are L1, L2'
		]);
		expect(await countActions(db)).toBe(0);
	});
});
