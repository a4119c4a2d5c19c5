/**
 * Easy-read headings for the public page's young people's version: each finding's theme in a few
 * plain words, since an inspection's wording ("Strategic oversight of SEND ... is weak") is not.
 */
export const EASY_THEMES: Record<string, string> = {
	LEAD: 'How the people in charge plan your help',
	JCOM: 'Health and council services working together',
	COPR: 'Listening to you and your family',
	IDNT: 'Finding out what help you need',
	EHCT: 'Getting your EHC plan on time',
	EHCQ: 'Making your EHC plan good',
	REVW: 'Checking your EHC plan every year',
	SENS: 'Help at school or college',
	HLTH: 'Getting help from health services',
	NDEV: 'Help for autism and ADHD',
	SOCC: 'Social care and short breaks',
	INFO: 'Finding out what help there is',
	EXCL: 'Being able to stay in school',
	PFA: 'Getting ready for adult life',
	INCL: 'Feeling included',
	OUTC: 'Doing well',
	SAFE: 'Being safe',
	SUFF: 'Having the right school places'
};

export function easyTheme(theme: string, fallback: string): string {
	return EASY_THEMES[theme] ?? fallback;
}
