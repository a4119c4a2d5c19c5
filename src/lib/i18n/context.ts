/**
 * The family's language for components deep in a page (error summary, question inputs). The
 * respondent layout sets it; anywhere else (the builder's preview) the words are English.
 */
import { getContext, setContext } from 'svelte';
import { translator, type Language, type Text } from './index';

const KEY = Symbol('language');

export function setLanguage(language: () => Language): void {
	setContext(KEY, language);
}

export function useLanguage(): () => Language {
	return getContext<(() => Language) | undefined>(KEY) ?? (() => 'en');
}

/** The words of the page's language. */
export function useText(): Text {
	const language = useLanguage();
	return (key, params) => translator(language())(key, params);
}
