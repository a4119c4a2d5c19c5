import { describe, expect, it } from 'vitest';
import { countStates, matchesFilter, stateOf, type StatusUpdate } from './rules';

const action = { startsOn: '2026-03-01', dueOn: '2026-06-30' };
const update = (
	status: StatusUpdate['status'],
	updatedOn: string,
	createdAt = `${updatedOn}T09:00:00Z`
) => ({
	status,
	updatedOn,
	createdAt
});

describe('an action’s state', () => {
	it('is its latest dated update, whatever order the updates were written in', () => {
		const updates = [
			update('on_track', '2026-04-01'),
			update('not_started', '2026-02-01'),
			update('at_risk', '2026-05-01')
		];
		expect(stateOf(action, updates, '2026-05-10')).toMatchObject({
			status: 'at_risk',
			statusOn: '2026-05-01',
			overdue: false,
			notStarted: false,
			doneOn: null
		});
	});

	it('takes the later-written of two updates on the same day', () => {
		const updates = [
			update('done', '2026-04-01', '2026-04-01T10:00:00Z'),
			update('on_track', '2026-04-01', '2026-04-01T09:00:00Z')
		];
		expect(stateOf(action, updates, '2026-04-02').status).toBe('done');
	});

	it('is overdue once the due date has passed and it is not done', () => {
		const onTrack = [update('on_track', '2026-03-01')];
		expect(stateOf(action, onTrack, '2026-06-30').overdue).toBe(false);
		expect(stateOf(action, onTrack, '2026-07-01').overdue).toBe(true);
		const done = [update('done', '2026-07-20')];
		expect(stateOf(action, done, '2026-08-01')).toMatchObject({
			overdue: false,
			doneOn: '2026-07-20'
		});
	});

	it('is not started, and late to start once its start date has passed', () => {
		const none = [update('not_started', '2026-01-10')];
		expect(stateOf(action, none, '2026-03-01')).toMatchObject({
			notStarted: true,
			lateToStart: false
		});
		expect(stateOf(action, none, '2026-03-02')).toMatchObject({
			notStarted: true,
			lateToStart: true
		});
		expect(stateOf(action, [], '2026-01-01').status).toBe('not_started');
	});
});

describe('plan counts', () => {
	it('counts not started, overdue and done, and each action needing attention once', () => {
		const today = '2026-08-01';
		const states = [
			stateOf(action, [update('not_started', '2026-01-01')], today), // not started and overdue
			stateOf(action, [update('on_track', '2026-03-01')], today), // overdue
			stateOf(action, [update('done', '2026-06-01')], today),
			stateOf({ ...action, dueOn: '2027-01-01' }, [update('on_track', '2026-03-01')], today)
		];
		expect(countStates(states)).toEqual({
			total: 4,
			notStarted: 1,
			overdue: 2,
			done: 1,
			attention: 2
		});
		expect(states.filter((s) => matchesFilter(s, 'attention'))).toHaveLength(2);
		expect(states.filter((s) => matchesFilter(s, 'not-started'))).toHaveLength(1);
		expect(states.filter((s) => matchesFilter(s, 'all'))).toHaveLength(4);
	});
});
