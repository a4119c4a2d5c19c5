/**
 * A journey is the order of pages a respondent walks through. Parent carers see one section per
 * page; young people see one question per page (easy read). Pages are numbered from 1.
 */
import type { Audience } from '../db/schema';
import { questionType } from '$lib/questions/registry';
import type { Question } from '$lib/questions/types';

export interface JourneyPage {
	number: number;
	/** Section heading for parent pages; null on one-question pages. */
	title: string | null;
	questions: Question[];
}

export function buildJourney(audience: Audience, questions: Question[]): JourneyPage[] {
	const pages: JourneyPage[] = [];
	for (const question of questions) {
		const last = pages.at(-1);
		const sameSection =
			audience === 'parent_carer' && last && last.title === (question.section ?? null);
		if (sameSection) last.questions.push(question);
		else
			pages.push({
				number: pages.length + 1,
				title: audience === 'parent_carer' ? (question.section ?? null) : null,
				questions: [question]
			});
	}
	return pages;
}

/** A rough time to answer, for the start page: each kind says how long one question takes. */
export function minutesToAnswer(questions: Question[]): number {
	const seconds = questions.reduce((sum, q) => sum + questionType(q.kind).secondsToAnswer, 0);
	return Math.max(2, Math.ceil(seconds / 60));
}
