/**
 * Turning posted form values into answers. Every value is checked against the survey's own
 * questions through the kind registry, so a tampered form changes nothing.
 */
import { questionType } from '$lib/questions/registry';
import type { Question } from '$lib/questions/types';
import { ENGLISH } from '$lib/questions/options';
import type { Text } from '$lib/i18n';
import { FIELD_PREFIX, fieldName } from '$lib/questions/fields';

/** Stored values per question id. Absent or empty: not answered. */
export type AnswerSet = Record<string, string[]>;

export interface FieldError {
	/** The question the message is about; null for a problem with the whole form. */
	questionId: string | null;
	message: string;
}

export { FIELD_PREFIX, fieldName };

/** Posted values per question id, trimmed, blanks dropped. Other fields are ignored here. */
export function readAnswerFields(form: FormData): Record<string, string[]> {
	// No prototype: a field named after an Object method (q-constructor) is just an unknown id.
	const raw: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
	for (const [name, value] of form.entries()) {
		if (!name.startsWith(FIELD_PREFIX) || typeof value !== 'string') continue;
		const id = name.slice(FIELD_PREFIX.length);
		const trimmed = value.trim();
		raw[id] ??= [];
		if (trimmed) raw[id].push(value);
	}
	return raw;
}

/**
 * Parse the answers to some questions (one page, or the whole survey). Fields for questions
 * that are not among them are refused: they mean the form is stale or was altered.
 */
export function parseAnswers(
	questions: Question[],
	raw: Record<string, string[]>,
	text: Text = ENGLISH
): { values: AnswerSet; errors: FieldError[] } {
	const values: AnswerSet = {};
	const errors: FieldError[] = [];
	const known = new Set(questions.map((q) => q.id));
	if (Object.keys(raw).some((id) => !known.has(id))) {
		errors.push({
			questionId: null,
			message: text('error.changed')
		});
		return { values, errors };
	}
	for (const question of questions) {
		const result = questionType(question.kind).parse(question, raw[question.id] ?? [], text);
		if (result.ok) values[question.id] = result.values;
		else errors.push({ questionId: question.id, message: result.error });
	}
	return { values, errors };
}

/** Required questions still unanswered in a set of answers (for the check-answers page). */
export function missingRequired(questions: Question[], answers: AnswerSet): Question[] {
	return questions.filter((q) => q.required && !answers[q.id]?.length);
}
