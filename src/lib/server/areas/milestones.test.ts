import { describe, expect, it } from 'vitest';
import { errorsOf } from '../forms';
import { inspectionSchema } from './input';
import { milestonesOf, nextMilestone } from './milestones';

const inspection = {
	id: 'i',
	kind: 'initial',
	framework: 'area_send_2023',
	startsOn: '2026-01-12',
	planDueOn: '2026-03-01',
	monitoringOn: '2027-01-10',
	nextFullOn: '2029-01-01'
};

describe('milestones', () => {
	it('names the next date still to come, in the framework’s words, with the days left', () => {
		expect(nextMilestone([inspection], '2026-02-20')).toMatchObject({
			label: 'Priority action plan due',
			on: '2026-03-01',
			daysLeft: 9
		});
		expect(nextMilestone([inspection], '2026-03-02')).toMatchObject({
			label: 'Monitoring inspection',
			daysLeft: 314
		});
		expect(
			nextMilestone([{ ...inspection, framework: 'local_area_send_2016' }], '2026-03-02')?.label
		).toBe('Revisit');
		expect(nextMilestone([inspection], '2029-01-02')).toBeNull();
		expect(milestonesOf([inspection], '2026-01-01').map((m) => m.on)).toEqual([
			'2026-03-01',
			'2027-01-10',
			'2029-01-01'
		]);
	});
});

describe('an inspection’s outcome and what follows', () => {
	const form = {
		kind: 'initial',
		framework: 'area_send_2023',
		startsOn: '2026-01-12',
		endsOn: '2026-01-16',
		outcomeKind: 'widespread_failings',
		outcome: '',
		planDueOn: '2026-03-01',
		monitoringOn: '',
		nextFullOn: ''
	};
	const errors = (patch: Partial<typeof form>) => {
		const result = inspectionSchema.safeParse({ ...form, ...patch });
		return result.success ? {} : errorsOf(result.error);
	};

	it('accepts an outcome of the framework and the dates it leads to', () => {
		expect(errors({})).toEqual({});
		expect(errors({ framework: 'local_area_send_2016', outcomeKind: 'wsoa_required' })).toEqual({});
	});

	it('refuses an outcome of another framework, or none chosen', () => {
		expect(errors({ outcomeKind: 'wsoa_required' })).toEqual({
			outcomeKind: 'Choose an outcome the Area SEND inspection framework (2023) gives'
		});
		expect(errors({ framework: '', planDueOn: '' })).toEqual({
			framework: 'Choose the framework the outcome is from'
		});
		expect(errors({ framework: 'no-such-framework' }).framework).toBe(
			'Choose a framework from the list'
		);
	});

	it('refuses a plan after an outcome that asks for none, and dates before the visit', () => {
		expect(errors({ outcomeKind: 'positive' })).toEqual({
			planDueOn: 'Priority action plan due: this outcome does not lead to one. Leave it blank'
		});
		expect(errors({ outcomeKind: '' })).toEqual({
			planDueOn: 'Priority action plan due: choose the outcome that led to it first'
		});
		expect(errors({ nextFullOn: '2025-12-01' })).toEqual({
			nextFullOn: 'Next full inspection must be after the inspection'
		});
	});
});
