/**
 * The dates that follow an inspection (a plan due, a monitoring inspection, the next full
 * inspection) and the next of them still to come, for the dashboard's countdown.
 */
import type { Db } from '../db';
import { listInspectionDates } from './repository';
import { FOLLOW_UPS, followUpLabel, type FollowUp } from '$lib/words/frameworks';
import { inspectionKindLabel } from '$lib/components/staff/labels';

export interface Milestone {
	inspectionId: string;
	/** For example "Monitoring inspection". */
	label: string;
	/** For example "Initial inspection, 2017-11-13". */
	inspection: string;
	on: string;
	/** Whole days from today (0: today). */
	daysLeft: number;
}

interface InspectionDates {
	id: string;
	kind: string;
	framework: string | null;
	startsOn: string | null;
	planDueOn: string | null;
	monitoringOn: string | null;
	nextFullOn: string | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Every follow-up date of the inspections, soonest first. */
export function milestonesOf(inspections: readonly InspectionDates[], today: string): Milestone[] {
	const all: Milestone[] = [];
	for (const i of inspections) {
		for (const followUp of FOLLOW_UPS) {
			const on = i[followUp as FollowUp];
			if (!on) continue;
			all.push({
				inspectionId: i.id,
				label: followUpLabel(i.framework, followUp),
				inspection: `${inspectionKindLabel(i.kind)}${i.startsOn ? `, ${i.startsOn}` : ''}`,
				on,
				daysLeft: daysBetween(today, on)
			});
		}
	}
	return all.sort((a, b) => a.on.localeCompare(b.on));
}

/** The next milestone from today on, or null when none is ahead. */
export function nextMilestone(
	inspections: readonly InspectionDates[],
	today: string
): Milestone | null {
	return milestonesOf(inspections, today).find((m) => m.daysLeft >= 0) ?? null;
}

export async function areaNextMilestone(
	db: Db,
	areaId: string,
	today: string
): Promise<Milestone | null> {
	return nextMilestone(await listInspectionDates(db, areaId), today);
}
