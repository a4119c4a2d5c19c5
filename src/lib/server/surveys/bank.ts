/**
 * The question bank: ready-made questions, each with a theme and a dimension, in parent-carer and
 * easy-read wording. Officers add them to questionnaires; the demo seed builds from it too.
 */
import { optionValue } from '$lib/questions/options';
import { questionType } from '$lib/questions/registry';
import type {
	Dimension,
	QuestionKind,
	QuestionOption,
	QuestionSettings
} from '$lib/questions/types';
import type { Audience } from '../db/schema';
import bank from './question-bank.json';

export interface BankQuestion {
	id: string;
	key: string;
	theme: string | null;
	dimension: Dimension | null;
	kind: QuestionKind;
	prompt: string;
	easyRead: string | null;
	/** The scale code from the bank (A5, E3, R5, T, L), if any. */
	scale: string | null;
	/** The one audience the question is written for (null: either). */
	audience: Audience | null;
	options: QuestionOption[];
	settings: QuestionSettings;
}

/** The fields of a new question, before it has a survey, id and position. */
export type QuestionDraft = Omit<BankQuestion, 'id' | 'scale' | 'audience'> & {
	hint: string | null;
	required: boolean;
	section: string | null;
};

type BankScale = {
	kind: string;
	options: string[];
	positive?: string[];
	notApplicable?: string;
	faces?: boolean;
};
const scales = bank.scales as Record<string, BankScale>;

function scaleOptions(code: string): QuestionOption[] {
	const scale = scales[code];
	if (!scale) throw new Error(`Unknown bank scale ${code}`);
	const options: QuestionOption[] = scale.options.map((label) => ({
		value: optionValue(label),
		label,
		...(scale.positive?.includes(label) ? { positive: true } : {})
	}));
	if (scale.notApplicable) {
		options.push({
			value: optionValue(scale.notApplicable),
			label: scale.notApplicable,
			notApplicable: true
		});
	}
	return options;
}

function listOptions(labels: string[]): QuestionOption[] {
	return labels.map((label) => ({ value: optionValue(label), label }));
}

/** Every lived-experience, co-production, access and outcomes question in the bank. */
export function bankQuestions(): BankQuestion[] {
	return bank.questions.map((q) => {
		const scale = 'scale' in q && q.scale ? q.scale : null;
		const options = scale ? scaleOptions(scale) : listOptions(('options' in q && q.options) || []);
		const kind = (scale ? scales[scale]!.kind : (q as { kind?: string }).kind) as QuestionKind;
		return {
			id: q.id,
			key: q.key,
			theme: q.theme,
			dimension: q.dimension as Dimension,
			kind,
			prompt: q.parentCarer,
			easyRead: q.easyRead,
			scale,
			audience: null,
			options,
			settings: {}
		};
	});
}

/**
 * The about-you questions (breakdowns). District options come from the local area. Some are
 * written for one audience: whether the child has an EHC plan for parent carers, who filled it
 * in for young people (so that young people's own voice can be reported apart).
 */
export function aboutYouQuestions(districts: string[]): BankQuestion[] {
	return bank.aboutYou.map((q) => ({
		id: q.key,
		key: q.key,
		theme: null,
		dimension: 'about_you',
		kind: 'single',
		prompt: q.prompt,
		easyRead: ('easyRead' in q && q.easyRead) || null,
		scale: null,
		audience: ('audience' in q && (q.audience as Audience)) || null,
		options: listOptions(Array.isArray(q.options) ? q.options : districts),
		settings: {}
	}));
}

/** Whether a bank question may be asked of an audience. */
export function isForAudience(item: Pick<BankQuestion, 'audience'>, audience: Audience): boolean {
	return item.audience === null || item.audience === audience;
}

/** The free-text questions. */
export function freeTextQuestions(): BankQuestion[] {
	return bank.freeText.map((q) => ({
		id: q.key,
		key: q.key,
		theme: null,
		dimension: null,
		kind: 'text',
		prompt: q.prompt,
		easyRead: q.easyRead,
		scale: null,
		audience: null,
		options: [],
		settings: questionType('text').defaultSettings()
	}));
}

/**
 * A bank question as it should be asked of an audience. Young people get the easy-read wording
 * and, for agreement scales, the three-point face scale (Yes / Sometimes / No).
 */
export function questionFor(item: BankQuestion, audience: Audience): QuestionDraft {
	const youngScale = audience === 'young_person' && questionType(item.kind).canShowFaces;
	return {
		key: item.key,
		theme: item.theme,
		dimension: item.dimension,
		kind: item.kind,
		prompt: item.prompt,
		easyRead: audience === 'young_person' ? item.easyRead : null,
		options: youngScale ? scaleOptions('E3') : item.options,
		settings: youngScale ? { ...item.settings, faces: true } : item.settings,
		hint: null,
		required: questionType(item.kind).storage !== 'comments' && item.dimension !== 'about_you',
		section: null
	};
}
