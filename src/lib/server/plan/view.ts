/**
 * The improvement plan as pages, files and the public page read it: every action of an area with
 * its state today (see rules.ts), counted per finding and for the area, one action with its
 * history, and a finding's actions placed on its trend's axis of waves (see timeline.ts).
 * Every read is keyed by the local area; another area's id finds nothing.
 */
import { listFindingsInReportOrder, type AreaFinding } from '../areas/repository';
import { today as todayOf, type Db } from '../db';
import type { Action, ActionStatus, Partner } from '../db/schema';
import * as repo from './repository';
import {
	countStates,
	matchesFilter,
	newestFirst,
	stateOf,
	type ActionState,
	type PlanCounts,
	type PlanFilter
} from './rules';
import { axisPosition, type AxisPosition } from './timeline';

export interface ActionSummary extends ActionState {
	id: string;
	title: string;
	description: string;
	lead: string;
	startsOn: string;
	dueOn: string;
	partner: { id: string; name: string; kind: string };
	findings: { id: string; code: string; title: string }[];
}

interface AreaPlan {
	actions: ActionSummary[];
	findings: AreaFinding[];
	partners: Partner[];
	updates: repo.UpdateRow[];
}

/** Every action of the area with its state today, in due-date order. */
async function areaPlan(db: Db, areaId: string, today: string): Promise<AreaPlan> {
	const [actions, links, updates, findings, partners] = await Promise.all([
		repo.listActions(db, areaId),
		repo.listActionFindings(db, areaId),
		repo.listUpdates(db, areaId),
		listFindingsInReportOrder(db, areaId),
		repo.listPartners(db, areaId)
	]);
	const finding = new Map(findings.map((f) => [f.id, f]));
	const partner = new Map(partners.map((p) => [p.id, p]));
	const byAction = new Map<string, repo.UpdateRow[]>();
	for (const u of updates) byAction.set(u.actionId, [...(byAction.get(u.actionId) ?? []), u]);
	const order = new Map(findings.map((f, i) => [f.id, i]));
	return {
		findings,
		partners,
		updates,
		actions: actions.map((a) =>
			summary(a, byAction.get(a.id) ?? [], today, {
				partner: partner.get(a.partnerId),
				findings: (links.get(a.id) ?? [])
					.sort((x, y) => (order.get(x) ?? 0) - (order.get(y) ?? 0))
					.flatMap((id) => {
						const f = finding.get(id);
						return f ? [{ id: f.id, code: f.code, title: f.title }] : [];
					})
			})
		)
	};
}

function summary(
	a: Action,
	updates: readonly repo.UpdateRow[],
	today: string,
	linked: { partner: Partner | undefined; findings: ActionSummary['findings'] }
): ActionSummary {
	return {
		id: a.id,
		title: a.title,
		description: a.description,
		lead: a.lead,
		startsOn: a.startsOn,
		dueOn: a.dueOn,
		partner: linked.partner
			? { id: linked.partner.id, name: linked.partner.name, kind: linked.partner.kind }
			: { id: a.partnerId, name: '', kind: 'other' },
		findings: linked.findings,
		...stateOf(a, updates, today)
	};
}

export interface PlanPage {
	actions: ActionSummary[];
	counts: PlanCounts;
	filter: PlanFilter;
	finding: { id: string; code: string; title: string } | null;
	partner: { id: string; name: string } | null;
	findings: { id: string; code: string; title: string }[];
	partners: { id: string; name: string }[];
}

/** The plan's list: every action, or those of one finding or partner, or needing attention. */
export async function planPage(
	db: Db,
	areaId: string,
	options: { filter: PlanFilter; findingId: string | null; partnerId: string | null },
	today = todayOf()
): Promise<PlanPage> {
	const plan = await areaPlan(db, areaId, today);
	const finding = plan.findings.find((f) => f.id === options.findingId) ?? null;
	const partner = plan.partners.find((p) => p.id === options.partnerId) ?? null;
	const scoped = plan.actions.filter(
		(a) =>
			(!finding || a.findings.some((f) => f.id === finding.id)) &&
			(!partner || a.partner.id === partner.id)
	);
	return {
		actions: scoped.filter((a) => matchesFilter(a, options.filter)),
		counts: countStates(scoped),
		filter: options.filter,
		finding: finding && { id: finding.id, code: finding.code, title: finding.title },
		partner: partner && { id: partner.id, name: partner.name },
		findings: plan.findings
			.filter((f) => f.archived === 0 && f.kind !== 'strength')
			.map((f) => ({ id: f.id, code: f.code, title: f.title })),
		partners: plan.partners.map((p) => ({ id: p.id, name: p.name }))
	};
}

