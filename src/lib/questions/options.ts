import { translator, type Text } from '$lib/i18n';
import type { Question, QuestionOption, ParseResult, RawAnswer } from './types';

export const ENGLISH: Text = translator('en');

/** The words a respondent sees for an option. */
export function optionLabel(option: QuestionOption, easyRead = false): string {
	return (easyRead && option.easyRead) || option.label;
}

/** The prompt a respondent sees. */
export function promptFor(question: Question, easyRead = false): string {
	return (easyRead && question.easyRead) || question.prompt;
}

/** The prompt as error messages quote it: long prompts are cut short. */
export function quoted(question: Question): { prompt: string } {
	return { prompt: shorten(question.prompt) };
}

function shorten(text: string): string {
	return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** Parse a question that takes exactly one of its options. */
export function parseOneOption(
	question: Question,
	raw: RawAnswer,
	text: Text = ENGLISH
): ParseResult {
	if (raw.length === 0) {
		return question.required
			? { ok: false, error: text('error.select', quoted(question)) }
			: { ok: true, values: [] };
	}
	if (raw.length > 1) return { ok: false, error: text('error.onlyOne', quoted(question)) };
	if (!question.options.some((o) => o.value === raw[0])) {
		return { ok: false, error: text('error.notShown', quoted(question)) };
	}
	return { ok: true, values: [raw[0]!] };
}

/** Problems shared by every kind that lists options. */
export function checkOptions(question: Question, minimum: number): string[] {
	const problems: string[] = [];
	if (question.options.length < minimum) {
		problems.push(`“${shorten(question.prompt)}” needs at least ${minimum} answer options.`);
	}
	const values = question.options.map((o) => o.value);
	if (new Set(values).size !== values.length) {
		problems.push(`“${shorten(question.prompt)}” has two options with the same value.`);
	}
	if (question.options.some((o) => !o.label.trim())) {
		problems.push(`“${shorten(question.prompt)}” has an option with no words.`);
	}
	return problems;
}

/** Option labels for stored values, in the order the options are listed. */
export function displayOptions(question: Question, values: string[], easyRead = false): string {
	return question.options
		.filter((o) => values.includes(o.value))
		.map((o) => optionLabel(o, easyRead))
		.join('; ');
}

/** A stable value from an option's words: "Strongly agree" → "strongly-agree". */
export function optionValue(label: string): string {
	return (
		label
			.toLowerCase()
			.normalize('NFKD')
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 60) || 'option'
	);
}
