import { error, fail } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { officerSurvey } from '$lib/server/surveys/builder-access';
import { getDb } from '$lib/server/db';
import { partCount } from '$lib/server/letters/letters';
import { LETTERS_PER_PART, codesView, createCodeBatch } from '$lib/server/responses/code-batches';
import { readFields } from '$lib/server/forms';
import { BATCH_FIELDS, parseBatch } from '$lib/server/surveys/input';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const user = requireRole('officer');
	const view = await codesView(getDb(), user.localAreaId, params.survey);
	if (!view) error(404, 'Not found');
	return {
		survey: { id: view.survey.id, title: view.survey.title, status: view.survey.status },
		refusal: view.refusal,
		batches: view.batches,
		total: view.total,
		publishedOn: view.publishedOn
	};
};

export const actions: Actions = {
	/**
	 * The one response that ever holds the plain codes: it shows them and posts them back for the
	 * two downloads (see responses/code-batches.ts). Never cached.
	 */
	create: async ({ params, request, setHeaders }) => {
		const { user } = await officerSurvey(params.survey);
		const form = await request.formData();
		const parsed = parseBatch(form);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		const outcome = await createCodeBatch(getDb(), user, params.survey, parsed.data);
		if (!outcome.ok) {
			if (outcome.status === 404) error(404, 'Not found');
			return fail(outcome.status, {
				errors: outcome.errors,
				values: readFields(form, BATCH_FIELDS)
			});
		}
		setHeaders({ 'cache-control': 'no-store' });
		return {
			created: {
				batchId: outcome.batch.id,
				label: outcome.batch.label,
				size: outcome.batch.size,
				codes: outcome.codes.join('\n'),
				parts: partCount(outcome.batch.size, LETTERS_PER_PART),
				perPart: LETTERS_PER_PART
			}
		};
	}
};
