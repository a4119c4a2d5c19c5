import { missingMessage } from '../options';
import type { QuestionType } from '../types';

/** A whole number within limits (for example, weeks waited). */
export const number = {
	kind: 'number',
	label: 'Whole number',
	hasOptions: false,
	counted: false,
	storage: 'answers',
	summary: 'none',
	canBreakDown: false,
	defaultOptions: () => [],
	parse(question, raw) {
		if (raw.length > 1) return { ok: false, error: 'Enter one number only' };
		const value = (raw[0] ?? '').replace(/[\s,]/g, '');
		if (!value) {
			return question.required
				? { ok: false, error: missingMessage(question, 'Enter') }
				: { ok: true, values: [] };
		}
		const min = question.settings.min ?? 0;
		const max = question.settings.max ?? 1000;
		if (!/^-?\d{1,9}$/.test(value)) {
			return { ok: false, error: `Enter a whole number, like 12, for “${question.prompt}”` };
		}
		const n = Number(value);
		if (n < min || n > max) {
			return { ok: false, error: `Enter a number between ${min} and ${max}` };
		}
		return { ok: true, values: [String(n)] };
	},
	checkDefinition(question) {
		const min = question.settings.min ?? 0;
		const max = question.settings.max ?? 1000;
		return min < max ? [] : [`“${question.prompt}” needs a smallest value below its largest.`];
	},
	display: (_question, values) => values[0] ?? ''
} satisfies QuestionType;
