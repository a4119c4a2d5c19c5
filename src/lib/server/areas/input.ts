/** Parsing the forms for inspections, findings and area settings. */
import { z } from 'zod';
import { isIsoDate } from '../forms';
import type { FindingKind, FrameworkCode, InspectionKind } from '../db/schema';
import { FINDING_KINDS, INSPECTION_KINDS } from '$lib/components/staff/labels';
import {
	FOLLOW_UPS,
	followUpLabel,
	frameworkOf,
	outcomeOf,
	type FollowUp
} from '$lib/words/frameworks';
import { isTheme } from './themes';

function optionalText(what: string, max: number) {
	return z
		.string()
		.trim()
		.max(max, `${what} must be ${max} characters or fewer`)
		.transform((v) => v || null);
}

function optionalDate(what: string) {
	return z
		.string()
		.trim()
		.refine((v) => v === '' || isIsoDate(v), `Enter the ${what} as a real date, like 2023-05-22`)
		.transform((v) => v || null);
}

export const inspectionSchema = z
	.object({
		kind: z.enum(INSPECTION_KINDS.map((k) => k.value) as [InspectionKind, ...InspectionKind[]], {
			error: 'Choose the kind of inspection'
		}),
		framework: z
			.string()
			.trim()
			.refine((v) => v === '' || frameworkOf(v) !== undefined, 'Choose a framework from the list')
			.transform((v) => (v || null) as FrameworkCode | null),
		startsOn: optionalDate('start date'),
		endsOn: optionalDate('end date'),
		outcomeKind: z
			.string()
			.trim()
			.transform((v) => v || null),
		outcome: optionalText('Outcome', 2000),
		planDueOn: optionalDate('date the plan is due'),
		monitoringOn: optionalDate('date of the monitoring inspection'),
		nextFullOn: optionalDate('date of the next full inspection')
	})
	.superRefine(inspectionRules);
export type InspectionInput = z.infer<typeof inspectionSchema>;
export const INSPECTION_FIELDS = [
	'kind',
	'framework',
	'startsOn',
	'endsOn',
	'outcomeKind',
	'outcome',
	'planDueOn',
	'monitoringOn',
	'nextFullOn'
] as const;

/**
 * The outcome must be one the framework gives, and a plan or monitoring date only follows an
 * outcome that calls for one (see lib/words/frameworks.ts). Follow-up dates come after the visit.
 */
function inspectionRules(
	v: {
		framework: string | null;
		startsOn: string | null;
		endsOn: string | null;
		outcomeKind: string | null;
	} & Record<FollowUp, string | null>,
	ctx: z.RefinementCtx
) {
	const issue = (path: string, message: string) =>
		ctx.addIssue({ code: 'custom', path: [path], message });
	if (v.startsOn && v.endsOn && v.endsOn < v.startsOn)
		issue('endsOn', 'The end date must be the same as or after the start date');
	const framework = frameworkOf(v.framework);
	const outcome = outcomeOf(v.framework, v.outcomeKind);
	if (v.outcomeKind && !framework) issue('framework', 'Choose the framework the outcome is from');
	else if (v.outcomeKind && !outcome)
		issue('outcomeKind', `Choose an outcome the ${framework!.label} gives`);
	// The dates are checked against a valid outcome only: one message at a time.
	if (v.outcomeKind && !outcome) return;
	const last = v.endsOn ?? v.startsOn;
	for (const followUp of FOLLOW_UPS) {
		const date = v[followUp];
		if (!date) continue;
		const label = followUpLabel(v.framework, followUp);
		if (followUp !== 'nextFullOn' && outcome && !outcome.followUps.includes(followUp))
			issue(followUp, `${label}: this outcome does not lead to one. Leave it blank`);
		else if (followUp !== 'nextFullOn' && !outcome && framework && framework.outcomes.length > 0)
			issue(followUp, `${label}: choose the outcome that led to it first`);
		else if (last && date < last) issue(followUp, `${label} must be after the inspection`);
	}
}

export const findingSchema = z.object({
	inspectionId: z.string().trim().min(1, 'Choose the inspection this finding is from'),
	kind: z.enum(FINDING_KINDS.map((k) => k.value) as [FindingKind, ...FindingKind[]], {
		error: 'Choose the kind of finding'
	}),
	code: z
		.string()
		.trim()
		.min(1, 'Enter the finding’s code, like L1 or E3')
		.max(12, 'Code must be 12 characters or fewer')
		.regex(/^[A-Za-z0-9][A-Za-z0-9.\-/]*$/, 'Code must use only letters, numbers, dots and dashes'),
	title: z
		.string()
		.trim()
		.min(1, 'Enter the finding’s title')
		.max(300, 'Title must be 300 characters or fewer'),
	detail: optionalText('Detail', 5000),
	theme: z.string().refine(isTheme, 'Choose a theme')
});
export type FindingInput = z.infer<typeof findingSchema>;
export const FINDING_FIELDS = ['inspectionId', 'kind', 'code', 'title', 'detail', 'theme'] as const;

export const moveSchema = z.object({
	id: z.string().trim().min(1),
	direction: z.enum(['up', 'down'])
});
export const MOVE_FIELDS = ['id', 'direction'] as const;

/** The floors from the GSS guidance; an area may raise its thresholds, never go below these. */
export const MIN_BASE_FLOOR = 10;
export const MIN_COUNT_FLOOR = 5;

/** One entry per line; blank lines and repeats dropped. */
function lines(what: string, maxEntries: number, maxLength: number) {
	return z
		.string()
		.transform((v) => [
			...new Set(
				v
					.split(/\r?\n/)
					.map((l) => l.trim())
					.filter(Boolean)
			)
		])
		.refine((v) => v.length <= maxEntries, `Enter ${maxEntries} ${what} or fewer`)
		.refine(
			(v) => v.every((l) => l.length <= maxLength),
			`Each of the ${what} must be ${maxLength} characters or fewer`
		);
}

function threshold(what: string, floor: number, ceiling: number) {
	return z
		.string()
		.trim()
		.min(1, `Enter ${what}`)
		.regex(/^\d+$/, `${capitalise(what)} must be a whole number`)
		.transform(Number)
		.refine((n) => n >= floor, `${capitalise(what)} must be ${floor} or more`)
		.refine((n) => n <= ceiling, `${capitalise(what)} must be ${ceiling} or fewer`);
}

function capitalise(s: string): string {
	return s.charAt(0).toUpperCase() + s.slice(1);
}

export const settingsSchema = z.object({
	name: z
		.string()
		.trim()
		.min(1, 'Enter the local area’s name')
		.max(120, 'Name must be 120 characters or fewer'),
	districts: lines('districts', 50, 80),
	flagTerms: lines('names to look for', 500, 120),
	minBase: threshold('the smallest base for a percentage', MIN_BASE_FLOOR, 1000),
	minCount: threshold('the smallest count shown', MIN_COUNT_FLOOR, 100)
});
export type SettingsInput = z.infer<typeof settingsSchema>;
export const SETTINGS_FIELDS = ['name', 'districts', 'flagTerms', 'minBase', 'minCount'] as const;

export const newAreaSchema = z.object({
	slug: z
		.string()
		.trim()
		.regex(
			/^[a-z0-9][a-z0-9-]{1,39}$/,
			'The slug must be 2 to 40 lower-case letters, numbers or dashes'
		),
	name: z
		.string()
		.trim()
		.min(1, 'Enter the local area’s name')
		.max(120, 'Name must be 120 characters or fewer')
});
