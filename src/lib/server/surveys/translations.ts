/**
 * A questionnaire in the family's language. The journey's fixed words come from the app's
 * dictionaries ($lib/i18n); a questionnaire's own words (title, introduction, section headings,
 * prompts, hints, options and, for young people, the easy-read wording) are translated per
 * survey, keyed by a stable string key such as `question.<key>.prompt`. A sign-language video's
 * caption is one of those words; its link is the same in every language.
 *
 * No silent English: a language is offered to families only when every string a family of that
 * questionnaire sees has a translation. Translators work from a CSV export (key, English,
 * translation) and the import refuses a file with unknown keys, missing strings, English that
 * has changed since the export, or placeholders that were not kept; a refused file changes
 * nothing.
 */
import { parse } from 'csv-parse/sync';
import { optionValue } from '$lib/questions/options';
import type { Question } from '$lib/questions/types';
import {
	TRANSLATIONS,
	isTranslation,
	placeholders,
	type Language,
	type Translation
} from '$lib/i18n';
import { recordAction, type Actor } from '../audit';
import { inTransaction, type Db } from '../db';
import type { Audience } from '../db/schema';
import { listQuestions } from './repository';

/** One string of a questionnaire, in English. */
export interface SourceString {
	key: string;
	english: string;
}

interface Wording {
	title: string;
	intro: string;
	audience: Audience;
}

/** Every string a family sees in this questionnaire, in the order they meet them. */
export function surveyStrings(survey: Wording, questions: Question[]): SourceString[] {
	const young = survey.audience === 'young_person';
	const strings: SourceString[] = [
		{ key: 'survey.title', english: survey.title },
		{ key: 'survey.intro', english: survey.intro }
	];
	const sections = new Set<string>();
	for (const q of questions) {
		// Parent pages are headed by their section; young people's pages have one question each.
		if (!young && q.section && !sections.has(q.section)) {
			sections.add(q.section);
			strings.push({ key: sectionKey(q.section), english: q.section });
		}
		const base = `question.${q.key}`;
		strings.push({ key: `${base}.prompt`, english: q.prompt });
		if (young && q.easyRead) strings.push({ key: `${base}.easy`, english: q.easyRead });
		if (q.hint) strings.push({ key: `${base}.hint`, english: q.hint });
		const video = q.settings.signVideo;
		if (video) strings.push({ key: `${base}.sign-caption`, english: video.caption });
		for (const o of q.options) {
			strings.push({ key: `${base}.option.${o.value}`, english: o.label });
			if (young && o.easyRead)
				strings.push({ key: `${base}.option.${o.value}.easy`, english: o.easyRead });
		}
	}
	return strings.filter((s) => s.english.trim() !== '');
}

function sectionKey(section: string): string {
	return `section.${optionValue(section)}`;
}

/** The strings with no translation (absent or blank). */
export function missingStrings(
	strings: SourceString[],
	texts: ReadonlyMap<string, string>
): SourceString[] {
	return strings.filter((s) => !texts.get(s.key)?.trim());
}

/** The questionnaire's words in another language. Call only with a complete set of texts. */
export function translateWording<S extends Wording>(
	survey: S,
	questions: Question[],
	texts: ReadonlyMap<string, string>
): { survey: S; questions: Question[] } {
	const say = (key: string, english: string) => texts.get(key) ?? english;
	const young = survey.audience === 'young_person';
	return {
		survey: {
			...survey,
			title: say('survey.title', survey.title),
			intro: say('survey.intro', survey.intro)
		},
		questions: questions.map((q) => {
			const base = `question.${q.key}`;
			const video = q.settings.signVideo;
			return {
				...q,
				settings: video
					? {
							...q.settings,
							signVideo: { ...video, caption: say(`${base}.sign-caption`, video.caption) }
						}
					: q.settings,
				section: q.section && !young ? say(sectionKey(q.section), q.section) : q.section,
				prompt: say(`${base}.prompt`, q.prompt),
				easyRead: q.easyRead && young ? say(`${base}.easy`, q.easyRead) : q.easyRead,
				hint: q.hint ? say(`${base}.hint`, q.hint) : q.hint,
				options: q.options.map((o) => ({
					...o,
					label: say(`${base}.option.${o.value}`, o.label),
					easyRead:
						o.easyRead && young ? say(`${base}.option.${o.value}.easy`, o.easyRead) : o.easyRead
				}))
			};
		})
	};
}

