/**
 * Parsing what respondents post, besides the answers themselves (answers.ts checks those
 * against the survey's questions). Anything unexpected becomes a plain message, never a crash.
 */
import { z } from 'zod';

/** Longer than any code typed with spaces and dashes; anything longer is not a code. */
const MAX_CODE_INPUT = 40;

export const codeForm = z.object({
	code: z
		.string({ error: 'code.empty' })
		.trim()
		.min(1, 'code.empty')
		.max(MAX_CODE_INPUT, 'code.tooLong'),
	/** `discard`: delete answers saved elsewhere with this code, and start again. */
	intent: z.enum(['enter', 'discard']).default('enter')
});

/** The fields every question page and the check page carry besides the answers. */
export const journeyForm = z.object({
	/** The questionnaire the form was made for; a mismatch means it was altered or is stale. */
	survey: z.string().max(64).default(''),
	intent: z.enum(['next', 'save']).default('next')
});

export const pageNumber = z.coerce.number().int().min(1).max(1000);

/** The non-answer fields of a form as plain strings (the last value of each name wins). */
export function formFields(form: FormData): Record<string, string> {
	const fields: Record<string, string> = {};
	for (const [name, value] of form.entries()) if (typeof value === 'string') fields[name] = value;
	return fields;
}

/** First message of a failed parse, for a form that has one field. */
export function firstMessage(error: z.ZodError): string {
	return error.issues[0]?.message ?? 'Check what you entered and try again';
}
