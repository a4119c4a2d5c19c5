import { NOT_ANSWERED } from '../columns';
import { ENGLISH, quoted } from '../options';
import type { Question, QuestionSettings, QuestionType } from '../types';

/** The largest answer accepted when the question sets none. */
const DEFAULT_MAX = 1000;

/** A whole number within limits (for example, weeks waited). */
export const number = {
	kind: 'number',
	label: 'Whole number',
	hasOptions: false,
	counted: false,
	storage: 'answers',
	summary: 'none',
	canBreakDown: false,
	positiveShare: false,
	canShowFaces: false,
	secondsToAnswer: 20,
	defaultOptions: () => [],
	defaultSettings: () => ({}),
	keepSettings({ min, max }) {
		const kept: QuestionSettings = {};
		if (min !== undefined) kept.min = min;
		if (max !== undefined) kept.max = max;
		return kept;
	},
	settingFields: [
		{ name: 'min', input: 'number', label: 'Smallest number allowed', hint: 'Leave empty for 0.' },
		{
			name: 'max',
			input: 'number',
			label: 'Largest number allowed',
			hint: `Leave empty to allow up to ${DEFAULT_MAX}.`
		}
	],
	definitionField: 'min',
	parse(question, raw, text = ENGLISH) {
		if (raw.length > 1) return { ok: false, error: text('error.oneNumber') };
		const value = (raw[0] ?? '').replace(/[\s,]/g, '');
		if (!value) {
			return question.required
				? { ok: false, error: text('error.enter', quoted(question)) }
				: { ok: true, values: [] };
		}
		const { min, max } = numberLimits(question);
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
		const { min, max } = numberLimits(question);
		return min < max ? [] : [`“${question.prompt}” needs a smallest value below its largest.`];
	},
	display: (_question, values) => values[0] ?? '',
	// Numbers in five bands, then "not answered": an exact number could single a family out.
	rowColumns(question) {
		const bands = numberBands(question);
		const labels = [
			...bands.map((b) =>
				b.open ? `${b.lower} or more` : b.lower === b.upper ? `${b.lower}` : `${b.lower}–${b.upper}`
			),
			NOT_ANSWERED
		];
		return [
			{
				header: question.key,
				labels,
				groupOf: labels.map(() => null),
				groupLabels: [],
				valuesNote: 'Bands of whole numbers, then Not answered',
				code(values) {
					if (values.length === 0) return bands.length;
					const n = Number(values[0]);
					const i = bands.findIndex((b) => n >= b.lower && n <= b.upper);
					return i < 0 ? (n < bands[0]!.lower ? 0 : bands.length - 1) : i;
				}
			}
		];
	}
} satisfies QuestionType;

/** The answers a number question accepts: its own limits, or 0 to `DEFAULT_MAX`. */
export function numberLimits(question: Question): { min: number; max: number } {
	return { min: question.settings.min ?? 0, max: question.settings.max ?? DEFAULT_MAX };
}

interface Band {
	lower: number;
	upper: number;
	/** The last band of a question without a largest value: everything from `lower` up. */
	open: boolean;
}

/**
 * Five bands from the smallest value to the largest. Without a largest value the bands cover
 * the usual answers (up to 100, or ten above the smallest) and the last one is open, so a large
 * answer, which is accepted, is never labelled as a smaller one.
 */
function numberBands(question: Question): Band[] {
	const { min, max } = numberLimits(question);
	const open = question.settings.max === undefined;
	const top = open ? Math.min(max, Math.max(min + 10, 100)) : max;
	const width = Math.max(1, Math.ceil((top - min + 1) / 5));
	const bands: Band[] = [];
	for (let lower = min; lower <= top; lower += width) {
		bands.push({ lower, upper: Math.min(top, lower + width - 1), open: false });
	}
	if (open) Object.assign(bands.at(-1)!, { upper: max, open: true });
	return bands;
}
