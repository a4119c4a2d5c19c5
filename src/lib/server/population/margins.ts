/**
 * The breakdowns ("margins") an area's population is counted by: primary need, age band, and
 * EHC plan or SEN support. Their groups are the options of the standard about-you questions of
 * the same keys, so a respondent's answer and a population count meet on the option's value.
 * "Not sure" is an answer, not a group of children: it has no population count, and a family who
 * gives it counts as not having answered that question (see insights/weighting.ts).
 */
import type { PopulationMargin } from '../db/schema';
import { aboutYouQuestions } from '../surveys/bank';

export const MARGIN_KEYS = [
	'need',
	'age-band',
	'ehc-plan'
] as const satisfies readonly PopulationMargin[];

/** Answers that are no group of the population. */
export const OUTSIDE_POPULATION: ReadonlySet<string> = new Set(['not-sure']);

const LABELS: Record<PopulationMargin, string> = {
	need: 'Main area of need',
	'age-band': 'Age band',
	'ehc-plan': 'EHC plan or SEN support'
};

export interface MarginDefinition {
	key: PopulationMargin;
	label: string;
	categories: readonly { value: string; label: string }[];
}

export const MARGINS: readonly MarginDefinition[] = MARGIN_KEYS.map((key) => {
	const question = aboutYouQuestions([]).find((q) => q.key === key);
	if (!question) throw new Error(`The question bank has no about-you question ${key}`);
	return {
		key,
		label: LABELS[key],
		categories: question.options
			.filter((o) => !OUTSIDE_POPULATION.has(o.value))
			.map((o) => ({ value: o.value, label: o.label }))
	};
});

export function marginOf(key: string): MarginDefinition | undefined {
	return MARGINS.find((m) => m.key === key);
}

export function isMarginKey(key: string): key is PopulationMargin {
	return (MARGIN_KEYS as readonly string[]).includes(key);
}

export function categoryLabel(margin: PopulationMargin, value: string): string {
	return marginOf(margin)?.categories.find((c) => c.value === value)?.label ?? value;
}
