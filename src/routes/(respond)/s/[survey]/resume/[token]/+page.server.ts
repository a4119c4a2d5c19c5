import { error, redirect } from '@sveltejs/kit';
import { requestClient } from '$lib/server/clients';
import { getDb } from '$lib/server/db';
import { resumeDraft, resumePage, tooManyTries, unavailable } from '$lib/server/responses/service';
import { holdKey, surveyPath, questionnaireOf } from '../../respondent';
import { isTranslation, languageInUrl, translator } from '$lib/i18n';
import type { PageServerLoad } from './$types';

/**
 * A resume link. The draft moves to a new secret that goes into this browser's cookie, and the
 * link is out of the address straight away: it works once, so a link that was copied, forwarded
 * or seen over a shoulder cannot be used after the family has used it.
 */
export const load: PageServerLoad = async (event) => {
	await event.parent(); // the layout turns away what families cannot open
	const q = (await questionnaireOf(event))!;
	const problem = unavailable(q);
	if (problem) error(problem.status, problem.message);
	// A link that opens nothing, well formed or not, counts as a wrong try.
	const resumed = await resumeDraft(getDb(), q, event.params.token, requestClient(event));
	if (!resumed.ok) {
		const t = translator(q.language);
		if (resumed.retryAfterSeconds > 0) error(429, tooManyTries(resumed.retryAfterSeconds, t));
		error(404, t('error.linkGone'));
	}
	holdKey(event.cookies, event.url, q.survey.id, { secret: resumed.secret });
	const page = resumePage(q.pages, resumed.answers);
	// Back in the language the answers were saved in, unless the link itself names one.
	const language =
		languageInUrl(event.url) ?? (isTranslation(resumed.language) ? resumed.language : null);
	const next = `${page ? `p/${page}` : 'check'}?resumed=1`;
	redirect(303, surveyPath(q.survey.id, next, language));
};
