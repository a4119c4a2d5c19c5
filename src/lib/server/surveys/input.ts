/**
 * Parsing the builder's forms. Every form posts plain fields; each schema turns them into typed
 * input or into messages keyed by the field they are about, so a page can link its error summary
 * to the field and show the officer's words back to them.
 */
import { z } from 'zod';
import {
	DIMENSIONS,
	QUESTION_KINDS,
	type QuestionOption,
	type QuestionSettings,
	type SignVideo
} from '$lib/questions/types';
import { MAX_SIGN_VIDEO_CAPTION, MAX_SIGN_VIDEO_URL, httpsUrl } from '$lib/questions/sign-video';
import { THEMES } from '../areas/themes';
import { errorsOf, isIsoDate, readFields, type FormErrors, type Parsed } from '../forms';
import { MAX_BATCH_SIZE } from '../responses/batches';
import { TRANSLATIONS, type Translation } from '$lib/i18n';

export type { FormErrors, Parsed };

function parseWith<T>(schema: z.ZodType<T>, values: Record<string, string>): Parsed<T> {
	const result = schema.safeParse(values);
	return result.success
		? { ok: true, data: result.data }
		: { ok: false, errors: errorsOf(result.error), values };
}

function dateField(what: string) {
	return z
		.string()
		.trim()
		.refine((v) => v !== '', `Enter the ${what}`)
		.refine((v) => v === '' || isIsoDate(v), `Enter the ${what} as a real date, like 2027-03-31`);
}

function optionalDateField(what: string) {
	return z
		.string()
		.trim()
		.refine((v) => v === '' || isIsoDate(v), `Enter the ${what} as a real date, like 2027-05-31`)
		.transform((v) => v || null);
}

function text(what: string, max: number) {
	return z
		.string()
		.trim()
		.min(1, `Enter ${what}`)
		.max(max, `${capitalise(what)} must be ${max} characters or fewer`);
}

function optionalText(what: string, max: number) {
	return z
		.string()
		.trim()
		.max(max, `${capitalise(what)} must be ${max} characters or fewer`)
		.transform((v) => v || null);
}

function capitalise(s: string): string {
	return s.charAt(0).toUpperCase() + s.slice(1);
}

const checkbox = z.string().transform((v) => v !== '');

// ---- waves ------------------------------------------------------------------------------------

export const WAVE_FIELDS = ['name', 'startsOn'] as const;
const waveSchema = z.object({
	name: text('a name for the wave', 80),
	startsOn: dateField('date the wave starts')
});
export type WaveInput = z.infer<typeof waveSchema>;

export function parseWave(form: FormData): Parsed<WaveInput> {
	return parseWith(waveSchema, readFields(form, WAVE_FIELDS));
}

/** "An existing wave, or a new one named here": used when making and when copying a survey. */
export type WaveChoice = { waveId: string } | { newWave: WaveInput };

/**
 * Read the wave choice on its own, so its messages appear with every other field's at once
 * (zod skips an object's refinements while any field has a problem).
 */
function readWaveChoice(values: Record<string, string>): Parsed<WaveChoice> {
	const waveId = values.waveId?.trim() ?? '';
	const name = values.newWaveName?.trim() ?? '';
	const startsOn = values.newWaveStartsOn?.trim() ?? '';
	const errors: FormErrors = {};
	if (!waveId) errors.waveId = 'Choose a wave, or add a new one';
	if (waveId === 'new') {
		if (!name) errors.newWaveName = 'Enter a name for the new wave';
		else if (name.length > 80) errors.newWaveName = 'The wave name must be 80 characters or fewer';
		if (!isIsoDate(startsOn)) {
			errors.newWaveStartsOn = 'Enter the date the new wave starts, like 2027-03-01';
		}
	}
	if (Object.keys(errors).length > 0) return { ok: false, errors, values };
	return {
		ok: true,
		data: waveId === 'new' ? { newWave: { name, startsOn } } : { waveId }
	};
}

/** Two parses whose messages are shown together. */
function both<A, B, T>(
	a: Parsed<A>,
	b: Parsed<B>,
	values: Record<string, string>,
	join: (a: A, b: B) => T
): Parsed<T> {
	if (a.ok && b.ok) return { ok: true, data: join(a.data, b.data) };
	return {
		ok: false,
		errors: { ...(a.ok ? {} : a.errors), ...(b.ok ? {} : b.errors) },
		values
	};
}

// ---- surveys ----------------------------------------------------------------------------------

