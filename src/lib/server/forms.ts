/**
 * Reading posted forms: every field as a string, parsed by a zod schema into typed input or into
 * messages keyed by field name ('' for the form as a whole), with the values to show back.
 */
import type { z } from 'zod';

export type FormErrors = Record<string, string>;

export type Parsed<T> =
	{ ok: true; data: T } | { ok: false; errors: FormErrors; values: Record<string, string> };

/** The named fields of a form as strings (absent or a file: empty). */
export function readFields(form: FormData, names: readonly string[]): Record<string, string> {
	const values: Record<string, string> = {};
	for (const name of names) {
		const value = form.get(name);
		values[name] = typeof value === 'string' ? value : '';
	}
	return values;
}

export function errorsOf(error: z.ZodError): FormErrors {
	const errors: FormErrors = {};
	for (const issue of error.issues) {
		const field = issue.path.map(String).join('.');
		errors[field] ??= issue.message;
	}
	return errors;
}

export function parseForm<T>(
	schema: z.ZodType<T>,
	form: FormData,
	names: readonly string[]
): Parsed<T> & { values: Record<string, string> } {
	// Both outcomes carry the values as posted, to show back if a later rule refuses them.
	const values = readFields(form, names);
	const result = schema.safeParse(values);
	return result.success
		? { ok: true, data: result.data, values }
		: { ok: false, errors: errorsOf(result.error), values };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
	if (!ISO_DATE.test(value)) return false;
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const UK_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/;

/**
 * An ISO date from ISO (2026-03-31) or UK day/month/year writing (31/03/2026, 31/3/26, as Excel
 * saves dates on a UK computer), or null when it is not a real date.
 */
export function parseDate(value: string): string | null {
	const v = value.trim();
	if (isIsoDate(v)) return v;
	const uk = UK_DATE.exec(v);
	if (!uk) return null;
	const year = uk[3]!.length === 2 ? `20${uk[3]}` : uk[3]!;
	const iso = `${year}-${uk[2]!.padStart(2, '0')}-${uk[1]!.padStart(2, '0')}`;
	return isIsoDate(iso) ? iso : null;
}
