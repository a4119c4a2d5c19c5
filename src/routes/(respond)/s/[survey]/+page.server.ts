import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import {
	admitFromLink,
	forgetKey,
	readHeldKey,
	requireQuestionnaire,
	surveyPath,
	questionnaireOf
} from './respondent';
import { unavailable } from '$lib/server/responses/service';
import { minutesToAnswer } from '$lib/server/surveys/journey';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	await event.parent(); // the layout turns away what families cannot open
	const q = (await questionnaireOf(event))!;
	// A letter's QR code may carry the code: take it out of the address at once.
	if (event.url.searchParams.has('code')) await admitFromLink(getDb(), q, event);
	const problem = unavailable(q);
	if (problem) error(problem.status, problem.message);
	return {
		minutes: minutesToAnswer(q.questions),
		sent: readHeldKey(event.cookies) === 'sent',
		// Saved answers this browser pointed at are gone (sent, or the link was used before).
		lost: event.url.searchParams.get('problem') === 'lost'
	};
};

export const actions: Actions = {
	/** Open questionnaires: start (again). Forgets that this browser already sent answers. */
	start: async ({ cookies, url }) => {
		const q = await requireQuestionnaire();
		if (q.survey.accessMode === 'code') redirect(303, surveyPath(q.survey.id, 'code'));
		if (readHeldKey(cookies) === 'sent') forgetKey(cookies, url, q.survey.id);
		redirect(303, surveyPath(q.survey.id, 'p/1'));
	}
};
