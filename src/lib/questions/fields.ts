/**
 * Form field names for answers. Shared by the inputs that render questions and the server code
 * that reads the posted form, so both always agree.
 */
export const FIELD_PREFIX = 'q-';

/** The form field name of a question; also the id of its first input (error links go there). */
export function fieldName(questionId: string): string {
	return `${FIELD_PREFIX}${questionId}`;
}
