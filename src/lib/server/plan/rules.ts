/**
 * The plan's rules, as pure functions: an action's status is its latest dated update; it is
 * overdue when its due date has passed and it is not done; it is "not started" when its latest
 * status says so, and late to start as well when its start date has passed (the question
 * Lancashire's scrutiny committee asked of its 94 commitments).
 */
import type { ActionStatus } from '../db/schema';

export interface StatusUpdate {
	status: ActionStatus;
	updatedOn: string;
	createdAt: string;
}

export interface ActionState {
	status: ActionStatus;
	/** The date of the latest update. */
	statusOn: string;
	overdue: boolean;
	notStarted: boolean;
	/** Not started although its start date has passed. */
	lateToStart: boolean;
	/** When it was marked done (null unless its status is done). */
	doneOn: string | null;
}

/** Newest first: by the date the status held from, then by when it was written. */
export function newestFirst<T extends StatusUpdate>(updates: readonly T[]): T[] {
	return [...updates].sort(
		(a, b) => b.updatedOn.localeCompare(a.updatedOn) || b.createdAt.localeCompare(a.createdAt)
	);
}

export function stateOf(
	action: { startsOn: string; dueOn: string },
	updates: readonly StatusUpdate[],
	today: string
): ActionState {
	const latest = newestFirst(updates)[0];
	const status = latest?.status ?? 'not_started';
	const notStarted = status === 'not_started';
	return {
		status,
		statusOn: latest?.updatedOn ?? action.startsOn,
		overdue: status !== 'done' && action.dueOn < today,
		notStarted,
		lateToStart: notStarted && action.startsOn < today,
		doneOn: status === 'done' ? (latest?.updatedOn ?? null) : null
	};
}

export interface PlanCounts {
	total: number;
	notStarted: number;
	overdue: number;
	done: number;
	/** Not started or overdue (each action once). */
	attention: number;
}

export function countStates(states: readonly ActionState[]): PlanCounts {
	return {
		total: states.length,
		notStarted: states.filter((s) => s.notStarted).length,
		overdue: states.filter((s) => s.overdue).length,
		done: states.filter((s) => s.status === 'done').length,
		attention: states.filter((s) => s.notStarted || s.overdue).length
	};
}

export type PlanFilter = 'all' | 'not-started' | 'overdue' | 'attention' | 'done';

export function matchesFilter(state: ActionState, filter: PlanFilter): boolean {
	switch (filter) {
		case 'not-started':
			return state.notStarted;
		case 'overdue':
			return state.overdue;
		case 'attention':
			return state.notStarted || state.overdue;
		case 'done':
			return state.status === 'done';
		default:
			return true;
	}
}
