import type { QuestionOption } from '../types';

export type Mood = 'happy' | 'neutral' | 'sad' | 'unsure';

/** Positive options smile, the last other option frowns, "don't know" shrugs, the rest are flat. */
export function moodOf(options: QuestionOption[], index: number): Mood {
	const option = options[index];
	if (!option) throw new Error(`No option ${index}`);
	if (option.positive) return 'happy';
	if (option.notApplicable) return 'unsure';
	const last = options.findLastIndex((o) => !o.positive && !o.notApplicable);
	return index === last ? 'sad' : 'neutral';
}
