import { ENGLISH, quoted } from '../options';
import type { QuestionType } from '../types';

export const DEFAULT_MAX_LENGTH = 1200;

/** Free text. Stored as a comment that an officer reviews before anyone else sees it. */
export const text = {
	kind: 'text',
	label: 'Free text',
	hasOptions: false,
	counted: false,
	storage: 'comments',
	summary: 'none',
	canBreakDown: false,
	defaultOptions: () => [],
	parse(question, raw, text = ENGLISH) {
		if (raw.length > 1) return { ok: false, error: text('error.oneAnswer') };
		const value = (raw[0] ?? '').replace(/\r\n?/g, '\n').trim();
		if (!value) {
			return question.required
				? { ok: false, error: text('error.enter', quoted(question)) }
				: { ok: true, values: [] };
		}
		const max = question.settings.maxLength ?? DEFAULT_MAX_LENGTH;
		if ([...value].length > max) {
			return {
				ok: false,
				error: text('error.tooLong', { max, length: [...value].length })
			};
		}
		return { ok: true, values: [value] };
	},
	checkDefinition(question) {
		const max = question.settings.maxLength ?? DEFAULT_MAX_LENGTH;
		return max >= 10 && max <= 5000
			? []
			: [`“${question.prompt}” needs a character limit between 10 and 5000.`];
	},
	display: (_question, values) => values[0] ?? ''
} satisfies QuestionType;
