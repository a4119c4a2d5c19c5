import { ENGLISH, quoted } from '../options';
import type { Question, QuestionType } from '../types';

export const DEFAULT_MAX_LENGTH = 1200;
/** The character limits an officer may set. */
const LIMITS = { min: 10, max: 5000 };

/** The most characters a free-text answer may have. */
export function characterLimit(question: Pick<Question, 'settings'>): number {
	return question.settings.maxLength ?? DEFAULT_MAX_LENGTH;
}

/** Free text. Stored as a comment that an officer reviews before anyone else sees it. */
export const text = {
	kind: 'text',
	label: 'Free text',
	hasOptions: false,
	counted: false,
	storage: 'comments',
	summary: 'none',
	canBreakDown: false,
	positiveShare: false,
	canShowFaces: false,
	secondsToAnswer: 90,
	defaultOptions: () => [],
	defaultSettings: () => ({ maxLength: DEFAULT_MAX_LENGTH }),
	keepSettings: (settings) => ({ maxLength: settings.maxLength ?? DEFAULT_MAX_LENGTH }),
	settingFields: [
		{
			name: 'maxLength',
			input: 'number',
			label: 'Character limit',
			hint: `Between ${LIMITS.min} and ${LIMITS.max}.`
		}
	],
	definitionField: 'maxLength',
	parse(question, raw, text = ENGLISH) {
		if (raw.length > 1) return { ok: false, error: text('error.oneAnswer') };
		const value = (raw[0] ?? '').replace(/\r\n?/g, '\n').trim();
		if (!value) {
			return question.required
				? { ok: false, error: text('error.enter', quoted(question)) }
				: { ok: true, values: [] };
		}
		const max = characterLimit(question);
		if ([...value].length > max) {
			return {
				ok: false,
				error: text('error.tooLong', { max, length: [...value].length })
			};
		}
		return { ok: true, values: [value] };
	},
	checkDefinition(question) {
		const max = characterLimit(question);
		return max >= LIMITS.min && max <= LIMITS.max
			? []
			: [`“${question.prompt}” needs a character limit between ${LIMITS.min} and ${LIMITS.max}.`];
	},
	display: (_question, values) => values[0] ?? '',
	// Free text lives only in the comments file, unlinked, so it cannot be joined to an answer set.
	rowColumns: () => []
} satisfies QuestionType;
