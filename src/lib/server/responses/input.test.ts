import { describe, expect, it } from 'vitest';
import { codeForm, formFields, journeyForm, pageNumber } from './input';

describe('respondent form input', () => {
	it('asks for a code, and refuses one too long to be a code', () => {
		expect(codeForm.safeParse({ code: ' k7qm2-xrt10 ' }).data).toEqual({
			code: 'k7qm2-xrt10',
			intent: 'enter'
		});
		expect(codeForm.safeParse({ code: '  ' }).error?.issues[0]?.message).toBe('code.empty');
		expect(codeForm.safeParse({}).success).toBe(false);
		expect(codeForm.safeParse({ code: 'x'.repeat(41) }).success).toBe(false);
	});

	it('reads the journey fields, defaulting to moving on', () => {
		expect(journeyForm.parse({ survey: 'abc' })).toEqual({ survey: 'abc', intent: 'next' });
		expect(journeyForm.parse({ survey: 'abc', intent: 'save' }).intent).toBe('save');
		expect(journeyForm.safeParse({ survey: 'abc', intent: 'delete' }).success).toBe(false);
		expect(journeyForm.parse({}).survey).toBe('');
	});

	it('accepts page numbers only in their own shape', () => {
		expect(pageNumber.safeParse('3').data).toBe(3);
		for (const bad of ['0', '-1', '1.5', 'two', ''])
			expect(pageNumber.safeParse(bad).success).toBe(false);
	});

	it('takes the last value of each plain field', () => {
		const form = new FormData();
		form.append('survey', 'a');
		form.append('survey', 'b');
		form.append('intent', 'save');
		expect(formFields(form)).toEqual({ survey: 'b', intent: 'save' });
	});
});
