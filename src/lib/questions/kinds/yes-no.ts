import { oneOptionColumns } from '../columns';
import { checkOptions, displayOptions, parseOneOption } from '../options';
import type { QuestionType } from '../types';

/** Yes or no; "yes" counts as positive. */
export const yesNo = {
	kind: 'yes_no',
	label: 'Yes or no',
	hasOptions: true,
	counted: true,
	storage: 'answers',
	summary: 'one',
	canBreakDown: false,
	positiveShare: true,
	canShowFaces: false,
	secondsToAnswer: 20,
	defaultOptions: () => [
		{ value: 'yes', label: 'Yes', positive: true },
		{ value: 'no', label: 'No' }
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
