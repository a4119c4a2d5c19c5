import { error, fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { formFields, journeyForm } from '$lib/server/responses/input';
import { translator } from '$lib/i18n';
import { serverDrawn } from '$lib/respond/server-drawn';
import {
	answerSummary,
	missingAnswers,
	sendAnswers,
	unavailable
} from '$lib/server/responses/service';
import {
	holdKey,
	requireQuestionnaire,
	requireRespondent,
	surveyPath,
	questionnaireOf
} from '../respondent';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	await event.parent(); // the layout turns away what families cannot open
	const q = (await questionnaireOf(event))!;
	const problem = unavailable(q);
	if (problem) error(problem.status, problem.message);
	const answering = await requireRespondent(getDb(), q, event);
	const answers = answering?.draft.answers ?? {};
	// Nothing saved yet (or the saved answers expired): there is nothing to check.
	if (Object.keys(answers).length === 0) redirect(303, surveyPath(q.survey.id, 'p/1'));
	return {
		summary: serverDrawn(answerSummary(q, answers)),
		missing: missingAnswers(q, answers)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { request, cookies, url } = event;
		const db = getDb();
		const q = await requireQuestionnaire();
		const answering = await requireRespondent(db, q, event, { sending: true });
		const fields = journeyForm.safeParse(formFields(await request.formData()));
		if (!fields.success || fields.data.survey !== q.survey.id) {
			const message = translator(q.language)('error.stale');
			return fail(400, { errors: [{ questionId: null, message }] });
		}
		if (!answering) redirect(303, surveyPath(q.survey.id));
		const outcome = await sendAnswers(db, q, answering);
		if (outcome.ok) {
			holdKey(cookies, url, q.survey.id, 'sent');
			redirect(303, surveyPath(q.survey.id, 'done'));
		}
		if (outcome.reason === 'invalid') return fail(400, { errors: outcome.errors });
		if (outcome.reason === 'no_answers') redirect(303, surveyPath(q.survey.id, 'p/1'));
		if (outcome.reason === 'not_open') {
			error(410, translator(q.language)('error.justClosed'));
		}
		// Sent already (a double click or a replayed form): nothing more is stored.
		holdKey(cookies, url, q.survey.id, 'sent');
		redirect(303, surveyPath(q.survey.id, 'done?already=1'));
	}
};
