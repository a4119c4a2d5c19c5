import { describe, expect, it } from 'vitest';
import { questionType } from '$lib/questions/registry';
import type { Question, QuestionKind } from '$lib/questions/types';
import { minutesToAnswer } from './journey';

const question = (kind: QuestionKind, i: number): Question => ({
	id: `q${i}`,
	key: `key-${i}`,
	kind,
	position: i,
	section: null,
	dimension: null,
	theme: null,
	prompt: 'How was it?',
	easyRead: null,
	hint: null,
	required: false,
	options: questionType(kind).defaultOptions(),
	settings: questionType(kind).defaultSettings()
});

describe('minutesToAnswer', () => {
	it('gives free text longer than a choice, rounded up to whole minutes', () => {
		const kinds: QuestionKind[] = ['scale', 'single', 'multi', 'text'];
		// Three choices at 20 s and one free text at 90 s: 150 s.
		expect(minutesToAnswer(kinds.map(question))).toBe(3);
	});

	it('says at least two minutes', () => {
		expect(minutesToAnswer([question('yes_no', 0)])).toBe(2);
	});
});
