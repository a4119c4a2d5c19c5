/**
 * Responses are released into the response tables in crowds, never one by one.
 *
 * A sent response first waits in `pending_responses`, sealed under the server secret (see
 * submit.ts for why). Once a questionnaire has as many waiting as its area's minimum base (at
 * least 10), or when it closes, they are released together in one transaction: opened, put in
 * random order, and written as ordinary responses, answers and comments, with fresh random ids
 * and a transaction of their own. So in a copy of the database each readable response shares
 * its transaction, its neighbours and its log entry with at least that many others, none of
 * them tied to the code spent for it, and nothing says which of the crowd came first.
 *
 * Releasing starts by deleting the waiting rows it takes (returning them), so two instances
 * releasing at once each take different rows and none is written twice.
 */
import { retrying, type Db } from '../db';
import { checkpointLog } from '../db/log';
import { newId } from '../ids';
import { rulesFor } from '../insights/suppression';
import { seal, unseal } from '../secret';
import { shuffle } from '../shuffle';
import { listQuestions } from '../surveys/repository';
import { storeResponses, type NewResponse } from './store';

/** Seals responses and keeps them waiting (inside the submission's transaction). */
export async function holdForRelease(
	trx: Db,
	responses: { surveyId: string; response: NewResponse }[]
): Promise<void> {
	if (responses.length === 0) return;
	await trx
		.insertInto('pendingResponses')
		.values(
			responses.map(({ surveyId, response }) => ({
				id: newId(),
				surveyId,
				sealed: seal(JSON.stringify(response), surveyId)
			}))
		)
		.execute();
}

/** How many responses a questionnaire's release waits for: its area's minimum base. */
async function releaseSize(db: Db, surveyId: string): Promise<number> {
	const area = await db
		.selectFrom('surveys')
		.innerJoin('localAreas', 'localAreas.id', 'surveys.localAreaId')
		.select(['localAreas.minBase', 'localAreas.minCount'])
		.where('surveys.id', '=', surveyId)
		.executeTakeFirst();
	return rulesFor(area).minBase;
}

export async function countPending(db: Db, surveyId: string): Promise<number> {
	const row = await db
		.selectFrom('pendingResponses')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('surveyId', '=', surveyId)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** Releases each questionnaire's waiting responses if enough have gathered. */
export async function releaseWhereDue(db: Db, surveyIds: readonly string[]): Promise<number> {
	let released = 0;
	for (const surveyId of surveyIds) {
		if ((await countPending(db, surveyId)) >= (await releaseSize(db, surveyId))) {
			released += await releasePending(db, surveyId);
		}
	}
	return released;
}

/**
 * Releases every waiting response of a questionnaire now, however few (at close, when nothing
 * more will join them). Returns how many were released.
 */
export async function releasePending(db: Db, surveyId: string): Promise<number> {
	const questions = await listQuestions(db, surveyId);
	const released = await retrying(() =>
		db.transaction().execute(async (trx) => {
			const rows = await trx
				.deleteFrom('pendingResponses')
				.where('surveyId', '=', surveyId)
				.returning(['sealed'])
				.execute();
			if (rows.length === 0) return 0;
			const responses = shuffle(
				rows.map((row) => JSON.parse(unseal(row.sealed, surveyId)) as NewResponse)
			);
			await storeResponses(trx, surveyId, questions, responses);
			return responses.length;
		})
	);
	if (released > 0) await checkpointLog(db);
	return released;
}

/** Releases what waits for questionnaires that have closed (by status or by date). */
export async function releaseClosed(db: Db, today: string): Promise<number> {
	const closed = await db
		.selectFrom('pendingResponses')
		.innerJoin('surveys', 'surveys.id', 'pendingResponses.surveyId')
		.select('surveys.id')
		.where((eb) => eb.or([eb('surveys.status', '=', 'closed'), eb('surveys.closesOn', '<', today)]))
		.distinct()
		.execute();
	let released = 0;
	for (const { id } of closed) released += await releasePending(db, id);
	return released;
}
