/**
 * Paper and telephone responses: an officer types in what a family wrote or said. The answers go
 * through the same parsing and the same submission as a family's own, with the channel `paper`
 * and no code; the audit log records that an entry was made, never what it said.
 */
import { recordEvent } from '../audit';
import type { Db } from '../db';
import { parseAnswers, type AnswerSet, type FieldError } from '../responses/answers';
import { submitResponse } from '../responses/submit';
import { findAreaSurvey, listQuestions } from './repository';
import type { Actor } from './service';

export type PaperOutcome =
	| { ok: true }
	| { ok: false; status: 404 }
	| { ok: false; status: 400 | 409; errors: FieldError[]; values: AnswerSet };

export async function enterPaperResponse(
	db: Db,
	actor: Actor,
	surveyId: string,
	raw: Record<string, string[]>
): Promise<PaperOutcome> {
	const survey = await findAreaSurvey(db, actor.localAreaId, surveyId);
	if (!survey) return { ok: false, status: 404 };
	const questions = await listQuestions(db, survey.id);
	const parsed = parseAnswers(questions, raw);
	if (parsed.errors.length > 0) {
		return { ok: false, status: 400, errors: parsed.errors, values: raw };
	}
	const outcome = await submitResponse(db, {
		survey,
		questions,
		answers: parsed.values,
		channel: 'paper'
	});
	if (!outcome.ok) {
		const errors =
			outcome.reason === 'invalid'
				? outcome.errors
				: [{ questionId: null, message: NOT_OPEN_MESSAGE }];
		return { ok: false, status: outcome.reason === 'invalid' ? 400 : 409, errors, values: raw };
	}
	await recordEvent(db, {
		localAreaId: actor.localAreaId,
		userId: actor.id,
		action: 'response.paper_entered',
		subjectType: 'survey',
		subjectId: survey.id
	});
	return { ok: true };
}

export const NOT_OPEN_MESSAGE =
	'This questionnaire is not open today, so responses cannot be added. Paper responses can be typed in between its opening and closing dates.';
