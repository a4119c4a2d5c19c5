import type { Question, QuestionOption, ParseResult, RawAnswer } from './types';

/** The words a respondent sees for an option. */
export function optionLabel(option: QuestionOption, easyRead = false): string {
	return (easyRead && option.easyRead) || option.label;
}

/** The prompt a respondent sees. */
export function promptFor(question: Question, easyRead = false): string {
	return (easyRead && question.easyRead) || question.prompt;
}

/** A short lowercase name for error messages ("Select an answer for …"). */
export function missingMessage(question: Question, verb: string): string {
	return `${verb} an answer to “${shorten(question.prompt)}”`;
}

function shorten(text: string): string {
	return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** Parse a question that takes exactly one of its options. */
export function parseOneOption(question: Question, raw: RawAnswer): ParseResult {
	if (raw.length === 0) {
		return question.required
			? { ok: false, error: missingMessage(question, 'Select') }
			: { ok: true, values: [] };
	}
	if (raw.length > 1)
		return { ok: false, error: `Select only one answer to “${shorten(question.prompt)}”` };
	if (!question.options.some((o) => o.value === raw[0])) {
		return {
			ok: false,
			error: `Select one of the answers shown for “${shorten(question.prompt)}”`
		};
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
