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
