import { describe, expect, it } from 'vitest';
import type { Question } from '$lib/questions/types';
import { fieldName, missingRequired, parseAnswers, readAnswerFields } from './answers';

const scale: Question = {
	id: 'a1',
	key: 'listened',
	kind: 'scale',
	position: 0,
	section: null,
	dimension: 'lived_experience',
	theme: null,
	prompt: 'I feel listened to.',
	easyRead: null,
	hint: null,
	required: true,
	options: [
		{ value: 'agree', label: 'Agree', positive: true },
		{ value: 'disagree', label: 'Disagree' }
	],
	settings: {}
};
const text: Question = {
	...scale,
	id: 'b2',
	key: 'else',
	kind: 'text',
	required: false,
	options: [],
	settings: { maxLength: 10 }
};

function form(entries: [string, string][]): FormData {
	const data = new FormData();
	for (const [name, value] of entries) data.append(name, value);
	return data;
}

describe('readAnswerFields', () => {
	it('groups answer fields by question id, drops blanks and ignores other fields', () => {
		const raw = readAnswerFields(
			form([
				[fieldName('a1'), 'agree'],
				[fieldName('b2'), '   '],
				['survey', 'abc'],
				['intent', 'next']
			])
		);
		expect({ ...raw }).toEqual({ a1: ['agree'], b2: [] });
	});

	it('treats fields named after object methods as plain unknown ids', () => {
		const raw = readAnswerFields(
			form([
				['q-constructor', 'x'],
				['q-__proto__', 'y'],
				['q-toString', 'z']
			])
		);
		expect(Object.keys(raw).sort()).toEqual(['__proto__', 'constructor', 'toString']);
		const { errors } = parseAnswers([scale], raw);
		expect(errors).toHaveLength(1);
		expect(errors[0]!.questionId).toBeNull();
	});
});

describe('parseAnswers', () => {
	it('parses each question through its kind', () => {
		const { values, errors } = parseAnswers([scale, text], { a1: ['agree'], b2: [' ok '] });
		expect(errors).toEqual([]);
		expect(values).toEqual({ a1: ['agree'], b2: ['ok'] });
	});

	it('reports every problem against its question', () => {
		const { errors } = parseAnswers([scale, text], { b2: ['far too long text'] });
		expect(errors.map((e) => e.questionId)).toEqual(['a1', 'b2']);
		expect(errors[1]!.message).toContain('10 characters or fewer');
	});

	it('refuses the whole form when it answers a question that is not on the page', () => {
		const { values, errors } = parseAnswers([scale], { a1: ['agree'], zz: ['agree'] });
		expect(values).toEqual({});
		expect(errors).toEqual([{ questionId: null, message: expect.stringContaining('has changed') }]);
	});
});

describe('missingRequired', () => {
	it('lists required questions without an answer', () => {
		expect(missingRequired([scale, text], {}).map((q) => q.id)).toEqual(['a1']);
		expect(missingRequired([scale, text], { a1: [] }).map((q) => q.id)).toEqual(['a1']);
		expect(missingRequired([scale, text], { a1: ['agree'] })).toEqual([]);
	});
});
