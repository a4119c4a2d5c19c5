import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { readAnswerFields } from '$lib/server/responses/answers';
import {
	approvePaperEntry,
	enterPaperResponse,
	listWaitingEntries,
	withdrawPaperEntry
} from '$lib/server/responses/paper';
import { availability } from '$lib/server/surveys/availability';
import { findAreaSurvey, listQuestions } from '$lib/server/surveys/repository';
import type { Actions, PageServerLoad } from './$types';

const entryForm = z.object({ entry: z.string().min(1).max(64) });

export const load: PageServerLoad = async ({ params, url }) => {
	const user = requireRole('officer');
	const db = getDb();
	const survey = await findAreaSurvey(db, user.localAreaId, params.survey);
	if (!survey) error(404, 'Not found');
	return {
		survey: {
			id: survey.id,
			title: survey.title,
			audience: survey.audience,
			closesOn: survey.closesOn
		},
		open: availability(survey) === 'open',
		questions: await listQuestions(db, survey.id),
		waiting: (await listWaitingEntries(db, user, survey.id)) ?? [],
		done: url.searchParams.get('done')
	};
};

/** The posted entry's id; another area's questionnaire is not found before anything is read. */
async function entryId(request: Request, areaId: string, surveyId: string): Promise<string> {
	if (!(await findAreaSurvey(getDb(), areaId, surveyId))) error(404, 'Not found');
	const parsed = entryForm.safeParse({ entry: (await request.formData()).get('entry') });
	if (!parsed.success) error(400, 'Choose an entry from the list');
	return parsed.data.entry;
}

function back(surveyId: string, done: string): never {
	redirect(303, `/app/surveys/${surveyId}/paper?done=${done}`);
}

export const actions: Actions = {
	enter: async ({ params, request }) => {
		const user = requireRole('officer');
		const raw = readAnswerFields(await request.formData());
		const outcome = await enterPaperResponse(getDb(), user, params.survey, raw);
		if (outcome.ok) back(params.survey, 'entered');
		if (outcome.status === 404) error(404, 'Not found');
		return fail(outcome.status, { errors: outcome.errors, values: outcome.values });
	},
	approve: async ({ params, request }) => {
		const user = requireRole('officer');
		const id = await entryId(request, user.localAreaId, params.survey);
		const outcome = await approvePaperEntry(getDb(), user, params.survey, id);
		if (outcome.ok) back(params.survey, 'approved');
		if (outcome.status === 404) error(404, 'That entry is not waiting any more');
		return fail(outcome.status, { errors: outcome.errors, values: {} });
	},
	withdraw: async ({ params, request }) => {
		const user = requireRole('officer');
		const id = await entryId(request, user.localAreaId, params.survey);
		if (!(await withdrawPaperEntry(getDb(), user, params.survey, id))) {
			error(404, 'That entry is not waiting any more');
		}
		back(params.survey, 'withdrawn');
	}
};