const detailFields = {
	title: text('a title', 150),
	intro: text('an introduction', 2000),
	opensOn: dateField('opening date'),
	closesOn: dateField('closing date'),
	resultsOn: optionalDateField('date results will be shared'),
	accessMode: z.enum(['code', 'open'], { error: 'Choose how families get in' })
};

function refineDates(
	value: { opensOn: string; closesOn: string; resultsOn: string | null },
	ctx: z.RefinementCtx
) {
	if (isIsoDate(value.opensOn) && isIsoDate(value.closesOn) && value.closesOn < value.opensOn) {
		ctx.addIssue({
			code: 'custom',
			path: ['closesOn'],
			message: 'The closing date must be the same as or after the opening date'
		});
	}
	if (value.resultsOn && isIsoDate(value.closesOn) && value.resultsOn <= value.closesOn) {
		ctx.addIssue({
			code: 'custom',
			path: ['resultsOn'],
			message: 'The date results will be shared must be after the closing date'
		});
	}
}

export const DETAIL_FIELDS = [
	'title',
	'intro',
	'opensOn',
	'closesOn',
	'resultsOn',
	'accessMode'
] as const;
const detailsSchema = z.object(detailFields).superRefine(refineDates);
export type SurveyDetails = z.infer<typeof detailsSchema>;

export function parseDetails(form: FormData): Parsed<SurveyDetails> {
	return parseWith(detailsSchema, readFields(form, DETAIL_FIELDS));
}

export const NEW_SURVEY_FIELDS = [
	...DETAIL_FIELDS,
	'audience',
	'waveId',
	'newWaveName',
	'newWaveStartsOn'
] as const;
const newSurveySchema = z
	.object({
		...detailFields,
		audience: z.enum(['parent_carer', 'young_person'], {
			error: 'Choose who the questionnaire is for'
		})
	})
	.superRefine(refineDates);
export type NewSurveyInput = z.infer<typeof newSurveySchema> & { wave: WaveChoice };

export function parseNewSurvey(form: FormData): Parsed<NewSurveyInput> {
	const values = readFields(form, NEW_SURVEY_FIELDS);
	return both(
		parseWith(newSurveySchema, values),
		readWaveChoice(values),
		values,
		(survey, wave) => ({
			...survey,
			wave
		})
	);
}

export const COPY_FIELDS = ['waveId', 'newWaveName', 'newWaveStartsOn'] as const;

export function parseCopy(form: FormData): Parsed<WaveChoice> {
	return readWaveChoice(readFields(form, COPY_FIELDS));
}

// ---- questions --------------------------------------------------------------------------------

const idField = z.string().trim().min(1, 'Choose a question');

export function parseMove(
	form: FormData
): Parsed<{ questionId: string; direction: 'up' | 'down' }> {
	return parseWith(
		z.object({
			questionId: idField,
			direction: z.enum(['up', 'down'], { error: 'Choose up or down' })
		}),
		readFields(form, ['questionId', 'direction'])
	);
}

export function parseQuestionId(form: FormData): Parsed<{ questionId: string }> {
	return parseWith(z.object({ questionId: idField }), readFields(form, ['questionId']));
}

export function parseNewQuestion(form: FormData): Parsed<{ kind: string; prompt: string }> {
	return parseWith(
		z.object({
			kind: z.enum(QUESTION_KINDS, { error: 'Choose the kind of question' }),
			prompt: text('the question', 500)
		}),
		readFields(form, ['kind', 'prompt'])
	);
}

/** Bank items ticked on the builder page. */
export function parseBankChoice(form: FormData): Parsed<{ items: string[] }> {
	const items = form.getAll('item').filter((v): v is string => typeof v === 'string' && v !== '');
	if (items.length === 0) {
		return { ok: false, errors: { item: 'Select at least one question to add' }, values: {} };
	}
	return { ok: true, data: { items: [...new Set(items)] } };
}

/** Findings ticked on the question page (none is allowed: it unlinks the question). */
export function parseFindingLinks(form: FormData): { findingIds: string[] } {
	const ids = form.getAll('finding').filter((v): v is string => typeof v === 'string' && v !== '');
	return { findingIds: [...new Set(ids)] };
}

export const KEY_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MAX_OPTION_ROWS = 40;

