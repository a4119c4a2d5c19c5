/** Parsing the co-production forms: a log entry, a comment on a draft, a sign-off, a theme review. */
import { z } from 'zod';
import { errorsOf, parseDate, readFields, type Parsed } from '../forms';
import { LEVEL_VALUES } from '$lib/words/coproduction';

function text(what: string, max: number, min = 1) {
	return z
		.string()
		.trim()
		.min(min, `Enter ${what}`)
		.max(max, `${what.charAt(0).toUpperCase()}${what.slice(1)} must be ${max} characters or fewer`);
}

export const activitySchema = z.object({
	heldOn: z
		.string()
		.trim()
		.min(1, 'Enter the date it happened')
		.transform((v, ctx) => {
			const iso = parseDate(v);
			if (!iso) {
				ctx.addIssue({ code: 'custom', message: 'Enter the date as a real date, like 2026-03-31' });
				return z.NEVER;
			}
			return iso;
		}),
	title: text('what happened', 200),
	whatChanged: text('what it changed', 4000),
	level: z.enum(LEVEL_VALUES, { error: 'Choose the level on the ladder of participation' }),
	partnerIds: z.array(z.string().trim().min(1)).min(1, 'Choose at least one partner involved')
});
export type ActivityInput = z.infer<typeof activitySchema>;
export const ACTIVITY_FIELDS = ['heldOn', 'title', 'whatChanged', 'level'] as const;

export function parseActivity(
	form: FormData
): Parsed<ActivityInput> & { values: Record<string, string>; partnerIds: string[] } {
	const values = readFields(form, ACTIVITY_FIELDS);
	const partnerIds = form.getAll('partnerIds').map(String);
	const result = activitySchema.safeParse({ ...values, partnerIds });
	return result.success
		? { ok: true, data: result.data, values, partnerIds }
		: { ok: false, errors: errorsOf(result.error), values, partnerIds };
}

export const draftCommentSchema = z.object({ body: text('your comment', 2000) });
export const DRAFT_COMMENT_FIELDS = ['body'] as const;

export const signOffSchema = z.object({
	note: z.string().trim().max(1000, 'The note must be 1000 characters or fewer'),
	confirm: z.literal('yes', {
		error: 'Confirm that your organisation has read the questionnaire and agrees to it'
	})
});
export const SIGN_OFF_FIELDS = ['note', 'confirm'] as const;

export const themeReviewSchema = z.object({
	themeId: z.string().trim().min(1, 'Choose a theme'),
	body: text('your view of this theme', 2000)
});
export const THEME_REVIEW_FIELDS = ['themeId', 'body'] as const;
