import { NOT_ANSWERED } from '../columns';
import { ENGLISH, quoted } from '../options';
import type { Question, QuestionSettings, QuestionType } from '../types';

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
	secondsToAnswer: 20,
	defaultOptions: () => [],
	defaultSettings: () => ({}),
	keepSettings({ min, max }) {
		const kept: QuestionSettings = {};
		if (min !== undefined) kept.min = min;
		if (max !== undefined) kept.max = max;
		return kept;
	},
	definitionField: 'min',
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
	display: (_question, values) => values[0] ?? '',
	// Numbers in five bands, then "not answered": an exact number could single a family out.
	rowColumns(question) {
		const bands = numberBands(question);
		const labels = [
			...bands.map((b) => (b.lower === b.upper ? `${b.lower}` : `${b.lower}–${b.upper}`)),
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

function numberBands(question: Question): { lower: number; upper: number }[] {
	const min = question.settings.min ?? 0;
	const max = question.settings.max ?? Math.max(min + 10, 100);
	const width = Math.max(1, Math.ceil((max - min + 1) / 5));
	const bands: { lower: number; upper: number }[] = [];
	for (let lower = min; lower <= max; lower += width) {
		bands.push({ lower, upper: Math.min(max, lower + width - 1) });
	}
	return bands;
}
