import type { Text } from '$lib/i18n';

export const QUESTION_KINDS = ['scale', 'single', 'multi', 'yes_no', 'text', 'number'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const DIMENSIONS = [
	'lived_experience',
	'co_production',
	'access',
	'outcomes',
	'about_you'
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface QuestionOption {
	/** Stable value stored with answers; the same in every wave. */
	value: string;
	label: string;
	/** Young-person wording, when it differs. */
	easyRead?: string | null;
	/** Counts towards the positive share (agree, strongly agree). */
	positive?: boolean;
	/** "Does not apply / don't know": left out of n and of the positive share. */
	notApplicable?: boolean;
}

export interface QuestionSettings {
	/** Free text: most characters allowed. */
	maxLength?: number;
	/** Number: smallest and largest allowed. */
	min?: number;
	max?: number;
	/** Young-person scales drawn as faces, always with words. */
	faces?: boolean;
	/** Any kind: a link to the council's British Sign Language video, with what it says. */
	signVideo?: SignVideo;
}

export interface SignVideo {
	/** An absolute https:// address; families follow it, nothing embeds it. */
	url: string;
	/** What the video says, as text; translated like the question's other words. */
	caption: string;
}

/** A question as the app uses it: the row with its JSON parsed. */
export interface Question {
	id: string;
	key: string;
	kind: QuestionKind;
	position: number;
	section: string | null;
	dimension: Dimension | null;
	theme: string | null;
	prompt: string;
	easyRead: string | null;
	hint: string | null;
	required: boolean;
	options: QuestionOption[];
	settings: QuestionSettings;
}

/** What the form posted for one question, trimmed, empty strings removed. */
export type RawAnswer = string[];

export type ParseResult = { ok: true; values: string[] } | { ok: false; error: string };

/**
 * One column of the row-level responses file, as a kind makes it from a question: each response's
 * values become one code, and each code (or group of codes, when rows are merged) becomes words.
 */
export interface RowColumn {
	/** The column's header: the question's key, with the option's value for "choose any". */
	header: string;
	/** Words of each code, codes 0 … n − 1 in their natural order. */
	labels: string[];
	/** The coarser group of each code (agree / not agree), or null where there is none. */
	groupOf: (number | null)[];
	/** Words of each group. */
	groupLabels: string[];
	/** The column's values described in words, for the file's metadata. */
	valuesNote: string;
	/** A response's stored values for the question as this column's code. */
	code(values: readonly string[]): number;
}

/** A field of the question builder for one of a kind's settings, read back by `keepSettings`. */
export interface SettingField {
	name: 'maxLength' | 'min' | 'max' | 'faces';
	input: 'number' | 'checkbox';
	label: string;
	hint?: string;
}

/**
 * One question kind: everything the app needs to know about it lives in its module,
 * so adding a kind is a checklist the compiler enforces (see registry.ts).
 */
export interface QuestionType {
	kind: QuestionKind;
	/** Shown to officers in the builder. */
	label: string;
	/** Does this kind need a list of options? */
	hasOptions: boolean;
	/** Are its values counted per option (charts), or free (text, number)? */
	counted: boolean;
	/** Where answers are kept: answer rows, or comments that an officer reviews first. */
	storage: 'answers' | 'comments';
	/**
	 * How its figures are made: `one` when each respondent picks one option (counts add up to
	 * the respondents), `any` when they may pick several (n is the respondents who picked
	 * anything), `none` when there is nothing to count (free text, numbers).
	 */
	summary: 'one' | 'any' | 'none';
	/** Can answers be split by it (an about-you question of this kind)? Only "choose one". */
	canBreakDown: boolean;
	/**
	 * Can it have a positive share, given options marked positive? Not "choose any": its options
	 * overlap, so positive answers over respondents is no share of anything.
	 */
	positiveShare: boolean;
	/** Can it be drawn as faces with its words, for young people (the `faces` setting)? */
	canShowFaces: boolean;
	/** A rough time to answer one question of this kind, for the start page's estimate. */
	secondsToAnswer: number;
	/** Options a new question of this kind starts with. */
	defaultOptions(): QuestionOption[];
	/** Settings a new question of this kind starts with. */
	defaultSettings(): QuestionSettings;
	/**
	 * The settings that mean something for this kind, from posted or stored ones; the rest are
	 * dropped. The sign-language video is not the kind's: whoever saves settings keeps it.
	 */
	keepSettings(settings: QuestionSettings): QuestionSettings;
	/** The builder's fields for its settings, in order; none for kinds without settings. */
	settingFields: readonly SettingField[];
	/** The builder's field that `checkDefinition`'s problems are shown against. */
	definitionField: 'options' | keyof QuestionSettings;
	/** Form values → stored values, or a message that says what to fix. */
	parse(question: Question, raw: RawAnswer, text?: Text): ParseResult;
	/** Problems that stop a survey opening (empty options, bad limits). */
	checkDefinition(question: Question): string[];
	/** Stored values as words, for check-your-answers pages and CSV cells. */
	display(question: Question, values: string[], easyRead?: boolean): string;
	/** Its columns in the row-level responses file; none for free text, which is never there. */
	rowColumns(question: Question): RowColumn[];
}
