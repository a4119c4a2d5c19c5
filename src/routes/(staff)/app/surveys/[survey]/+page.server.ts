import { error, fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { officerSurvey } from '$lib/server/surveys/builder-access';
import { getDb } from '$lib/server/db';
import { publishSurvey } from '$lib/server/insights/publish/refresh';
import { releasePending } from '$lib/server/responses/release';
import { builderView } from '$lib/server/surveys/builder-view';
import { signoffsOf } from '$lib/server/coproduction/signoff';
import { readFields } from '$lib/server/forms';
import {
	COPY_FIELDS,
	DETAIL_FIELDS,
	parseBankChoice,
	parseCopy,
	parseDetails,
	parseMove,
	parseNewQuestion
} from '$lib/server/surveys/input';
import {
	addBankQuestions,
	addQuestion,
	closeSurvey,
	copySurvey,
	moveQuestion,
	openSurvey,
	updateDetails,
	type Failure
} from '$lib/server/surveys/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const user = requireRole('officer');
	const filter = {
		theme: url.searchParams.get('theme') || null,
		dimension: url.searchParams.get('dimension') || null
	};
	const view = await builderView(getDb(), user.localAreaId, params.survey, filter);
	if (!view) error(404, 'Not found');
	const signoffs = await signoffsOf(getDb(), user.localAreaId, params.survey);
	return { ...view, signoffs, filter, done: url.searchParams.get('done') };
};

/** A refused change: 404 for another area's survey, otherwise the messages for the form. */
function refused(action: string, outcome: Failure, values: Record<string, string> = {}) {
	if (outcome.status === 404) error(404, 'Not found');
	return fail(outcome.status, {
		action,
		errors: outcome.errors,
		problems: outcome.problems,
		values
	});
}

/** Back to the builder after a change (so a reload never repeats it). */
function back(surveyId: string, done: string, anchor = ''): never {
	redirect(303, `/app/surveys/${surveyId}?done=${done}${anchor}`);
}

export const actions: Actions = {
	details: async ({ params, request }) => {
		const { user } = await officerSurvey(params.survey);
		const form = await request.formData();
		const parsed = parseDetails(form);
		if (!parsed.ok)
			return fail(400, { action: 'details', errors: parsed.errors, values: parsed.values });
		const outcome = await updateDetails(getDb(), user, params.survey, parsed.data);
		if (!outcome.ok) return refused('details', outcome, readFields(form, DETAIL_FIELDS));
		back(params.survey, 'details');
	},
	addBank: async ({ params, request }) => {
		const { user } = await officerSurvey(params.survey);
		const parsed = parseBankChoice(await request.formData());
		if (!parsed.ok) return fail(400, { action: 'addBank', errors: parsed.errors });
		const outcome = await addBankQuestions(getDb(), user, params.survey, parsed.data.items);
		if (!outcome.ok) return refused('addBank', outcome);
		back(params.survey, `added-${outcome.added}`, '#questions');
	},
	addQuestion: async ({ params, request }) => {
		const { user } = await officerSurvey(params.survey);
		const parsed = parseNewQuestion(await request.formData());
		if (!parsed.ok) {
			return fail(400, { action: 'addQuestion', errors: parsed.errors, values: parsed.values });
		}
		const outcome = await addQuestion(getDb(), user, params.survey, parsed.data);
		if (!outcome.ok) return refused('addQuestion', outcome, parsed.data);
		redirect(303, `/app/surveys/${params.survey}/questions/${outcome.questionId}?new=1`);
	},
	move: async ({ params, request }) => {
		const { user } = await officerSurvey(params.survey);
		const parsed = parseMove(await request.formData());
		if (!parsed.ok) return fail(400, { action: 'move', errors: parsed.errors });
		const { questionId, direction } = parsed.data;
		const outcome = await moveQuestion(getDb(), user, params.survey, questionId, direction);
		if (!outcome.ok) return refused('move', outcome);
		back(params.survey, 'moved', `#question-${questionId}`);
	},
	open: async ({ params }) => {
		const { user } = await officerSurvey(params.survey);
		const outcome = await openSurvey(getDb(), user, params.survey);
		if (!outcome.ok) return refused('open', outcome);
		back(params.survey, 'opened');
	},
	close: async ({ params }) => {
		const { user } = await officerSurvey(params.survey);
		const db = getDb();
		const outcome = await closeSurvey(db, user, params.survey);
		if (!outcome.ok) return refused('close', outcome);
		// Nothing more will join the responses still waiting: they are released now, and the
		// questionnaire's figures are published for good.
		await releasePending(db, params.survey);
		await publishSurvey(db, params.survey, { final: true });
		back(params.survey, 'closed');
	},
	copy: async ({ params, request }) => {
		const { user } = await officerSurvey(params.survey);
		const form = await request.formData();
		const parsed = parseCopy(form);
		if (!parsed.ok)
			return fail(400, { action: 'copy', errors: parsed.errors, values: parsed.values });
		const outcome = await copySurvey(getDb(), user, params.survey, parsed.data);
		if (!outcome.ok) return refused('copy', outcome, readFields(form, COPY_FIELDS));
		redirect(303, `/app/surveys/${outcome.surveyId}?done=copied`);
	}
};
