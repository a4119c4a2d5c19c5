import type { Question, QuestionOption, QuestionSettings } from '$lib/questions/types';
import type { QuestionRow } from '../db/schema';

/** A question row with its JSON columns parsed. */
export function toQuestion(row: QuestionRow): Question {
	return {
		id: row.id,
		key: row.key,
		kind: row.kind,
		position: row.position,
		section: row.section,
		dimension: row.dimension,
		theme: row.theme,
		prompt: row.prompt,
		easyRead: row.easyRead,
		hint: row.hint,
		required: row.required === 1,
		options: JSON.parse(row.options) as QuestionOption[],
		settings: JSON.parse(row.settings) as QuestionSettings
	};
}
