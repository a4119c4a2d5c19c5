/**
 * Inspection frameworks and the outcomes each can give, with the dates that follow from them.
 * Shared by the inspection form's validation and the pages.
 *
 * - The area SEND inspection framework (Ofsted and CQC, from January 2023) gives one of three
 *   outcomes. Outcome 3, and outcome 2 where inspectors name areas for priority action, lead to
 *   a priority action plan and a monitoring inspection; every outcome sets when the next full
 *   inspection is expected.
 * - The earlier local area SEND inspection (2016 framework) asked for a written statement of
 *   action where there were significant weaknesses, followed by a revisit.
 */
import type { FrameworkCode } from '$lib/server/db/schema';

export type FollowUp = 'planDueOn' | 'monitoringOn' | 'nextFullOn';

export interface OutcomeWords {
	value: string;
	label: string;
	/** The dates that may follow this outcome (the next full inspection follows any). */
	followUps: readonly FollowUp[];
}

export interface FrameworkWords {
	value: FrameworkCode;
	label: string;
	outcomes: readonly OutcomeWords[];
	dates: Record<FollowUp, string>;
}

export const FRAMEWORKS: readonly FrameworkWords[] = [
	{
		value: 'area_send_2023',
		label: 'Area SEND inspection framework (2023)',
		outcomes: [
			{
				value: 'positive',
				label:
					'Outcome 1: arrangements typically lead to positive experiences and outcomes for children and young people with SEND',
				followUps: ['nextFullOn']
			},
			{
				value: 'inconsistent',
				label:
					'Outcome 2: arrangements lead to inconsistent experiences and outcomes; the partnership must work jointly to make improvements',
				followUps: ['planDueOn', 'monitoringOn', 'nextFullOn']
			},
			{
				value: 'widespread_failings',
				label:
					'Outcome 3: widespread and/or systemic failings leading to significant concerns, which the partnership must address urgently',
				followUps: ['planDueOn', 'monitoringOn', 'nextFullOn']
			}
		],
		dates: {
			planDueOn: 'Priority action plan due',
			monitoringOn: 'Monitoring inspection',
			nextFullOn: 'Next full inspection'
		}
	},
	{
		value: 'local_area_send_2016',
		label: 'Local area SEND inspection (2016 framework, written statement of action)',
		outcomes: [
			{
				value: 'wsoa_required',
				label: 'Written statement of action required',
				followUps: ['planDueOn', 'monitoringOn', 'nextFullOn']
			},
			{
				value: 'no_wsoa',
				label: 'No written statement of action required',
				followUps: ['nextFullOn']
			}
		],
		dates: {
			planDueOn: 'Written statement of action due',
			monitoringOn: 'Revisit',
			nextFullOn: 'Next full inspection'
		}
	},
	{
		value: 'other',
		label: 'Another framework',
		outcomes: [],
		dates: {
			planDueOn: 'Action plan due',
			monitoringOn: 'Monitoring visit',
			nextFullOn: 'Next full inspection'
		}
	}
];

export const FRAMEWORK_VALUES = FRAMEWORKS.map((f) => f.value) as [
	FrameworkCode,
	...FrameworkCode[]
];

export function frameworkOf(code: string | null): FrameworkWords | undefined {
	return FRAMEWORKS.find((f) => f.value === code);
}

export function outcomeOf(framework: string | null, outcome: string | null) {
	return frameworkOf(framework)?.outcomes.find((o) => o.value === outcome);
}

/** The words for a follow-up date under an inspection's framework (generic when unknown). */
export function followUpLabel(framework: string | null, followUp: FollowUp): string {
	return (frameworkOf(framework) ?? FRAMEWORKS.at(-1)!).dates[followUp];
}

export const FOLLOW_UPS: readonly FollowUp[] = ['planDueOn', 'monitoringOn', 'nextFullOn'];
