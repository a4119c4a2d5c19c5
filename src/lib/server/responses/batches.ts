import type { Db } from '../db';
import { inTransaction, nowIso } from '../db';
import type { CodeBatch } from '../db/schema';
import { newId } from '../ids';
import { generateCode, hashCode, normaliseCode } from './codes';

export const MAX_BATCH_SIZE = 20000;

/**
 * Create a batch of single-use codes. The codes are returned once, here, and only their hashes
 * are kept: nobody can print them again, and nothing links a code to the response it allowed.
 */
export async function createBatch(
	db: Db,
	input: {
		localAreaId: string;
		surveyId: string;
		label: string;
		size: number;
		createdBy: string | null;
	},
	makeCode: () => string = generateCode
): Promise<{ batch: CodeBatch; codes: string[] }> {
	const codes = new Set<string>();
	while (codes.size < input.size) codes.add(makeCode());
	const batch: CodeBatch = { id: newId(), createdAt: nowIso(), ...input };
	await inTransaction(db, async (trx) => {
		await trx.insertInto('codeBatches').values(batch).execute();
		// Letter numbers follow the order the codes are handed out in, which is the mail merge's.
		const rows = [...codes].map((code, i) => ({
			codeHash: hashCode(normaliseCode(code)),
			batchId: batch.id,
			surveyId: input.surveyId,
			letterNumber: i + 1
		}));
		for (let i = 0; i < rows.length; i += 500) {
			await trx
				.insertInto('accessCodes')
				.values(rows.slice(i, i + 500))
				.execute();
		}
	});
	return { batch, codes: [...codes] };
}

/** A code of this questionnaire by its keyed hash: whether it is spent, and its draft if any. */
export async function findCode(
	db: Db,
	surveyId: string,
	codeHash: string
): Promise<{ used: boolean; draftId: string | null } | undefined> {
	const row = await db
		.selectFrom('accessCodes')
		.select(['used', 'draftId'])
		.where('codeHash', '=', codeHash)
		.where('surveyId', '=', surveyId)
		.executeTakeFirst();
	return row && { used: row.used === 1, draftId: row.draftId };
}

/**
 * Points an unspent code at a new draft, only if it still points where it did when it was read:
 * two browsers typing the same code at the same moment cannot both start.
 */
export async function claimCodeForDraft(
	db: Db,
	surveyId: string,
	codeHash: string,
	previous: string | null,
	next: string
): Promise<boolean> {
	const result = await db
		.updateTable('accessCodes')
		.set({ draftId: next })
		.where('codeHash', '=', codeHash)
		.where('surveyId', '=', surveyId)
		.where('used', '=', 0)
		.where((eb) => (previous === null ? eb('draftId', 'is', null) : eb('draftId', '=', previous)))
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** A batch of one survey of one local area, or nothing. */
export async function findAreaBatch(
	db: Db,
	areaId: string,
	surveyId: string,
	batchId: string
): Promise<CodeBatch | undefined> {
	return db
		.selectFrom('codeBatches')
		.selectAll()
		.where('id', '=', batchId)
		.where('surveyId', '=', surveyId)
		.where('localAreaId', '=', areaId)
		.executeTakeFirst();
}

/** The batches of a survey, oldest first. */
export async function listBatches(db: Db, surveyId: string): Promise<CodeBatch[]> {
	return db
		.selectFrom('codeBatches')
		.selectAll()
		.where('surveyId', '=', surveyId)
		.orderBy('createdAt')
		.execute();
}

/** How many of these code hashes belong to the batch. */
/** The letter number of each of these hashes that belongs to the batch (missing: not in it). */
export async function batchLetterNumbers(
	db: Db,
	batchId: string,
	hashes: string[]
): Promise<Map<string, number | null>> {
	const found = new Map<string, number | null>();
	for (let i = 0; i < hashes.length; i += 500) {
		const rows = await db
			.selectFrom('accessCodes')
			.select(['codeHash', 'letterNumber'])
			.where('batchId', '=', batchId)
			.where('codeHash', 'in', hashes.slice(i, i + 500))
			.execute();
		for (const row of rows) found.set(row.codeHash, row.letterNumber);
	}
	return found;
}
