/**
 * The languages a family can answer in. English is the source; every other built-in language
 * has a dictionary of the journey's fixed words (a missing word is a compile error) and can be
 * offered for a questionnaire once all of that questionnaire's own words are translated too.
 */
import { cy } from './cy';
import { en, type Dictionary, type TextKey } from './en';
import { ur } from './ur';

export type { Dictionary, TextKey };

export const LANGUAGES = {
	en: { name: 'English', native: 'English', html: 'en-GB', dir: 'ltr', locale: 'en-GB' },
	cy: { name: 'Welsh', native: 'Cymraeg', html: 'cy', dir: 'ltr', locale: 'cy-GB' },
	ur: { name: 'Urdu', native: 'اردو', html: 'ur', dir: 'rtl', locale: 'ur-PK' }
} as const satisfies Record<
	string,
	{ name: string; native: string; html: string; dir: 'ltr' | 'rtl'; locale: string }
>;

export type Language = keyof typeof LANGUAGES;
/** Languages other than the source one: what a questionnaire can be translated into. */
export type Translation = Exclude<Language, 'en'>;

const DICTIONARIES = { en, cy, ur } satisfies Record<Language, Dictionary>;

export const TRANSLATIONS = Object.keys(LANGUAGES).filter((l) => l !== 'en') as Translation[];

export function isLanguage(value: unknown): value is Language {
	return typeof value === 'string' && Object.hasOwn(LANGUAGES, value);
}

export function isTranslation(value: unknown): value is Translation {
	return isLanguage(value) && value !== 'en';
}

export type Params = Record<string, string | number>;
/** A language's words, by key, with `{name}` placeholders filled in. */
export type Text = (key: TextKey, params?: Params) => string;

/** Fills `{name}` placeholders; unknown ones stay as they are, so a mistake shows. */
export function fill(template: string, params: Params = {}): string {
	return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
		Object.hasOwn(params, name) ? String(params[name]) : whole
	);
}

/** The `{name}` placeholders in a string, in order. */
export function placeholders(template: string): string[] {
	return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
}

/**
 * A template split at its placeholders, so a page can put a link where `{privacy}` is while
 * the translation decides the word order.
 */
export function pieces(template: string): { text: string; slot: string | null }[] {
	return template
		.split(/(\{\w+\})/)
		.filter(Boolean)
		.map((part) => {
			const slot = /^\{(\w+)\}$/.exec(part)?.[1] ?? null;
			return { text: slot ? '' : part, slot };
		});
}

export function translator(language: Language = 'en'): Text {
	const words: Dictionary = DICTIONARIES[language];
	return (key, params) => fill(words[key], params);
}

/** The raw template for a key, for pages that place links within a sentence. */
export function template(language: Language, key: TextKey): string {
	return DICTIONARIES[language][key];
}

/** Every built-in dictionary, for tests that check placeholders were kept. */
export function dictionary(language: Language): Dictionary {
	return DICTIONARIES[language];
}

const DATE_FORMATS = new Map<Language, Intl.DateTimeFormat>();

/** An ISO date in the language's own words: "4 June 2026", "4 Mehefin 2026". */
export function formatDateIn(language: Language, isoDate: string): string {
	let format = DATE_FORMATS.get(language);
	if (!format) {
		format = new Intl.DateTimeFormat(LANGUAGES[language].locale, {
			day: 'numeric',
			month: 'long',
			year: 'numeric',
			timeZone: 'UTC'
		});
		DATE_FORMATS.set(language, format);
	}
	return format.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

/** The address parameter that carries the family's language through the journey. */
export const LANGUAGE_PARAM = 'lang';

/**
 * An address within the journey, carrying the language when it is not English. The language
 * travels in the address (and in the sealed draft), never in a cookie of its own.
 */
export function withLanguage(href: string, language: string | null | undefined): string {
	if (!language || language === 'en') return href;
	const hashAt = href.indexOf('#');
	const path = hashAt < 0 ? href : href.slice(0, hashAt);
	const hash = hashAt < 0 ? '' : href.slice(hashAt);
	const joiner = path.includes('?') ? (path.endsWith('?') ? '' : '&') : '?';
	return `${path}${joiner}${LANGUAGE_PARAM}=${encodeURIComponent(language)}${hash}`;
}

/** The language an address asks for, when it is one of ours other than English. */
export function languageInUrl(url: URL): Translation | null {
	const wanted = url.searchParams.get(LANGUAGE_PARAM);
	return isTranslation(wanted) ? wanted : null;
}

export function isTextKey(value: string): value is TextKey {
	return Object.hasOwn(en, value);
}