const questionSchema = z.object({
	key: z
		.string()
		.trim()
		.min(1, 'Enter a key')
		.max(60, 'The key must be 60 characters or fewer')
		.regex(KEY_PATTERN, 'The key must use only lowercase letters, numbers and single dashes'),
	prompt: text('the question', 500),
	easyRead: optionalText('the easy-read question', 300),
	hint: optionalText('the hint', 500),
	required: checkbox,
	dimension: z
		.union([z.enum(DIMENSIONS), z.literal('')], { error: 'Choose a dimension from the list' })
		.transform((v) => v || null),
	theme: z
		.string()
		.refine((v) => v === '' || THEMES.some((t) => t.code === v), 'Choose a theme from the list')
		.transform((v) => v || null),
	section: optionalText('the section', 100),
	maxLength: wholeNumber('The character limit'),
	min: wholeNumber('The smallest number'),
	max: wholeNumber('The largest number'),
	faces: checkbox
});

function wholeNumber(what: string) {
	return z
		.string()
		.trim()
		.refine((v) => v === '' || /^-?\d{1,9}$/.test(v), `${what} must be a whole number`)
		.transform((v) => (v === '' ? null : Number(v)));
}

export const QUESTION_FIELDS = [
	'key',
	'prompt',
	'easyRead',
	'hint',
	'required',
	'dimension',
	'theme',
	'section',
	'maxLength',
	'min',
	'max',
	'faces',
	'signVideoUrl',
	'signVideoCaption'
] as const;

/**
 * The sign-language link and its caption come together or not at all. Read as one object so
 * every message about the pair shows at once.
 */
const signVideoSchema = z
	.object({ signVideoUrl: z.string().trim(), signVideoCaption: z.string().trim() })
	.transform(({ signVideoUrl: url, signVideoCaption: caption }, ctx): SignVideo | null => {
		const problem = (path: string, message: string) =>
			ctx.addIssue({ code: 'custom', path: [path], message });
		// Checked as it will be stored: written out in full, with any spaces percent-encoded.
		const href = httpsUrl(url);
		if (url && !href)
			problem(
				'signVideoUrl',
				'Enter the video link as a full web address starting with https://, like https://www.example.gov.uk/bsl/question-1'
			);
		else if (href && href.length > MAX_SIGN_VIDEO_URL)
			problem('signVideoUrl', `The video link must be ${MAX_SIGN_VIDEO_URL} characters or fewer`);
		else if (!url && caption)
			problem('signVideoUrl', 'Enter the video link, or delete what the video says');
		if (caption.length > MAX_SIGN_VIDEO_CAPTION)
			problem(
				'signVideoCaption',
				`What the video says must be ${MAX_SIGN_VIDEO_CAPTION.toLocaleString('en-GB')} characters or fewer`
			);
		else if (url && !caption)
			problem('signVideoCaption', 'Enter what the video says, for families who cannot play it');
		return href ? { url: href, caption } : null;
	});

/** One row of the options table as posted. `value` is empty on a new row. */
export interface OptionRow {
	value: string;
	label: string;
	easyRead: string | null;
	positive: boolean;
	notApplicable: boolean;
	remove: boolean;
}

export interface QuestionEdit {
	key: string;
	prompt: string;
	easyRead: string | null;
	hint: string | null;
	required: boolean;
	dimension: (typeof DIMENSIONS)[number] | null;
	theme: string | null;
	section: string | null;
	settings: QuestionSettings;
	/** Posted rows in order, blank new rows dropped. */
	options: OptionRow[];
}

export function optionField(index: number, part: keyof OptionRow): string {
	return `option-${index}-${part}`;
}

function readOptionRows(form: FormData): { rows: OptionRow[]; errors: FormErrors } {
	const count = Math.min(Number(form.get('optionRows')) || 0, MAX_OPTION_ROWS);
	const rows: OptionRow[] = [];
	const errors: FormErrors = {};
	for (let i = 0; i < count; i++) {
		const get = (part: keyof OptionRow) => {
			const v = form.get(optionField(i, part));
			return typeof v === 'string' ? v.trim() : '';
		};
		const row: OptionRow = {
			value: get('value'),
			label: get('label'),
			easyRead: get('easyRead') || null,
			positive: get('positive') !== '',
			notApplicable: get('notApplicable') !== '',
			remove: get('remove') !== ''
		};
		if (!row.value && !row.label && !row.easyRead) continue;
		if (!row.remove && !row.label)
			errors[optionField(i, 'label')] = `Enter words for option ${i + 1}`;
		else if (row.label.length > 200)
			errors[optionField(i, 'label')] = `Option ${i + 1} must be 200 characters or fewer`;
		if (row.positive && row.notApplicable)
			errors[optionField(i, 'positive')] =
				`Option ${i + 1} cannot be both positive and “does not apply”`;
		rows.push(row);
	}
	return { rows, errors };
}

