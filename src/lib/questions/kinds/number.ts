import { ENGLISH, quoted } from '../options';
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
	parse(question, raw, text = ENGLISH) {
		if (raw.length > 1) return { ok: false, error: text('error.oneNumber') };
		const value = (raw[0] ?? '').replace(/[\s,]/g, '');
		if (!value) {
			return question.required
				? { ok: false, error: text('error.enter', quoted(question)) }
				: { ok: true, values: [] };
		}
		const min = question.settings.min ?? 0;
		const max = question.settings.max ?? 1000;
		if (!/^-?\d{1,9}$/.test(value)) {
			return { ok: false, error: text('error.wholeNumber', quoted(question)) };
		}
		const n = Number(value);
		if (n < min || n > max) {
			return { ok: false, error: text('error.between', { min, max }) };
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
