/**
 * The question-kind registry. Every kind owns its parsing, validation and display; the compiler
 * refuses a kind that is missing here, and `questionType` refuses a kind it does not know.
 */
import { multi } from './kinds/multi';
import { number } from './kinds/number';
import { scale } from './kinds/scale';
import { single } from './kinds/single';
import { text } from './kinds/text';
import { yesNo } from './kinds/yes-no';
import type { QuestionKind, QuestionType } from './types';

const registry = {
	scale,
	single,
	multi,
	yes_no: yesNo,
	text,
	number
} satisfies Record<QuestionKind, QuestionType>;

export function questionType(kind: string): QuestionType {
	if (!Object.hasOwn(registry, kind)) throw new Error(`Unknown question kind: ${kind}`);
	return registry[kind as QuestionKind];
}

export function isQuestionKind(kind: string): kind is QuestionKind {
	return Object.hasOwn(registry, kind);
}

export const questionTypes: readonly QuestionType[] = Object.values(registry);

/**
 * Whether a question has a positive share at all: a kind that can have one, with at least one
 * option marked positive (agreement scales, yes/no, ladders with positive rungs). Its figures are
 * drawn as diverging bars.
 */
export function hasPositiveShare(question: {
	kind: QuestionKind;
	options: readonly { value: string; positive?: boolean }[];
}): boolean {
	return questionType(question.kind).positiveShare && question.options.some((o) => o.positive);
}
