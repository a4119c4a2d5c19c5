/**
 * The respondent input of each question kind. Kept apart from the kind registry so server code
 * that parses answers never pulls in Svelte components; the compiler still insists on every kind.
 */
import type { Component } from 'svelte';
import type { QuestionKind } from '../types';
import Choices from './Choices.svelte';
import FreeText from './FreeText.svelte';
import WholeNumber from './WholeNumber.svelte';
import type { InputProps } from './types';

export const questionInputs = {
	scale: Choices,
	single: Choices,
	yes_no: Choices,
	multi: Choices,
	text: FreeText,
	number: WholeNumber
} satisfies Record<QuestionKind, Component<InputProps>>;

export type { InputProps };