/** The languages a survey has any stored words in (complete or not). */
export async function storedLanguages(db: Db, surveyId: string): Promise<string[]> {
	const rows = await db
		.selectFrom('surveyTranslations')
		.select('language')
		.distinct()
		.where('surveyId', '=', surveyId)
		.execute();
	return rows.map((r) => r.language);
}

/** Every stored translation of a survey, by language. */
export async function listTranslations(
	db: Db,
	surveyId: string
): Promise<Map<string, Map<string, string>>> {
	const rows = await db
		.selectFrom('surveyTranslations')
		.select(['language', 'stringKey', 'text'])
		.where('surveyId', '=', surveyId)
		.execute();
	const byLanguage = new Map<string, Map<string, string>>();
	for (const row of rows) {
		let texts = byLanguage.get(row.language);
		if (!texts) byLanguage.set(row.language, (texts = new Map()));
		texts.set(row.stringKey, row.text);
	}
	return byLanguage;
}

export interface LanguageStatus {
	language: Translation;
	translated: number;
	missing: SourceString[];
}

/** Each built-in language with what is still missing; a language with nothing missing can be offered. */
export function languageStatuses(
	strings: SourceString[],
	stored: Map<string, Map<string, string>>
): LanguageStatus[] {
	return TRANSLATIONS.map((language) => {
		const texts = stored.get(language) ?? new Map<string, string>();
		const missing = missingStrings(strings, texts);
		return { language, translated: strings.length - missing.length, missing };
	});
}

/** The languages families can choose for this questionnaire: English, and every complete one. */
export function offeredLanguages(statuses: LanguageStatus[]): Language[] {
	return ['en', ...statuses.filter((s) => s.missing.length === 0).map((s) => s.language)];
}

/** Stores a language's translations for a survey, replacing any it had. */
export async function replaceTranslations(
	db: Db,
	surveyId: string,
	language: Translation,
	texts: ReadonlyMap<string, string>,
	at = new Date().toISOString()
): Promise<void> {
	await inTransaction(db, async (trx) => {
		await trx
			.deleteFrom('surveyTranslations')
			.where('surveyId', '=', surveyId)
			.where('language', '=', language)
			.execute();
		const rows = [...texts].map(([stringKey, text]) => ({
			surveyId,
			language,
			stringKey,
			text,
			updatedAt: at
		}));
		// Batches keep each insert under SQLite's and PostgreSQL's bound-parameter limits.
		for (let i = 0; i < rows.length; i += 200) {
			await trx
				.insertInto('surveyTranslations')
				.values(rows.slice(i, i + 200))
				.execute();
		}
	});
}

export const EXPORT_COLUMNS = [
	{ key: 'key', header: 'key' },
	{ key: 'english', header: 'english' },
	{ key: 'translation', header: 'translation' }
] as const;

/** The rows of the translators' file: every string, with any translation already stored. */
export function exportRows(
	strings: SourceString[],
	texts: ReadonlyMap<string, string> | undefined
): { key: string; english: string; translation: string }[] {
	return strings.map((s) => ({ ...s, translation: texts?.get(s.key) ?? '' }));
}

export type ImportResult =
	{ ok: true; texts: Map<string, string> } | { ok: false; problems: string[] };

