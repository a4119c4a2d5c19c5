import { error, fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { readAnswerFields } from '$lib/server/responses/answers';
import { formFields, journeyForm, pageNumber } from '$lib/server/responses/input';
import { requestClient } from '$lib/server/clients';
import { savePage, unavailable, type Questionnaire } from '$lib/server/responses/service';
import { translator } from '$lib/i18n';
import { serverDrawn } from '$lib/respond/server-drawn';
import {
	holdKey,
	requireQuestionnaire,
	requireRespondent,
	surveyPath,
	questionnaireOf
} from '../../respondent';
import type { Actions, PageServerLoad } from './$types';

function pageOf(q: Questionnaire, param: string) {
	const parsed = pageNumber.safeParse(param);
	const page = parsed.success ? q.pages[parsed.data - 1] : undefined;
	if (!page) error(404, 'Not Found');
	return page;
}

export const load: PageServerLoad = async (event) => {
	const { parent, params, url } = event;
	await parent(); // the layout turns away what families cannot open
	const q = (await questionnaireOf(event))!;
	const problem = unavailable(q);
	if (problem) error(problem.status, problem.message);
	const db = getDb();
	const answering = await requireRespondent(db, q, event);
	const page = pageOf(q, params.page);
	const answers = answering?.draft.answers ?? {};
	const changing = url.searchParams.has('change');
	const back = changing
		? 'check'
		: page.number > 1
			? `p/${page.number - 1}`
			: q.survey.accessMode === 'code'
				? 'code'
				: '';
	return {
		page: serverDrawn(page),
		values: Object.fromEntries(page.questions.map((x) => [x.id, answers[x.id] ?? []])),
		changing,
		// Just back through a resume link, which will not work again.
		resumed: url.searchParams.has('resumed'),
		back: surveyPath(q.survey.id, back)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { request, params, cookies, url } = event;
		const db = getDb();
		const q = await requireQuestionnaire();
		const page = pageOf(q, params.page);
		const answering = await requireRespondent(db, q, event);
		const form = await request.formData();
		const raw = readAnswerFields(form);
		// Show back only what belongs on this page, whatever else was posted.
		const values = Object.fromEntries(page.questions.map((x) => [x.id, raw[x.id] ?? []]));
		const fields = journeyForm.safeParse(formFields(form));
		if (!fields.success || fields.data.survey !== q.survey.id) {
			const message = translator(q.language)('error.stale');
			return fail(400, { errors: [{ questionId: null, message }], values });
		}
		const saved = await savePage(
			db,
			q,
			page,
			answering,
			raw,
			fields.data.intent,
			requestClient(event)
		);
		if (!saved.ok) return fail(400, { errors: saved.errors, values });
		holdKey(cookies, url, q.survey.id, { secret: saved.secret });
		if (fields.data.intent === 'save') redirect(303, surveyPath(q.survey.id, 'saved'));
		const last = page.number === q.pages.length;
		redirect(
			303,
			surveyPath(
				q.survey.id,
				url.searchParams.has('change') || last ? 'check' : `p/${page.number + 1}`
			)
		);
	}
};
