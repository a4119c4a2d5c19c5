import { error } from '@sveltejs/kit';
import { officerBatch } from '$lib/server/surveys/builder-access';
import { getDb } from '$lib/server/db';
import {
	ANONYMITY_PROMISE,
	buildLetters,
	lettersPart,
	surveyUrl
} from '$lib/server/letters/letters';
import { LETTERS_PER_PART, authoriseDownload } from '$lib/server/responses/code-batches';
import { parseDownload } from '$lib/server/surveys/input';
import { findSurveyArea } from '$lib/server/surveys/repository';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const { batch } = await officerBatch(params.survey, params.batch);
	return { surveyId: params.survey, label: batch.label };
};

export const actions: Actions = {
	/** Letters for one part of a new batch, from the codes the creation page posts back. */
	default: async ({ params, request, url, setHeaders }) => {
		const { user } = await officerBatch(params.survey, params.batch);
		const parsed = parseDownload(await request.formData());
		if (!parsed.ok) error(400, parsed.errors.codes ?? 'Bad request');
		const { codes: posted, part } = parsed.data;
		const ids = { surveyId: params.survey, batchId: params.batch };
		const db = getDb();
		const outcome = await authoriseDownload(db, user, ids, posted, 'letters', { part });
		if (!outcome.ok) error(outcome.status, outcome.errors[''] ?? 'Not found');
		const codes = lettersPart(outcome.codes, part, LETTERS_PER_PART);
		if (codes.length === 0) error(400, 'There is no such part of this batch');
		const area = await findSurveyArea(db, outcome.survey.localAreaId);
		setHeaders({ 'cache-control': 'no-store' });
		return {
			sheet: {
				areaName: area.name,
				title: outcome.survey.title,
				url: surveyUrl(url.origin, outcome.survey.id),
				closesOn: outcome.survey.closesOn,
				promise: ANONYMITY_PROMISE,
				letters: await buildLetters(url.origin, outcome.survey.id, codes)
			}
		};
	}
};