/** The export escapes cells that a spreadsheet would run as formulas with a leading '. */
function unescapeFormula(cell: string): string {
	return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

const MAX_PROBLEMS = 20;

/**
 * Reads a translators' file against the questionnaire's current strings. Every string must be
 * there once, translated, with the English it was translated from and the same placeholders.
 */
export function readTranslationCsv(text: string, strings: SourceString[]): ImportResult {
	let records: string[][];
	try {
		records = parse(text.replace(/^\uFEFF/, ''), {
			relax_column_count: true,
			skip_empty_lines: true
		}) as string[][];
	} catch {
		return { ok: false, problems: ['The file is not a CSV file that can be read.'] };
	}
	const header = (records[0] ?? []).map((h) => h.trim().toLowerCase());
	const at = (name: string) => header.indexOf(name);
	if (at('key') < 0 || at('english') < 0 || at('translation') < 0) {
		return {
			ok: false,
			problems: ['The first row must name the columns key, english and translation.']
		};
	}
	const source = new Map(strings.map((s) => [s.key, s.english]));
	const problems: string[] = [];
	const texts = new Map<string, string>();
	for (const [index, record] of records.slice(1).entries()) {
		const row = index + 2;
		const key = (record[at('key')] ?? '').trim();
		const english = unescapeFormula(record[at('english')] ?? '');
		const translation = unescapeFormula(record[at('translation')] ?? '').trim();
		if (!key) {
			problems.push(`Row ${row} has no key.`);
			continue;
		}
		const expected = source.get(key);
		if (expected === undefined) {
			problems.push(`Row ${row}: “${key}” is not a string of this questionnaire.`);
			continue;
		}
		if (texts.has(key)) {
			problems.push(`Row ${row}: “${key}” is in the file twice.`);
			continue;
		}
		if (english.trim() !== expected.trim()) {
			problems.push(
				`Row ${row}: the English of “${key}” has changed since the file was made. Download a new file.`
			);
			continue;
		}
		if (!translation) {
			problems.push(`Row ${row}: “${key}” has no translation.`);
			continue;
		}
		const wanted = placeholders(expected).sort().join(',');
		if (placeholders(translation).sort().join(',') !== wanted) {
			const kept = placeholders(expected).map((p) => `{${p}}`);
			problems.push(
				kept.length
					? `Row ${row}: the translation of “${key}” must keep ${kept.join(', ')} exactly as written.`
					: `Row ${row}: the translation of “${key}” has a {placeholder} that the English does not.`
			);
			continue;
		}
		texts.set(key, translation);
	}
	for (const s of strings) {
		if (!texts.has(s.key) && !problems.some((p) => p.includes(`“${s.key}”`))) {
			problems.push(`“${s.key}” (${shorten(s.english)}) is missing from the file.`);
		}
	}
	if (problems.length > MAX_PROBLEMS) {
		const more = problems.length - MAX_PROBLEMS;
		return {
			ok: false,
			problems: [
				...problems.slice(0, MAX_PROBLEMS),
				`And ${more} more ${more === 1 ? 'problem' : 'problems'}.`
			]
		};
	}
	return problems.length ? { ok: false, problems } : { ok: true, texts };
}

function shorten(text: string): string {
	return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** What the officers' translations page shows: each language and what it still lacks. */
export async function translationState(
	db: Db,
	survey: Wording & { id: string }
): Promise<{ strings: SourceString[]; statuses: LanguageStatus[] }> {
	const strings = surveyStrings(survey, await listQuestions(db, survey.id));
	return { strings, statuses: languageStatuses(strings, await listTranslations(db, survey.id)) };
}

/** The rows of a language's file for translators, with any translations already stored. Audited. */
export async function translatorsFile(
	db: Db,
	actor: Actor,
	survey: Wording & { id: string },
	language: Translation
): Promise<ReturnType<typeof exportRows>> {
	const strings = surveyStrings(survey, await listQuestions(db, survey.id));
	await recordAction(db, actor, 'survey.translations_exported', 'survey', survey.id, { language });
	return exportRows(strings, (await listTranslations(db, survey.id)).get(language));
}

/**
 * Stores a translators' file for one language, replacing that language's translations, or
 * says what is wrong with it and changes nothing. Audited.
 */
export async function importTranslations(
	db: Db,
	actor: Actor,
	survey: Wording & { id: string },
	language: Translation,
	text: string
): Promise<{ ok: true; count: number } | { ok: false; problems: string[] }> {
	const strings = surveyStrings(survey, await listQuestions(db, survey.id));
	const read = readTranslationCsv(text, strings);
	if (!read.ok) return read;
	await replaceTranslations(db, survey.id, language, read.texts);
	await recordAction(db, actor, 'survey.translations_imported', 'survey', survey.id, {
		language,
		strings: read.texts.size
	});
	return { ok: true, count: read.texts.size };
}

/** A copied questionnaire (the next wave) starts with the translations of the one it copies. */
export async function copyTranslations(db: Db, fromId: string, toId: string): Promise<void> {
	const stored = await listTranslations(db, fromId);
	for (const [language, texts] of stored) {
		if (isTranslation(language)) await replaceTranslations(db, toId, language, texts);
	}
}
