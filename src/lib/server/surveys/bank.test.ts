import { describe, expect, it } from 'vitest';
import { aboutYouQuestions, isForAudience, questionFor } from './bank';

describe('standard about-you questions', () => {
	const about = aboutYouQuestions(['North', 'South']);
	const byKey = (key: string) => about.find((q) => q.key === key)!;

	it('asks parent carers whether the child has an EHC plan, as one choice', () => {
		const q = byKey('ehc-plan');
		expect(q).toMatchObject({ kind: 'single', dimension: 'about_you', audience: 'parent_carer' });
		expect(q.options.map((o) => o.value)).toEqual(['yes', 'no-sen-support', 'not-sure']);
		expect(isForAudience(q, 'parent_carer')).toBe(true);
		expect(isForAudience(q, 'young_person')).toBe(false);
	});

	it('asks young people who filled the questionnaire in, in easy-read words too', () => {
		const q = byKey('answered-by');
		expect(q).toMatchObject({ kind: 'single', dimension: 'about_you', audience: 'young_person' });
		expect(q.options.map((o) => o.value)).toEqual([
			'on-my-own',
			'with-help',
			'someone-answered-for-me'
		]);
		expect(questionFor(q, 'young_person').easyRead).toBe('Who filled this in?');
		expect(isForAudience(q, 'parent_carer')).toBe(false);
	});

	it('keeps the breakdowns every audience shares open to both', () => {
		for (const key of ['age-band', 'need', 'district', 'setting']) {
			expect(isForAudience(byKey(key), 'young_person'), key).toBe(true);
			expect(isForAudience(byKey(key), 'parent_carer'), key).toBe(true);
		}
	});
});
