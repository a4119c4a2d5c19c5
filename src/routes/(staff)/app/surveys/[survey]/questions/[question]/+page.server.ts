import { error, fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { officerQuestion } from '$lib/server/surveys/builder-access';
import { getDb } from '$lib/server/db';
import { questionView } from '$lib/server/surveys/builder-view';
import { parseFindingLinks, parseQuestionEdit } from '$lib/server/surveys/input';
import {
	deleteQuestion,
	setQuestionFindings,
	updateQuestion,
	type Failure
} from '$lib/server/surveys/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const user = requireRole('officer');
	const view = await questionView(getDb(), user.localAreaId, params.survey, params.question);
	if (!view) error(404, 'Not found');
	return { ...view, isNew: url.searchParams.get('new') === '1' };
};

/** Every posted text field, to show the officer's own words back after a problem. */
function posted(form: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [name, value] of form.entries()) if (typeof value === 'string') values[name] = value;
	return values;
}

function refused(action: string, outcome: Failure, values: Record<string, string> = {}) {
	if (outcome.status === 404) error(404, 'Not found');
	return fail(outcome.status, { action, errors: outcome.errors, values });
}

function backToBuilder(surveyId: string, questionId: string, done: string): never {
	redirect(303, `/app/surveys/${surveyId}?done=${done}#question-${questionId}`);
}

export const actions: Actions = {
	save: async ({ params, request }) => {
		const { user } = await officerQuestion(params.survey, params.question);
		const form = await request.formData();
		const parsed = parseQuestionEdit(form);
		if (!parsed.ok)
			return fail(400, { action: 'save', errors: parsed.errors, values: posted(form) });
		const outcome = await updateQuestion(
			getDb(),
			user,
			params.survey,
			params.question,
			parsed.data
		);
		if (!outcome.ok) return refused('save', outcome, posted(form));
		backToBuilder(params.survey, params.question, 'saved');
	},
	links: async ({ params, request }) => {
		const { user } = await officerQuestion(params.survey, params.question);
		const { findingIds } = parseFindingLinks(await request.formData());
		const db = getDb();
		const outcome = await setQuestionFindings(db, user, params.survey, params.question, findingIds);
		if (!outcome.ok) return refused('links', outcome);
		backToBuilder(params.survey, params.question, 'linked');
	},
	delete: async ({ params }) => {
		const { user } = await officerQuestion(params.survey, params.question);
		const outcome = await deleteQuestion(getDb(), user, params.survey, params.question);
		if (!outcome.ok) return refused('delete', outcome);
		redirect(303, `/app/surveys/${params.survey}?done=deleted#questions`);
	}
};
