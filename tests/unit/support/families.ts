/**
 * Families answering in tests: a questionnaire with a batch of codes, and a family that lets
 * itself in with a code, answers every page and sends, through the same service calls as the
 * respondent routes.
 */
import type { Db } from '$lib/server/db';
import { createBatch } from '$lib/server/responses/batches';
import { openDraft } from '$lib/server/responses/drafts';
import {
	admitWithCode,
	loadQuestionnaire,
	savePage,
	sendAnswers,
	type Questionnaire
} from '$lib/server/responses/service';
import { makeArea, makeSurvey } from './fixtures';

/** A family lets themselves in with their code, answers every page and sends. */
export async function answerAll(on: Db, q: Questionnaire, code: string, words: string) {
	const admitted = await admitWithCode(on, q, code, `family ${code}`);
	if (!admitted.ok) throw new Error(admitted.problem);
	let secret = admitted.secret;
	for (const page of q.pages) {
		const raw = Object.fromEntries(
			page.questions.map((x) => [x.id, x.kind === 'text' ? [words] : [x.options[0]!.value]])
		);
		const draft = (await openDraft(on, q.survey.id, secret))!;
		const saved = await savePage(on, q, page, { secret, draft }, raw, 'next', 'family');
		if (!saved.ok) throw new Error('page refused');
		secret = saved.secret;
	}
	const draft = (await openDraft(on, q.survey.id, secret))!;
	return sendAnswers(on, q, { secret, draft });
}

export async function setUpCodeSurvey(on: Db, size = 12) {
	const area = await makeArea(on);
	const survey = await makeSurvey(on, area.id);
	const { codes } = await createBatch(on, {
		localAreaId: area.id,
		surveyId: survey.id,
		label: 'Letters',
		size,
		createdBy: null
	});
	return { q: (await loadQuestionnaire(on, survey.id))!, codes };
}
