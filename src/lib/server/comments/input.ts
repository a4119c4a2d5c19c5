/** Parsing the comment review and theme forms. */
import { z } from 'zod';
import { errorsOf, type Parsed } from '../forms';

function strings(form: FormData, name: string): string[] {
	return form.getAll(name).filter((v): v is string => typeof v === 'string');
}

function text(form: FormData, name: string): string {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
}

const themeSchema = z.object({
	name: z
		.string()
		.trim()
		.min(1, 'Enter a name for the theme')
		.max(80, 'The name must be 80 characters or fewer'),
	findingIds: z.array(z.string().min(1).max(40)).max(200)
});
export type ThemeInput = z.infer<typeof themeSchema>;

export function parseTheme(form: FormData): Parsed<ThemeInput> {
	const values = { name: text(form, 'name') };
	const result = themeSchema.safeParse({ ...values, findingIds: strings(form, 'findingIds') });
	return result.success
		? { ok: true, data: result.data }
		: { ok: false, errors: errorsOf(result.error), values };
}

const tagsSchema = z.object({ themeIds: z.array(z.string().min(1).max(40)).max(100) });

export function parseTags(form: FormData): Parsed<{ themeIds: string[] }> {
	const result = tagsSchema.safeParse({ themeIds: strings(form, 'themeIds') });
	return result.success
		? { ok: true, data: result.data }
		: { ok: false, errors: { themeIds: 'Choose themes from the list' }, values: {} };
}

const SPAN = /^(\d{1,6})-(\d{1,6})$/;

const redactSchema = z
	.object({
		spans: z.array(z.string().regex(SPAN, 'Choose words from the list')).max(200),
		phrases: z.string().max(2000, 'Enter 2000 characters or fewer'),
		digest: z.string().regex(/^[0-9a-f]{16}$/, 'Open the comment again and redact from there')
	})
	.refine((v) => v.spans.length > 0 || v.phrases.trim() !== '', {
		path: ['spans'],
		message: 'Choose the flagged words to redact, or enter the words to redact'
	});

export interface RedactInput {
	spans: { start: number; end: number }[];
	/** Exact words to redact wherever they occur, one per line. */
	phrases: string[];
	/** Which version of the text the choices were made on. */
	digest: string;
}

export function parseRedaction(form: FormData): Parsed<RedactInput> {
	const values = { phrases: text(form, 'phrases') };
	const result = redactSchema.safeParse({
		spans: strings(form, 'spans'),
		phrases: values.phrases,
		digest: text(form, 'digest')
	});
	if (!result.success) return { ok: false, errors: errorsOf(result.error), values };
	return {
		ok: true,
		data: {
			spans: result.data.spans.map((s) => {
				const [, start, end] = SPAN.exec(s)!;
				return { start: Number(start), end: Number(end) };
			}),
			phrases: result.data.phrases
				.split(/\r?\n/)
				.map((p) => p.trim())
				.filter(Boolean),
			digest: result.data.digest
		}
	};
}

const statusSchema = z.enum(['new', 'reviewed', 'all']);
export type StatusFilter = z.infer<typeof statusSchema>;

/** The queue's filters from the query string; anything odd falls back to the default. */
export function parseQueueFilter(params: URLSearchParams) {
	const status = statusSchema.safeParse(params.get('status'));
	const page = Number(params.get('page'));
	const id = (name: string) => {
		const value = params.get(name);
		return value && /^[a-z0-9]{1,40}$/.test(value) ? value : null;
	};
	return {
		status: status.success ? status.data : null,
		themeId: id('theme'),
		surveyId: id('survey'),
		page: Number.isInteger(page) && page > 0 ? page : 1
	};
}
