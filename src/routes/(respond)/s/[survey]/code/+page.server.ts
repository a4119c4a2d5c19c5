import { error, fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { codeForm, firstMessage, formFields } from '$lib/server/responses/input';
import { unavailable } from '$lib/server/responses/service';
import { isTextKey, translator } from '$lib/i18n';
import {
	CODE_MESSAGES,
	admitFromLink,
	enterCode,
	requireQuestionnaire,
	surveyPath,
	questionnaireOf
} from '../respondent';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	await event.parent(); // the layout turns away what families cannot open
	const q = (await questionnaireOf(event))!;
	if (event.url.searchParams.has('code')) await admitFromLink(getDb(), q, event);
	const problem = unavailable(q);
	if (problem) error(problem.status, problem.message);
	if (q.survey.accessMode !== 'code') redirect(303, surveyPath(q.survey.id));
	// A code from a link that did not work comes back here with what was wrong (never the code).
	const reason = event.url.searchParams.get('problem') ?? '';
	const known = Object.hasOwn(CODE_MESSAGES, reason)
		? (reason as keyof typeof CODE_MESSAGES)
		: null;
	const t = translator(q.language);
	return { problem: known && t(CODE_MESSAGES[known]), elsewhere: known === 'draft_elsewhere' };
};

export const actions: Actions = {
	/**
	 * A code typed in; with `intent=discard`, the family chose to delete answers saved elsewhere
	 * with this code and start again.
	 */
	default: async (event) => {
		const db = getDb();
		const q = await requireQuestionnaire();
		const parsed = codeForm.safeParse(formFields(await event.request.formData()));
		if (!parsed.success) {
			// The schema's messages are keys of the journey's words.
			const key = firstMessage(parsed.error);
			const message = translator(q.language)(isTextKey(key) ? key : 'code.empty');
			return fail(400, { message, code: '', elsewhere: false });
		}
		const discard = parsed.data.intent === 'discard';
		const attempt = await enterCode(db, q, parsed.data.code, event, discard);
		// The typed code is shown again only when it was refused, so the family can correct it.
		if (!attempt.ok) {
			return fail(attempt.status, {
				message: attempt.message,
				code: parsed.data.code,
				elsewhere: attempt.problem === 'draft_elsewhere'
			});
		}
		redirect(303, attempt.next);
	}
};
