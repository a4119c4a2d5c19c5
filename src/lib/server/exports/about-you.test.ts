import { describe, expect, it } from 'vitest';
import { COMBINED, planAboutYou, type AboutYouQuestion, type Combination } from './about-you';

const age: AboutYouQuestion = {
	id: 'age',
	options: [
		{ value: '0-4', label: '0 to 4' },
		{ value: '5-10', label: '5 to 10' },
		{ value: '11-15', label: '11 to 15' },
		{ value: '16-25', label: '16 to 25' }
	]
};
const district: AboutYouQuestion = {
	id: 'district',
	options: [
		{ value: 'north', label: 'North' },
		{ value: 'south', label: 'South' }
	]
};

/** Expands combinations into one value list per response, as the file would read them. */
function rows(combinations: Combination[]) {
	return combinations.flatMap((c) => Array.from({ length: c.n }, () => c.values));
}

/** Every group the released cells form, with its size. */
function releasedGroups(plan: ReturnType<typeof planAboutYou>, combinations: Combination[]) {
	const groups = new Map<string, number>();
	for (const values of rows(combinations)) {
		const cells = plan.cellsFor(values);
		if (cells === null) continue;
		const key = cells.join('|');
		groups.set(key, (groups.get(key) ?? 0) + 1);
	}
	return groups;
}

describe('planAboutYou', () => {
	it('releases a question as asked when every group has at least the base', () => {
		const data = [
			{ values: ['5-10'], n: 12 },
			{ values: ['11-15'], n: 30 }
		];
		const plan = planAboutYou([age], data, 10);
		expect(plan.columns).toEqual([{ questionId: 'age', treatment: { kind: 'asked' } }]);
		expect(plan.cellsFor(['5-10'])).toEqual(['5 to 10']);
	});

	it('merges the smallest groups into Other/combined until every group is big enough', () => {
		const data = [
			{ values: ['0-4'], n: 3 },
			{ values: ['5-10'], n: 40 },
			{ values: ['11-15'], n: 35 },
			{ values: ['16-25'], n: 6 },
			{ values: [null], n: 4 }
		];
		const plan = planAboutYou([age], data, 10);
		expect(plan.columns[0]!.treatment).toEqual({
			kind: 'coarsened',
			merged: ['0 to 4', '16 to 25', 'Not answered']
		});
		expect(plan.cellsFor(['0-4'])).toEqual([COMBINED]);
		expect(plan.cellsFor([null])).toEqual([COMBINED]);
		expect(plan.cellsFor(['11-15'])).toEqual(['11 to 15']);
		expect(Math.min(...releasedGroups(plan, data).values())).toBeGreaterThanOrEqual(10);
	});

	it('drops a question that cannot form two groups of the base', () => {
		const data = [
			{ values: ['5-10'], n: 14 },
			{ values: ['11-15'], n: 4 }
		];
		const plan = planAboutYou([age], data, 10);
		expect(plan.columns[0]!.treatment).toEqual({ kind: 'dropped' });
		// Nothing about-you is left, so every row goes in without it.
		expect(plan.cellsFor(['11-15'])).toEqual([]);
	});

	it('checks the columns together: no combination of kept answers is a small group', () => {
		// Each column alone is fine (north 20 / south 20; 5–10 20 / 11–15 20), but together one
		// combination has 3 responses.
		const data = [
			{ values: ['5-10', 'north'], n: 17 },
			{ values: ['5-10', 'south'], n: 3 },
			{ values: ['11-15', 'north'], n: 3 },
			{ values: ['11-15', 'south'], n: 17 }
		];
		const plan = planAboutYou([age, district], data, 10);
		expect(plan.columns.map((c) => c.treatment.kind)).toEqual(['asked', 'dropped']);
		const groups = releasedGroups(plan, data);
		expect([...groups.values()].every((n) => n >= 10)).toBe(true);
		expect(plan.cellsFor(['5-10', 'south'])).toEqual(['5 to 10']);
	});

	it('honours a raised base', () => {
		const data = [
			{ values: ['5-10'], n: 15 },
			{ values: ['11-15'], n: 25 }
		];
		expect(planAboutYou([age], data, 10).columns[0]!.treatment.kind).toBe('asked');
		expect(planAboutYou([age], data, 20).columns[0]!.treatment.kind).toBe('dropped');
	});

	it('leaves out a later response whose group did not exist when the plan was made', () => {
		const data = [
			{ values: ['5-10', 'north'], n: 12 },
			{ values: ['11-15', 'south'], n: 12 }
		];
		const plan = planAboutYou([age, district], data, 10);
		expect(plan.columns.map((c) => c.treatment.kind)).toEqual(['asked', 'asked']);
		expect(plan.cellsFor(['5-10', 'south'])).toBeNull();
		expect(plan.cellsFor(['0-4', 'north'])).toBeNull();
		expect(plan.cellsFor(['5-10', 'north'])).toEqual(['5 to 10', 'North']);
	});
});
