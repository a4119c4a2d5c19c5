/**
 * Reminder letters without linking: for a batch, the numbers of the letters whose codes are
 * still unused, so an officer can send those families a reminder. The list says nothing of any
 * response, and it follows the publications' timing rule: it is made with each publication and
 * read from it, so it changes only when enough codes have been used, never as one family answers.
 */
import type { Db } from '../db';
import type { CodeBatch } from '../db/schema';
import { recordAction, type Actor } from '../audit';
import { latestPublication, readFile } from '../insights/publish/store';

export const REMINDERS_FILE = 'reminders';

/** Unused letter numbers per batch of a questionnaire, as stored with a publication. */
export type UnusedLetters = Record<string, number[]>;

export async function unusedLetters(db: Db, surveyId: string): Promise<UnusedLetters> {
	const rows = await db
		.selectFrom('accessCodes')
		.select(['batchId', 'letterNumber'])
		.where('surveyId', '=', surveyId)
		.where('used', '=', 0)
		.where('letterNumber', 'is not', null)
		.orderBy('batchId')
		.orderBy('letterNumber')
		.execute();
	const unused: UnusedLetters = {};
	for (const row of rows) (unused[row.batchId] ??= []).push(row.letterNumber!);
	return unused;
}

export type ReminderList =
	{ ok: true; publishedOn: string; letters: number[] } | { ok: false; reason: 'unpublished' };

/** The batch's reminder list as of the latest publication, audited. The batch is the area's. */
export async function reminderList(db: Db, actor: Actor, batch: CodeBatch): Promise<ReminderList> {
	const publication = await latestPublication(db, batch.surveyId);
	if (!publication) return { ok: false, reason: 'unpublished' };
	let text = '';
	for await (const chunk of readFile(db, publication.id, REMINDERS_FILE)) text += chunk;
	// Publications made before reminder lists existed have none: nothing is known unused.
	const unused = text ? (JSON.parse(text) as UnusedLetters) : {};
	await recordAction(db, actor, 'codes.reminders_downloaded', 'code_batch', batch.id, {
		publishedOn: publication.madeOn
	});
	return { ok: true, publishedOn: publication.madeOn, letters: unused[batch.id] ?? [] };
}
