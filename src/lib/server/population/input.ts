/** Parsing the population forms: figures typed in, and a DfE file to import. */
import { z } from 'zod';
import type { PopulationMargin } from '../db/schema';
import { isIsoDate, type FormErrors } from '../forms';
import { MARGINS } from './margins';

/** The form field of one group's count, e.g. `need--cognition-and-learning`. */
export function fieldName(margin: PopulationMargin, category: string): string {
	return `${margin}--${category}`;
}

export const MAX_COUNT = 10_000_000;

function countField(label: string) {
	return z
		.string()
		.trim()
		.transform((v) => v.replace(/[,\s]/g, ''))
		.refine((v) => v === '' || /^\d+$/.test(v), `${label}: enter a whole number, or leave it empty`)
		.transform((v) => (v === '' ? null : Number(v)))
		.refine((v) => v === null || v <= MAX_COUNT, `${label}: enter a number up to 10,000,000`);
}

const countFields = Object.fromEntries(
	MARGINS.flatMap((m) =>
		m.categories.map((c) => [fieldName(m.key, c.value), countField(`${m.label}, ${c.label}`)])
	)
);

export const POPULATION_FIELDS = ['asOf', ...Object.keys(countFields)] as const;

export const populationSchema = z
	.object({
		asOf: z
			.string()
			.trim()
			.refine(isIsoDate, 'Enter the date the figures describe, like 2025-01-16'),
		...countFields
	})
	.transform((v) => {
		const record = v as Record<string, string | number | null>;
		return {
			asOf: v.asOf,
			counts: MARGINS.flatMap((m) =>
				m.categories.map((c) => ({
					margin: m.key,
					category: c.value,
					count: record[fieldName(m.key, c.value)] as number | null
				}))
			)
		};
	});
export type PopulationInput = z.infer<typeof populationSchema>;

export const IMPORT_FIELDS = ['localAuthority'] as const;
export const importSchema = z.object({
	localAuthority: z
		.string()
		.trim()
		.min(1, 'Enter the local authority as the file names it, or its code')
		.max(120, 'The local authority must be 120 characters or fewer')
});

/** Largest file read: a whole national file is some 7 MB; one local authority's is far less. */
export const MAX_FILE_BYTES = 12 * 1024 * 1024;

/** The uploaded CSV as text, or a message for the field. */
export async function readUpload(
	form: FormData,
	name = 'file'
): Promise<{ ok: true; text: string } | { ok: false; errors: FormErrors }> {
	const file = form.get(name);
	if (!(file instanceof File) || file.size === 0)
		return { ok: false, errors: { [name]: 'Choose the CSV file to import' } };
	if (file.size > MAX_FILE_BYTES)
		return { ok: false, errors: { [name]: 'The file must be smaller than 12 MB' } };
	const bytes = new Uint8Array(await file.arrayBuffer());
	if (bytes[0] === 0x50 && bytes[1] === 0x4b)
		return {
			ok: false,
			errors: { [name]: 'This is a zip file: open it and choose the CSV file inside it' }
		};
	if (bytes.includes(0))
		return {
			ok: false,
			errors: { [name]: 'The file must be a CSV file (text), not a spreadsheet' }
		};
	return { ok: true, text: new TextDecoder('utf-8').decode(bytes) };
}

export const CONFIRM_FIELDS = ['token'] as const;
export const confirmSchema = z.object({ token: z.string().min(1).max(20_000) });
