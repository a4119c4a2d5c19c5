/**
 * What stops a questionnaire opening. Pure: it looks at the survey, its questions and their
 * finding links, and lists every problem at once so the officer can fix them in one pass.
 */
import { questionType } from '$lib/questions/registry';
import type { Question } from '$lib/questions/types';
import type { Survey } from '../db/schema';

export interface Problem {
	message: string;
	/** The question the problem is about, so the page can link to it. */
	questionId?: string;
	/** The survey field the problem is about (opensOn, closesOn, resultsOn). */
	field?: string;
}

/** Questions whose answers only mean something against an inspection finding. */
const NEEDS_FINDING = new Set(['lived_experience', 'co_production']);

export function checkSurvey(
	survey: Pick<Survey, 'opensOn' | 'closesOn' | 'resultsOn'>,
	questions: Question[],
	links: { questionId: string }[],
	on: string
): Problem[] {
	return [
		...checkDates(survey, on),
		...(questions.length === 0 ? [{ message: 'Add at least one question.' }] : []),
		...checkKeys(questions),
		...questions.flatMap((question) => checkQuestion(question, links))
	];
}

function checkDates(
	survey: Pick<Survey, 'opensOn' | 'closesOn' | 'resultsOn'>,
	on: string
): Problem[] {
	const problems: Problem[] = [];
	if (survey.closesOn < survey.opensOn) {
		problems.push({
			field: 'closesOn',
			message: 'The closing date must be the same as or after the opening date.'
		});
	}
	if (survey.closesOn < on) {
		problems.push({
			field: 'closesOn',
			message: 'The closing date has passed. Choose a closing date from today onwards.'
		});
	}
	if (survey.resultsOn !== null && survey.resultsOn <= survey.closesOn) {
		problems.push({
			field: 'resultsOn',
			message: 'The date results will be shared must be after the closing date.'
		});
	}
	return problems;
}

function checkKeys(questions: Question[]): Problem[] {
	const seen = new Set<string>();
	const problems: Problem[] = [];
	for (const question of questions) {
		if (seen.has(question.key)) {
			problems.push({
				questionId: question.id,
				message: `Two questions have the key “${question.key}”. Each key must be different.`
			});
		}
		seen.add(question.key);
	}
	return problems;
}

function checkQuestion(question: Question, links: { questionId: string }[]): Problem[] {
	const problems: Problem[] = questionType(question.kind)
		.checkDefinition(question)
		.map((message) => ({ questionId: question.id, message }));
	if (
		question.dimension &&
		NEEDS_FINDING.has(question.dimension) &&
		!links.some((l) => l.questionId === question.id)
	) {
		problems.push({
			questionId: question.id,
			message: `“${short(question.prompt)}” is a ${question.dimension.replace('_', '-')} question, so link it to at least one finding.`
		});
	}
	return problems;
}

function short(text: string): string {
	return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
