import { oneOptionColumns } from '../columns';
import { checkOptions, displayOptions, parseOneOption } from '../options';
import type { QuestionType } from '../types';

/** Choose one of a list. */
export const single = {
	kind: 'single',
	label: 'Choose one',
	hasOptions: true,
	counted: true,
	storage: 'answers',
	summary: 'one',
	canBreakDown: true,
	positiveShare: true,
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
	parse: parseOneOption,
	checkDefinition: (question) => checkOptions(question, 2),
	display: displayOptions,
	rowColumns: oneOptionColumns
} satisfies QuestionType;