export function parseQuestionEdit(form: FormData): Parsed<QuestionEdit> {
	const values = readFields(form, QUESTION_FIELDS);
	const result = questionSchema.safeParse(values);
	const video = signVideoSchema.safeParse(values);
	const options = readOptionRows(form);
	const errors = {
		...(result.success ? {} : errorsOf(result.error)),
		...(video.success ? {} : errorsOf(video.error)),
		...options.errors
	};
	if (!result.success || !video.success || Object.keys(errors).length > 0)
		return { ok: false, errors, values };
	const { maxLength, min, max, faces, ...rest } = result.data;
	const settings: QuestionSettings = {};
	if (maxLength !== null) settings.maxLength = maxLength;
	if (min !== null) settings.min = min;
	if (max !== null) settings.max = max;
	if (faces) settings.faces = true;
	if (video.data) settings.signVideo = video.data;
	return { ok: true, data: { ...rest, settings, options: options.rows } };
}

/** Rows that stay, as options. New rows get a stable value from their words. */
export function toOptions(
	rows: OptionRow[],
	makeValue: (label: string) => string
): QuestionOption[] {
	return rows
		.filter((row) => !row.remove)
		.map((row) => ({
			value: row.value || makeValue(row.label),
			label: row.label,
			...(row.easyRead ? { easyRead: row.easyRead } : {}),
			...(row.positive ? { positive: true } : {}),
			...(row.notApplicable ? { notApplicable: true } : {})
		}));
}

// ---- codes ------------------------------------------------------------------------------------

export const BATCH_FIELDS = ['label', 'size'] as const;
const batchSchema = z.object({
	label: text('a label for the batch, like “North district letters”', 80),
	size: z
		.string()
		.trim()
		.refine((v) => v !== '', 'Enter how many codes to make')
		.refine((v) => v === '' || /^\d{1,6}$/.test(v), 'The number of codes must be a whole number')
		.transform(Number)
		.refine(
			(n) => n >= 1 && n <= MAX_BATCH_SIZE,
			`The number of codes must be between 1 and ${MAX_BATCH_SIZE.toLocaleString('en-GB')}`
		)
});
export type BatchInput = z.infer<typeof batchSchema>;

export function parseBatch(form: FormData): Parsed<BatchInput> {
	return parseWith(batchSchema, readFields(form, BATCH_FIELDS));
}

/**
 * The codes a creation page posts back to download them (see responses/code-batches.ts): one per line,
 * and for letters the part to print. Only their shape is checked here.
 */
export function parseDownload(form: FormData): Parsed<{ codes: string[]; part: number }> {
	const raw = form.get('codes');
	const codes = (typeof raw === 'string' ? raw : '').split(/[\s,]+/).filter(Boolean);
	const part = Number(form.get('part') || 1);
	if (codes.length === 0 || codes.length > MAX_BATCH_SIZE || !Number.isInteger(part) || part < 1) {
		return { ok: false, errors: { codes: 'The codes were not sent with the request' }, values: {} };
	}
	return { ok: true, data: { codes, part } };
}

/** Largest translators' file accepted: a long questionnaire in a wordy language is under 100 KB. */
export const MAX_TRANSLATION_BYTES = 512 * 1024;

const translationLanguage = z.enum(TRANSLATIONS as [Translation, ...Translation[]], {
	error: 'Choose the language of the file'
});

/** The translations import form: a language and a UTF-8 CSV file. */
export async function parseTranslationUpload(
	form: FormData
): Promise<{ ok: true; language: Translation; text: string } | { ok: false; errors: FormErrors }> {
	const language = translationLanguage.safeParse(form.get('language'));
	const file = form.get('file');
	const errors: FormErrors = {};
	if (!language.success) errors.language = 'Choose the language of the file';
	if (!(file instanceof File) || file.size === 0) errors.file = 'Choose a CSV file to upload';
	else if (file.size > MAX_TRANSLATION_BYTES) errors.file = 'The file must be smaller than 512 KB';
	if (!language.success || !(file instanceof File) || errors.file) return { ok: false, errors };
	try {
		const text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
		return { ok: true, language: language.data, text };
	} catch {
		return {
			ok: false,
			errors: {
				file: 'The file is not saved as UTF-8. In Excel, save it as “CSV UTF-8 (Comma delimited)”'
			}
		};
	}
}
