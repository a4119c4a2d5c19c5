/**
 * Figures per question and wave, before any suppression: counts per option, the number of valid
 * answers (n: everyone who chose an option other than "does not apply / don't know") and the
 * positive share. Pure functions over plain counts, which a publication makes in one pass over the answers.
 *
 * Nothing here may reach a page, chart or file directly: every figure goes through `suppress`.
 */
import { hasPositiveShare, questionType } from '../../questions/registry';
import type { QuestionKind, QuestionOption } from '../../questions/types';

/** What summarising needs of a question. */
export interface CountedQuestion {
	id: string;
	kind: QuestionKind;
	options: QuestionOption[];
}

export interface OptionCount {
	value: string;
	label: string;
	easyRead: string | null;
	count: number;
	positive: boolean;
	notApplicable: boolean;
}

export interface QuestionFigures {
	questionId: string;
	kind: QuestionKind;
	/** Every option in the question's order, with its count (0 when nobody chose it). */
	options: OptionCount[];
	/** Valid answers: the base of every percentage. For "choose any", respondents who chose any. */
	n: number;
	/** Answers "does not apply / don't know": not part of n. */
	notApplicable: number;
	/** Valid answers that chose a positive option; null when the question has no positive option. */
	positive: number | null;
}

/**
 * Summarise one question in one wave from its counts per stored value. Values that are not among
 * the options (an option removed before opening, say) are ignored. For "choose any" questions
 * the counts do not add up to the respondents, so `answered` (respondents who chose anything
 * other than "does not apply") must be given.
 */
export function summariseQuestion(
	question: CountedQuestion,
	counts: ReadonlyMap<string, number> | Readonly<Record<string, number>>,
	answered?: number
): QuestionFigures {
	const countOf = (value: string) =>
		(counts instanceof Map ? counts.get(value) : (counts as Record<string, number>)[value]) ?? 0;
	const options: OptionCount[] = question.options.map((o) => ({
		value: o.value,
		label: o.label,
		easyRead: o.easyRead ?? null,
		count: countOf(o.value),
		positive: Boolean(o.positive) && !o.notApplicable,
		notApplicable: Boolean(o.notApplicable)
	}));
	const valid = options.filter((o) => !o.notApplicable);
	const notApplicable = sum(options.filter((o) => o.notApplicable).map((o) => o.count));
	const n =
		questionType(question.kind).summary === 'any'
			? (answered ?? 0)
			: sum(valid.map((o) => o.count));
	const positive = hasPositiveShare(question)
		? sum(valid.filter((o) => o.positive).map((o) => o.count))
		: null;
	return { questionId: question.id, kind: question.kind, options, n, notApplicable, positive };
}

export function sum(values: readonly number[]): number {
	let total = 0;
	for (const v of values) total += v;
	return total;
}
