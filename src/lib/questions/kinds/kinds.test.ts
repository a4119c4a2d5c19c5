import { describe, expect, it } from 'vitest';
import { hasPositiveShare, questionType, questionTypes } from '../registry';
import { QUESTION_KINDS, type Question, type QuestionKind } from '../types';
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

describe('positive share', () => {
	it('is there for one-answer kinds with a positive option', () => {
		expect(hasPositiveShare(question('scale'))).toBe(true);
		expect(hasPositiveShare(question('yes_no'))).toBe(true);
		expect(hasPositiveShare(question('single'))).toBe(false);
		const ladder = question('single', {
			options: [
				{ value: 'a', label: 'Always', positive: true },
				{ value: 'b', label: 'Never' }
			]
		});
		expect(hasPositiveShare(ladder)).toBe(true);
	});

	it('is never there for "choose any", whose options overlap, or for kinds without options', () => {
		const multi = question('multi', {
			options: [
				{ value: 'a', label: 'Health', positive: true },
				{ value: 'b', label: 'Education' }
			]
		});
		expect(hasPositiveShare(multi)).toBe(false);
		expect(hasPositiveShare(question('text'))).toBe(false);
		expect(hasPositiveShare(question('number'))).toBe(false);
	});
});

describe('settings', () => {
	it('starts every new question with settings its kind accepts', () => {
		for (const kind of QUESTION_KINDS) {
			const type = questionType(kind);
			const q = question(kind, { settings: type.defaultSettings() });
			expect(type.checkDefinition(q)).toEqual([]);
		}
		expect(questionType('text').defaultSettings()).toEqual({ maxLength: DEFAULT_MAX_LENGTH });
	});

	it('keeps only the settings that mean something for the kind', () => {
		const posted = { maxLength: 300, min: 1, max: 9, faces: true };
		const kept = Object.fromEntries(
			QUESTION_KINDS.map((kind) => [kind, questionType(kind).keepSettings(posted)])
		);
		expect(kept).toEqual({
			scale: { faces: true },
			single: {},
			multi: {},
			yes_no: {},
			text: { maxLength: 300 },
			number: { min: 1, max: 9 }
		});
		expect(questionType('text').keepSettings({})).toEqual({ maxLength: DEFAULT_MAX_LENGTH });
		expect(questionType('number').keepSettings({ max: 50 })).toEqual({ max: 50 });
		expect(questionType('scale').keepSettings({ faces: false })).toEqual({});
	});

	it('shows in the builder exactly the settings it keeps, and faces only where it can draw them', () => {
		const posted = { maxLength: 300, min: 1, max: 9, faces: true };
		for (const kind of QUESTION_KINDS) {
			const type = questionType(kind);
			const shown = type.settingFields.map((f) => f.name).sort();
			expect(shown, kind).toEqual(Object.keys(type.keepSettings(posted)).sort());
			expect(shown.includes('faces'), kind).toBe(type.canShowFaces);
		}
	});

	it('names the builder field a broken definition belongs to', () => {
		const broken: [Question, string][] = [
			[question('text', { settings: { maxLength: 5 } }), 'maxLength'],
			[question('number', { settings: { min: 9, max: 9 } }), 'min'],
			[question('single', { options: [{ value: 'a', label: 'Only' }] }), 'options']
		];
		for (const [q, field] of broken) {
			expect(questionType(q.kind).checkDefinition(q)).not.toEqual([]);
			expect(questionType(q.kind).definitionField).toBe(field);
		}
	});
});

describe('row columns', () => {
	/** Each column's header, then the words of its cell for each response's values. */
	const cells = (q: Question, responses: string[][]) =>
		questionType(q.kind)
			.rowColumns(q)
			.map((c) => [c.header, ...responses.map((values) => c.labels[c.code(values)])]);

	it('gives a one-answer question one column of its options, then "not answered"', () => {
		const q = question('scale');
		expect(cells(q, [['agree'], ['does-not-apply'], [], ['an-old-value']])).toEqual([
			['key', 'Agree', 'Does not apply / don’t know', 'Not answered', 'Not answered']
		]);
		const [column] = questionType('scale').rowColumns(q);
		// Agree-type answers merge into "positive", the rest into "not positive"; never "does not apply".
		expect(column!.groupOf).toEqual([0, 0, 1, 1, 1, null, null]);
		expect(column!.groupLabels).toEqual(['Positive (either agree answer)', 'Not positive']);
		expect(column!.valuesNote).toBe(
			'Strongly agree; Agree; Neither agree nor disagree; Disagree; Strongly disagree; ' +
				'Does not apply / don’t know; Not answered; Positive (either agree answer); Not positive'
		);
	});

	it('has no groups for a one-answer question without a positive option', () => {
		const [column] = questionType('single').rowColumns(question('single'));
		expect(column!.groupOf).toEqual([null, null, null]);
		expect(column!.valuesNote).toBe('Option 1; Option 2; Not answered');
	});

	it('gives "choose any" a chosen / not chosen column per option', () => {
		expect(cells(question('multi'), [['option-2'], ['option-1', 'option-2'], []])).toEqual([
			['key:option-1', 'Not chosen', 'Chosen', 'Not chosen'],
			['key:option-2', 'Chosen', 'Chosen', 'Not chosen']
		]);
	});

	it('puts numbers in five bands, out-of-range ones in the end bands', () => {
		const q = question('number', { settings: { min: 0, max: 104 } });
		expect(cells(q, [['0'], ['21'], ['104'], ['200'], ['-3'], []])).toEqual([
			['key', '0–20', '21–41', '84–104', '84–104', '0–20', 'Not answered']
		]);
		const [column] = questionType('number').rowColumns(q);
		expect(column!.labels).toEqual(['0–20', '21–41', '42–62', '63–83', '84–104', 'Not answered']);
	});

	it('without a largest value, ends its bands with an open one that holds every answer allowed', () => {
		const q = question('number', { settings: { min: 0 } });
		// Up to 1,000 is accepted, so a 500 must not be labelled as if it were at most 100.
		expect(questionType('number').parse(q, ['500'])).toEqual({ ok: true, values: ['500'] });
		expect(cells(q, [['0'], ['83'], ['84'], ['500'], ['1000'], []])).toEqual([
			['key', '0–20', '63–83', '84 or more', '84 or more', '84 or more', 'Not answered']
		]);
		const [column] = questionType('number').rowColumns(q);
		expect(column!.labels).toEqual([
			'0–20',
			'21–41',
			'42–62',
			'63–83',
			'84 or more',
			'Not answered'
		]);
	});

	it('leaves free text out of the file', () => {
		expect(cells(question('text'), [['Mrs Ahmed at Hill School']])).toEqual([]);
	});
});
