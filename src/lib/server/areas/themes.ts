import bank from '../surveys/question-bank.json';

export interface Theme {
	code: string;
	title: string;
}

/** The fixed list of themes a finding (and a bank question) belongs to. */
export const THEMES: readonly Theme[] = bank.themes;

export function themeTitle(code: string): string {
	return THEMES.find((t) => t.code === code)?.title ?? code;
}

export function isTheme(code: string): boolean {
	return THEMES.some((t) => t.code === code);
}
