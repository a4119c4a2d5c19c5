import { describe, expect, it } from 'vitest';
import { questionType, questionTypes } from '../registry';
import type { Question, QuestionKind } from '../types';
import { DEFAULT_MAX_LENGTH } from './text';

function question(kind: QuestionKind, overrides: Partial<Question> = {}): Question {
	return {
		id: 'q1',
		key: 'key',
		kind,
		position: 0,
		section: null,
		dimension: null,
		theme: null,
		prompt: 'How was it?',
		easyRead: null,
		hint: null,
		required: false,
		options: questionType(kind).defaultOptions(),
		settings: {},
		...overrides
	};
}

const parse = (q: Question, raw: string[]) => questionType(q.kind).parse(q, raw);

describe('the registry', () => {
	it('knows every kind once and refuses others', () => {
		expect(questionTypes.map((t) => t.kind).sort()).toEqual(
			['multi', 'number', 'scale', 'single', 'text', 'yes_no'].sort()
		);
		expect(() => questionType('rating')).toThrow('Unknown question kind: rating');
		expect(() => questionType('__proto__')).toThrow();
	});
});

describe.each(['scale', 'single', 'yes_no'] as const)('%s (one option)', (kind) => {
	const first = () => question(kind).options[0]!.value;

	it('accepts one of its options', () => {
		expect(parse(question(kind), [first()])).toEqual({ ok: true, values: [first()] });
	});

	it('leaves an optional question unanswered', () => {
		expect(parse(question(kind), [])).toEqual({ ok: true, values: [] });
	});

	it('asks for a required answer', () => {
		const result = parse(question(kind, { required: true }), []);
		expect(result).toEqual({ ok: false, error: 'Select an answer to “How was it?”' });
	});

	it('refuses a value that is not an option (a tampered form)', () => {
		const result = parse(question(kind), ['made-up']);
		expect(result).toEqual({
			ok: false,
			error: 'Select one of the answers shown for “How was it?”'
		});
	});

	it('refuses two answers where one is allowed', () => {
		const options = question(kind).options;
		const result = parse(question(kind), [options[0]!.value, options[1]!.value]);
		expect(result.ok).toBe(false);
	});
});

describe('multi', () => {
	it('accepts any of its options, once each', () => {
		const result = parse(question('multi'), ['option-2', 'option-1', 'option-2']);
		expect(result).toEqual({ ok: true, values: ['option-2', 'option-1'] });
	});

	it('asks for a required answer and allows an optional one to be empty', () => {
		expect(parse(question('multi', { required: true }), []).ok).toBe(false);
		expect(parse(question('multi'), [])).toEqual({ ok: true, values: [] });
	});

	it('refuses an unknown option among known ones', () => {
		const result = parse(question('multi'), ['option-1', 'option-9']);
		expect(result).toEqual({ ok: false, error: 'Select only answers shown for “How was it?”' });
	});
});

describe('text', () => {
	it('keeps trimmed text with normalised line ends', () => {
		expect(parse(question('text'), ['  one\r\ntwo  '])).toEqual({ ok: true, values: ['one\ntwo'] });
	});

	it('treats blank text as no answer, and asks when required', () => {
		expect(parse(question('text'), ['   '])).toEqual({ ok: true, values: [] });
		expect(parse(question('text', { required: true }), [' '])).toEqual({
			ok: false,
			error: 'Enter an answer to “How was it?”'
		});
	});

	it('states the limit and the length when the text is too long', () => {
		const q = question('text', { settings: { maxLength: 20 } });
		expect(parse(q, ['x'.repeat(20)]).ok).toBe(true);
		expect(parse(q, ['x'.repeat(21)])).toEqual({
			ok: false,
			error: 'Your answer must be 20 characters or fewer (it has 21)'
		});
	});

	it('counts characters, not UTF-16 units, and defaults to the standard limit', () => {
		const emoji = '😀'.repeat(DEFAULT_MAX_LENGTH);
		expect(parse(question('text'), [emoji]).ok).toBe(true);
		expect(parse(question('text'), [`${emoji}!`]).ok).toBe(false);
	});

	it('refuses two values for one box', () => {
		expect(parse(question('text'), ['a', 'b']).ok).toBe(false);
	});
});

describe('number', () => {
	const q = (overrides: Partial<Question> = {}) =>
		question('number', { settings: { min: 0, max: 104 }, ...overrides });

	it('accepts a whole number within limits, ignoring spaces and commas', () => {
		expect(parse(q(), [' 1 2 '])).toEqual({ ok: true, values: ['12'] });
		expect(parse(q({ settings: { min: 0, max: 5000 } }), ['1,200'])).toEqual({
			ok: true,
			values: ['1200']
		});
	});

	it('treats blank as no answer, and asks when required', () => {
		expect(parse(q(), [''])).toEqual({ ok: true, values: [] });
		expect(parse(q({ required: true }), []).ok).toBe(false);
	});

	it('refuses words, decimals and numbers outside the limits', () => {
		expect(parse(q(), ['twelve'])).toEqual({
			ok: false,
			error: 'Enter a whole number, like 12, for “How was it?”'
		});
		expect(parse(q(), ['1.5']).ok).toBe(false);
		expect(parse(q(), ['105'])).toEqual({ ok: false, error: 'Enter a number between 0 and 104' });
		expect(parse(q(), ['-1']).ok).toBe(false);
		expect(parse(q(), ['1234567890123']).ok).toBe(false);
	});
});

describe('display', () => {
	it('shows options in words, easy-read when asked', () => {
		const q = question('single', {
			options: [
				{ value: 'a', label: 'Strongly agree', easyRead: 'Yes, a lot' },
				{ value: 'b', label: 'Disagree' }
			]
		});
		expect(questionType('single').display(q, ['a'])).toBe('Strongly agree');
		expect(questionType('single').display(q, ['a'], true)).toBe('Yes, a lot');
		expect(questionType('multi').display(q, ['b', 'a'])).toBe('Strongly agree; Disagree');
	});
});
