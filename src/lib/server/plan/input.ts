/**
 * Parsing the plan's forms and the cells of an imported plan. Dates may be written the ISO way
 * (2026-03-31) or the UK way (31/03/2026, 31/3/26), as Excel saves them on a UK computer
 * (see forms.ts `parseDate`).
 */
import { z } from 'zod';
import { errorsOf, parseDate, readFields, type Parsed } from '../forms';
import { PARTNER_KIND_VALUES, STATUS_VALUES, STATUSES } from '$lib/words/plan';
import type { ActionStatus } from '../db/schema';

function date(what: string) {
	return z
		.string()
		.trim()
		.min(1, `Enter the ${what}`)
		.transform((v, ctx) => {
			const iso = parseDate(v);
			if (!iso) {
				ctx.addIssue({
					code: 'custom',
					message: `Enter the ${what} as a real date, like 2026-03-31 or 31/03/2026`
				});
				return z.NEVER;
			}
			return iso;
		});
}

function text(what: string, max: number) {
	return z
		.string()
		.trim()
		.min(1, `Enter ${what}`)
		.max(max, `${capitalise(what)} must be ${max} characters or fewer`);
}

function capitalise(s: string): string {
	return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Status words as people write them in a plan: our labels, the stored values and RAG words. */
const STATUS_WORDS: Record<string, ActionStatus> = {
	...Object.fromEntries(STATUSES.map((s) => [s.label.toLowerCase(), s.value])),
	...Object.fromEntries(STATUSES.map((s) => [s.value.replace('_', ' '), s.value])),
	'': 'not_started',
	green: 'on_track',
	amber: 'at_risk',
	red: 'off_track',
	complete: 'done',
	completed: 'done'
};

export function parseStatus(value: string): ActionStatus | null {
	return STATUS_WORDS[value.trim().toLowerCase().replaceAll('_', ' ').replace(/\s+/g, ' ')] ?? null;
}

export const STATUS_HELP =
	'not started, on track, at risk, off track or done (or the RAG words green, amber, red, complete)';

const details = {
	title: text('a title', 200),
	description: text('what will be done', 4000),
	partnerId: z.string().trim().min(1, 'Choose the partner that owns the action'),
	lead: text('the named lead', 120),
	startsOn: date('start date'),
	dueOn: date('due date'),
	findingIds: z
		.array(z.string().trim().min(1))
		.min(1, 'Choose at least one finding the action addresses')
};

function dueAfterStart(v: { startsOn: string; dueOn: string }, ctx: z.RefinementCtx) {
	if (v.dueOn < v.startsOn)
		ctx.addIssue({
			code: 'custom',
			path: ['dueOn'],
			message: 'The due date must be the same as or after the start date'
		});
}

export const actionSchema = z.object(details).superRefine(dueAfterStart);
export type ActionInput = z.infer<typeof actionSchema>;
export const ACTION_FIELDS = ['title', 'description', 'partnerId', 'lead', 'startsOn', 'dueOn'];

const statusField = z.enum(STATUS_VALUES, { error: 'Choose a status' });

export const newActionSchema = z
	.object({ ...details, status: statusField })
	.superRefine(dueAfterStart);
export type NewActionInput = z.infer<typeof newActionSchema>;

/** An action form: its fields, and every finding ticked. */
export function parseActionForm<T>(
	schema: z.ZodType<T>,
	form: FormData,
	extra: readonly string[] = []
): Parsed<T> & { values: Record<string, string>; findingIds: string[] } {
	const values = readFields(form, [...ACTION_FIELDS, ...extra]);
	const findingIds = form.getAll('findingIds').map(String);
	const result = schema.safeParse({ ...values, findingIds });
	return result.success
		? { ok: true, data: result.data, values, findingIds }
		: { ok: false, errors: errorsOf(result.error), values, findingIds };
}

export const statusUpdateSchema = z.object({
	status: statusField,
	updatedOn: date('date of the update'),
	note: text('a short note', 1000)
});
export type StatusUpdateInput = z.infer<typeof statusUpdateSchema>;
export const STATUS_UPDATE_FIELDS = ['status', 'updatedOn', 'note'] as const;

export const partnerSchema = z.object({
	name: text('the organisation’s name', 120),
	kind: z.enum(PARTNER_KIND_VALUES, { error: 'Choose the kind of organisation' })
});
export type PartnerInput = z.infer<typeof partnerSchema>;
export const PARTNER_FIELDS = ['name', 'kind'] as const;

export const planFilterSchema = z
	.enum(['all', 'not-started', 'overdue', 'attention', 'done'])
	.catch('all');
