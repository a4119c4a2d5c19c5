/**
 * Batches of access codes for a survey, and the two files made from them.
 *
 * The plain codes exist only in the response that creates the batch: the database keeps their
 * hashes. That page shows the codes once, in a form whose two buttons post them back to the
 * letters and mail-merge endpoints. Those endpoints take the posted codes, check that every one
 * hashes to a code of that batch, that it is the whole batch, and that the batch was made within
 * the last hour, and only then return the file. So the server never stores or re-creates a code,
 * a download cannot invent codes, and an old page cannot be replayed into new letters for long.
 */
import { recordEvent, type Actor } from '../audit';
import type { Db } from '../db';
import type { CodeBatch, Survey } from '../db/schema';
import type { FormErrors } from '../forms';
import type { BatchInput } from '../surveys/input';
import { findAreaSurvey } from '../surveys/repository';
import type { NumberedCode } from '../letters/letters';
import { batchLetterNumbers, createBatch, findAreaBatch, listBatches } from './batches';
import { formatCode, hashCode, isWellFormedCode, normaliseCode } from './codes';
import { publishedSummary } from '../insights/publish/store';
import { areaRules } from '../insights/service';
import { showRate } from './rates';

type Outcome<T = object> =
	({ ok: true } & T) | { ok: false; status: 400 | 404 | 409 | 410; errors: FormErrors };

/** How long after creation the codes can still be turned into files. */
export const DOWNLOAD_WINDOW_MS = 60 * 60 * 1000;

/** Letters per printable file: a browser prints a few hundred pages comfortably. */
export const LETTERS_PER_PART = 500;

const notFound = { ok: false, status: 404, errors: { '': 'Not found' } } as const;

export async function createCodeBatch(
	db: Db,
	actor: Actor,
	surveyId: string,
	input: BatchInput
): Promise<Outcome<{ batch: CodeBatch; codes: string[] }>> {
	const survey = await findAreaSurvey(db, actor.localAreaId, surveyId);
	if (!survey) return notFound;
	const refusal = batchRefusal(survey);
	if (refusal) return { ok: false, status: 409, errors: { '': refusal } };
	// A batch smaller than the minimum base would let its used count point at the few families
	// who got it (one letter, labelled with a name, would say whether that family answered).
	const { minBase } = await areaRules(db, actor.localAreaId);
	if (input.size < minBase) {
		return {
			ok: false,
			status: 400,
			errors: {
				size: `Make at least ${minBase} codes in a batch. A smaller batch could show whether particular families answered.`
			}
		};
	}
	const made = await db.transaction().execute(async (trx) => {
		const result = await createBatch(trx, {
			localAreaId: actor.localAreaId,
			surveyId: survey.id,
			label: input.label,
			size: input.size,
			createdBy: actor.id
		});
		await recordEvent(trx, {
			localAreaId: actor.localAreaId,
			userId: actor.id,
			action: 'codes.batch_created',
			subjectType: 'code_batch',
			subjectId: result.batch.id,
			detail: { surveyId: survey.id, label: input.label, size: input.size }
		});
		return result;
	});
	return { ok: true, ...made };
}

/** Why this survey cannot have (more) codes, if it cannot. */
export function batchRefusal(survey: Survey): string | null {
	if (survey.accessMode !== 'code') {
		return 'This questionnaire uses an open link, so families need no codes. Change how families get in first (while it is a draft).';
	}
	if (survey.status === 'closed') return 'This questionnaire is closed, so it needs no more codes.';
	return null;
}

/**
 * The codes page: each batch with its response rate as the latest publication counted it (used
 * codes move only when the figures do, so nobody can watch one family's code being used), and
 * the total. A batch made since shows its codes and waits for the next publication.
 */
export async function codesView(db: Db, areaId: string, surveyId: string) {
	const survey = await findAreaSurvey(db, areaId, surveyId);
	if (!survey) return undefined;
	const [batches, published] = await Promise.all([
		listBatches(db, survey.id),
		publishedSummary(db, survey.id)
	]);
	const rates = published?.rates ?? null;
	const byBatch = new Map((rates?.batches ?? []).map((r) => [r.id, r]));
	return {
		survey,
		refusal: batchRefusal(survey),
		publishedOn: published?.madeOn ?? null,
		batches: batches.map((b) => {
			const rate = byBatch.get(b.id);
			return {
				id: b.id,
				label: b.label,
				createdOn: b.createdAt.slice(0, 10),
				rate: rate
					? showRate(rate)
					: { issued: b.size.toLocaleString('en-GB'), used: 'not counted yet', percent: null }
			};
		}),
		total: rates ? showRate(rates.total) : null
	};
}

export type DownloadKind = 'csv' | 'letters';

/**
 * Check posted codes against a batch (see the header) and audit the download. Returns the codes
 * in their printed form, in the order posted.
 */
export async function authoriseDownload(
	db: Db,
	actor: Actor,
	ids: { surveyId: string; batchId: string },
	posted: string[],
	kind: DownloadKind,
	detail: Record<string, unknown> = {},
	now = new Date()
): Promise<Outcome<{ survey: Survey; batch: CodeBatch; codes: NumberedCode[] }>> {
	const survey = await findAreaSurvey(db, actor.localAreaId, ids.surveyId);
	if (!survey) return notFound;
	const batch = await findAreaBatch(db, actor.localAreaId, survey.id, ids.batchId);
	if (!batch) return notFound;
	const gone = {
		ok: false,
		status: 410,
		errors: {
			'': 'These codes can no longer be downloaded: codes are shown only once, just after they are made. Make a new batch if you need more letters.'
		}
	} as const;
	if (now.getTime() - Date.parse(batch.createdAt) > DOWNLOAD_WINDOW_MS) return gone;
	const normalised = [...new Set(posted.map(normaliseCode))];
	if (normalised.length !== batch.size || !normalised.every(isWellFormedCode)) return gone;
	const hashes = normalised.map(hashCode);
	const letters = await batchLetterNumbers(db, batch.id, hashes);
	if (letters.size !== batch.size) return gone;
	await recordEvent(db, {
		localAreaId: actor.localAreaId,
		userId: actor.id,
		action: kind === 'csv' ? 'codes.csv_downloaded' : 'codes.letters_downloaded',
		subjectType: 'code_batch',
		subjectId: batch.id,
		detail: { surveyId: survey.id, ...detail }
	});
	const codes = normalised
		.map((code, i) => ({ letter: letters.get(hashes[i]!) ?? null, code: formatCode(code) }))
		.sort((a, b) => (a.letter ?? 0) - (b.letter ?? 0));
	return { ok: true, survey, batch, codes };
}
