import { error, fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { codeForm, firstMessage, formFields } from '$lib/server/responses/input';
import {
	admitWithCode,
	requireQuestionnaire,
	surveyPath,
	tryCode
} from '$lib/server/responses/respondent';
import { CODE_PROBLEMS, unavailable, type CodeProblem } from '$lib/server/responses/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { questionnaire: q } = await event.parent();
	if (event.url.searchParams.has('code')) await admitWithCode(getDb(), q, event);
	const problem = unavailable(q);
	if (problem) error(problem.status, problem.message);
	if (q.survey.accessMode !== 'code') redirect(303, surveyPath(q.survey.id));
	// A code from a link that did not work comes back here with what was wrong (never the code).
	const reason = event.url.searchParams.get('problem');
	const message =
		reason && Object.hasOwn(CODE_PROBLEMS, reason) ? CODE_PROBLEMS[reason as CodeProblem] : null;
	return { problem: message };
};

export const actions: Actions = {
	default: async (event) => {
		const db = getDb();
		const q = await requireQuestionnaire(db, event.params.survey);
		const parsed = codeForm.safeParse(formFields(await event.request.formData()));
		if (!parsed.success) return fail(400, { message: firstMessage(parsed.error), code: '' });
		const attempt = await tryCode(db, q, parsed.data.code, event);
		// The typed code is shown again only when it was refused, so the family can correct it.
		if (!attempt.ok)
			return fail(attempt.status, { message: attempt.message, code: parsed.data.code });
		redirect(303, attempt.next);
	}
};
