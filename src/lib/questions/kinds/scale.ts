import { oneOptionColumns } from '../columns';
import { checkOptions, displayOptions, parseOneOption } from '../options';
import type { QuestionType } from '../types';

/** Five-point agreement (or any ordered scale) with an optional "does not apply". */
export const scale = {
	kind: 'scale',
	label: 'Agreement scale',
	hasOptions: true,
	counted: true,
	storage: 'answers',
	summary: 'one',
	canBreakDown: false,
	positiveShare: true,
	canShowFaces: true,
	secondsToAnswer: 20,
	defaultOptions: () => [
		{ value: 'strongly-agree', label: 'Strongly agree', positive: true },
		{ value: 'agree', label: 'Agree', positive: true },
		{ value: 'neither', label: 'Neither agree nor disagree' },
		{ value: 'disagree', label: 'Disagree' },
		{ value: 'strongly-disagree', label: 'Strongly disagree' },
		{ value: 'does-not-apply', label: 'Does not apply / don’t know', notApplicable: true }
	],
	defaultSettings: () => ({}),
	keepSettings: (settings) => (settings.faces ? { faces: true } : {}),
	settingFields: [
		{ name: 'faces', input: 'checkbox', label: 'Show faces with the words (for young people)' }
	],
	definitionField: 'options',
	parse: parseOneOption,
	checkDefinition(question) {
		const problems = checkOptions(question, 2);
		if (!question.options.some((o) => o.positive)) {
			problems.push(`“${question.prompt}” needs at least one option marked as positive.`);
		}
		return problems;
	},
	display: displayOptions,
	rowColumns: oneOptionColumns
} satisfies QuestionType;