/** The dashboard's plan figures: per finding, and for the whole area. */
export async function planCounts(
	db: Db,
	areaId: string,
	today = todayOf()
): Promise<{ area: PlanCounts; byFinding: Record<string, PlanCounts> }> {
	const plan = await areaPlan(db, areaId, today);
	const byFinding: Record<string, PlanCounts> = {};
	for (const f of plan.findings)
		byFinding[f.id] = countStates(
			plan.actions.filter((a) => a.findings.some((x) => x.id === f.id))
		);
	return { area: countStates(plan.actions), byFinding };
}

export interface HistoryEntry {
	id: string;
	status: ActionStatus;
	note: string;
	updatedOn: string;
	author: string | null;
}

/** One action with its history, newest first; null when it is not this area's. */
export async function actionPage(db: Db, areaId: string, actionId: string, today = todayOf()) {
	const plan = await areaPlan(db, areaId, today);
	const action = plan.actions.find((a) => a.id === actionId);
	if (!action) return null;
	const history: HistoryEntry[] = newestFirst(
		plan.updates.filter((u) => u.actionId === actionId)
	).map((u) => ({
		id: u.id,
		status: u.status,
		note: u.note,
		updatedOn: u.updatedOn,
		author: u.authorName
	}));
	return {
		action,
		history,
		findings: plan.findings
			.filter(
				(f) =>
					f.kind !== 'strength' && (f.archived === 0 || action.findings.some((x) => x.id === f.id))
			)
			.map((f) => ({ id: f.id, code: f.code, title: f.title })),
		partners: plan.partners.map((p) => ({ id: p.id, name: p.name }))
	};
}

/** Every action's history, newest first, by action id (for the evidence pack). */
export async function actionHistories(
	db: Db,
	areaId: string
): Promise<Record<string, HistoryEntry[]>> {
	const histories: Record<string, HistoryEntry[]> = {};
	for (const u of newestFirst(await repo.listUpdates(db, areaId)))
		(histories[u.actionId] ??= []).push({
			id: u.id,
			status: u.status,
			note: u.note,
			updatedOn: u.updatedOn,
			author: u.authorName
		});
	return histories;
}

export interface TimelineMarker {
	/** Position on the chart's axis of waves (see timeline.ts). */
	at: number;
	kind: 'start' | 'done';
	/** The action's number on the finding's page. */
	label: string;
}

export interface FindingAction extends ActionSummary {
	number: number;
	start: AxisPosition | null;
	done: AxisPosition | null;
}

/**
 * A finding's actions for its page, each numbered and placed on the trend's axis: the chart's
 * own waves (by id, in its order), so a marker sits between the points it falls between.
 */
export async function findingPlan(
	db: Db,
	areaId: string,
	findingId: string,
	chartWaveIds: readonly string[],
	today = todayOf()
): Promise<{ actions: FindingAction[]; markers: TimelineMarker[]; counts: PlanCounts }> {
	const [plan, waves] = await Promise.all([
		areaPlan(db, areaId, today),
		repo.listWaveDates(db, areaId)
	]);
	const byId = new Map(waves.map((w) => [w.id, w]));
	const axis = chartWaveIds.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
	const mine = plan.actions.filter((a) => a.findings.some((f) => f.id === findingId));
	const actions = mine
		.sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.title.localeCompare(b.title))
		.map((a, i) => ({
			...a,
			number: i + 1,
			start: axisPosition(a.startsOn, axis),
			done: a.doneOn ? axisPosition(a.doneOn, axis) : null
		}));
	const markers: TimelineMarker[] = actions.flatMap((a) => [
		...(a.start ? [{ at: a.start.at, kind: 'start' as const, label: String(a.number) }] : []),
		...(a.done ? [{ at: a.done.at, kind: 'done' as const, label: String(a.number) }] : [])
	]);
	return { actions, markers, counts: countStates(mine) };
}
