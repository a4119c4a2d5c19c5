import { ENGLISH, checkOptions, displayOptions, quoted } from '../options';
import type { QuestionType } from '../types';

/** Choose any number of a list; one stored value per chosen option. */
export const multi = {
	kind: 'multi',
	label: 'Choose any',
	hasOptions: true,
	counted: true,
	storage: 'answers',
	summary: 'any',
	canBreakDown: false,
	positiveShare: false,
	canShowFaces: false,
	secondsToAnswer: 20,
	defaultOptions: () => [
		{ value: 'option-1', label: 'Option 1' },
		{ value: 'option-2', label: 'Option 2' }
	],
	defaultSettings: () => ({}),
	keepSettings: () => ({}),
	settingFields: [],
	definitionField: 'options',
	parse(question, raw, text = ENGLISH) {
		if (raw.length === 0) {
			return question.required
				? { ok: false, error: text('error.select', quoted(question)) }
				: { ok: true, values: [] };
		}
		const known = new Set(question.options.map((o) => o.value));
		if (raw.some((value) => !known.has(value))) {
			return { ok: false, error: text('error.onlyShown', quoted(question)) };
		}
		return { ok: true, values: [...new Set(raw)] };
	},
	checkDefinition: (question) => checkOptions(question, 2),
	display: displayOptions,
	// One column per option, since a respondent may choose several: 0 not chosen, 1 chosen.
	rowColumns: (question) =>
		question.options.map((option) => ({
			header: `${question.key}:${option.value}`,
			labels: ['Not chosen', 'Chosen'],
			groupOf: [null, null],
			groupLabels: [],
			valuesNote: 'Chosen; Not chosen',
			code: (values) => (values.includes(option.value) ? 1 : 0)
		}))
} satisfies QuestionType;
