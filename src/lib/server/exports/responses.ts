/**
 * The responses file: one row per response, answers in question order under their question keys,
 * for officers only. Nothing in it may point at a family:
 *
 * - no response ids, no submission dates (only the wave and its dates), no channel;
 * - about-you answers only in a form where every group they make has at least the base (see
 *   about-you.ts), otherwise coarsened or left out, and the metadata file says which;
 * - free text only once an officer has reviewed (and where needed redacted) it;
 * - rows in random order. Response ids are random, so id order already says nothing about when a
 *   response came; the file is read in keyset pages of ids (index responses(survey_id, id))
 *   starting at a random point and wrapping round, and each page is shuffled again, so two
 *   downloads never share an order either. A salted hash ordered in SQL would shuffle fully, but
 *   the database would sort every response before the first byte, and SQLite's one connection
 *   would be held for the whole download; pages keep memory flat and the connection free between
 *   them.
 */
import { randomInt } from 'node:crypto';
import { optionLabel, promptFor } from '$lib/questions/options';
import { questionType } from '$lib/questions/registry';
import type { Question } from '$lib/questions/types';
import type { Db } from '../db';
import { newId } from '../ids';
import { listQuestions } from '../surveys/repository';
import { NOT_ANSWERED, planAboutYou, type AboutYouPlan, type Treatment } from './about-you';
import { timePeriod, type ExportArea } from './context';
import type { CsvCell, CsvColumn, CsvRow } from './csv';
import {
	answerCombinations,
	answersInRange,
	commentsInRange,
	responseIdPage,
	type ExportSurvey,
	type IdRange
} from './repository';

/** Responses read per page: about 30,000 answer rows, a few megabytes at most. */
export const RESPONSE_PAGE = 1000;

/** An about-you question can be grouped only when it takes one answer. */
const SINGLE_ANSWER = new Set(['single', 'yes_no', 'scale']);

export const UNREVIEWED = '[x]';

export type ColumnTreatment =
	Treatment | { kind: 'unsupported' } | { kind: 'answer' } | { kind: 'reviewed-text' };

export interface ResponsesPlan {
	survey: ExportSurvey;
	questions: Question[];
	/** Questions with a column in the file, in order. */
	included: Question[];
	treatments: Map<string, ColumnTreatment>;
	aboutYou: { questions: Question[]; plan: AboutYouPlan };
	columns: CsvColumn[];
	minBase: number;
}

/** Decides the columns of a survey's responses file (one GROUP BY over its about-you answers). */
export async function planResponses(
	db: Db,
	area: ExportArea,
	survey: ExportSurvey
): Promise<ResponsesPlan> {
	const questions = await listQuestions(db, survey.id);
	const groupable = questions.filter(
		(q) => q.dimension === 'about_you' && SINGLE_ANSWER.has(q.kind)
	);
	const combinations = await answerCombinations(
		db,
		survey.id,
		groupable.map((q) => q.id)
	);
	const plan = planAboutYou(
		groupable.map((q) => ({ id: q.id, options: q.options })),
		combinations,
		area.rules.minBase
	);
	const treatments = new Map<string, ColumnTreatment>();
	for (const column of plan.columns) treatments.set(column.questionId, column.treatment);
	for (const q of questions) {
		if (treatments.has(q.id)) continue;
		if (q.dimension === 'about_you') treatments.set(q.id, { kind: 'unsupported' });
		else if (questionType(q.kind).storage === 'comments')
			treatments.set(q.id, { kind: 'reviewed-text' });
		else treatments.set(q.id, { kind: 'answer' });
	}
	const dropped = (q: Question) => {
		const kind = treatments.get(q.id)!.kind;
		return kind === 'dropped' || kind === 'unsupported';
	};
	const included = questions.filter((q) => !dropped(q));
	return {
		survey,
		questions,
		included,
		treatments,
		aboutYou: { questions: groupable, plan },
		columns: [
			{ key: 'time_period', header: 'time_period' },
			{ key: 'wave', header: 'wave' },
			...included.map((q) => ({ key: `q:${q.id}`, header: q.key }))
		],
		minBase: area.rules.minBase
	};
}

/** How one column's cell is written from a response's values. */
type Writer =
	| { kind: 'about'; index: number }
	| { kind: 'text'; questionId: string }
	| { kind: 'number'; slot: number }
	| { kind: 'choice'; slot: number; labels: Map<string, string> }
	| { kind: 'multi'; slot: number; question: Question };

/** The rows (as cells in column order), in random order, read page by page. */
export async function* responseRows(
	db: Db,
	plan: ResponsesPlan,
	pageSize = RESPONSE_PAGE
): AsyncGenerator<CsvCell[]> {
	const fixed = [timePeriod(plan.survey), plan.survey.waveName];
	const questionIds = plan.questions.map((q) => q.id);
	const slots = new Map(questionIds.map((id, i) => [id, i]));
	const aboutSlots = plan.aboutYou.questions.map((q) => slots.get(q.id)!);
	const writers = writersOf(plan, slots);
	const start = newId();
	// From a random id to the end, then from the beginning up to it.
	for (const first of [{ from: start }, { before: start }] as IdRange[]) {
		let range: IdRange = first;
		for (;;) {
			const ids = await responseIdPage(db, plan.survey.id, range, pageSize);
			if (ids.length === 0) break;
			const [answers, comments] = await Promise.all([
				answersInRange(db, plan.survey.id, ids[0]!, ids.at(-1)!),
				commentsInRange(db, ids[0]!, ids.at(-1)!)
			]);
			const text = new Map<string, string>();
			for (const c of comments) {
				text.set(
					`${c.responseId}\u0000${c.questionId}`,
					c.status === 'reviewed' ? (c.body ?? '') : UNREVIEWED
				);
			}
			const rows: CsvCell[][] = [];
			let next = 0;
			// Both lists are in id order: walk them together.
			for (const id of ids) {
				const values: (string[] | undefined)[] = new Array(questionIds.length);
				while (next < answers.length && answers[next]!.responseId < id) next++;
				for (; next < answers.length && answers[next]!.responseId === id; next++) {
					const slot = slots.get(answers[next]!.questionId)!;
					(values[slot] ??= []).push(answers[next]!.value);
				}
				const about = plan.aboutYou.plan.cellsFor(aboutSlots.map((s) => values[s]?.[0] ?? null));
				// Its about-you group was not there when the columns were decided: leave it out.
				if (about === null) continue;
				const row: CsvCell[] = [...fixed];
				for (const w of writers) row.push(cellOf(w, values, about, text, id));
				rows.push(row);
			}
			shuffle(rows);
			yield* rows;
			if (ids.length < pageSize) break;
			range = { after: ids.at(-1)!, before: first.before };
		}
	}
}

function writersOf(plan: ResponsesPlan, slots: Map<string, number>): Writer[] {
	const kept = plan.aboutYou.plan.columns
		.filter((c) => c.treatment.kind !== 'dropped')
		.map((c) => c.questionId);
	return plan.included.map((q): Writer => {
		const slot = slots.get(q.id)!;
		if (kept.includes(q.id)) return { kind: 'about', index: kept.indexOf(q.id) };
		if (questionType(q.kind).storage === 'comments') return { kind: 'text', questionId: q.id };
		if (q.kind === 'number') return { kind: 'number', slot };
		if (q.kind === 'multi') return { kind: 'multi', slot, question: q };
		return { kind: 'choice', slot, labels: new Map(q.options.map((o) => [o.value, o.label])) };
	});
}

function cellOf(
	w: Writer,
	values: (string[] | undefined)[],
	about: string[],
	text: Map<string, string>,
	responseId: string
): CsvCell {
	switch (w.kind) {
		case 'about':
			return about[w.index];
		case 'text':
			return text.get(`${responseId}\u0000${w.questionId}`) ?? '';
		case 'number': {
			const n = Number(values[w.slot]?.[0] ?? NaN);
			return Number.isFinite(n) ? n : '';
		}
		case 'choice': {
			const value = values[w.slot]?.[0];
			return value === undefined ? '' : (w.labels.get(value) ?? value);
		}
		case 'multi': {
			const chosen = values[w.slot];
			return chosen ? questionType('multi').display(w.question, chosen) : '';
		}
	}
}

/** Fisher–Yates with a cryptographic source: the order must not be guessable either. */
function shuffle<T>(items: T[]): void {
	for (let i = items.length - 1; i > 0; i--) {
		const j = randomInt(i + 1);
		[items[i], items[j]] = [items[j]!, items[i]!];
	}
}

// ---- the metadata file of the responses file -----------------------------------------------------

export const RESPONSES_METADATA_COLUMNS: CsvColumn[] = [
	'column',
	'question_text',
	'kind',
	'dimension',
	'options',
	'in_this_file'
].map((name) => ({ key: name, header: name }));

/** One row per column of the responses file (and per question left out), then the notes. */
export function responsesMetadataRows(plan: ResponsesPlan): CsvRow[] {
	const young = plan.survey.audience === 'young_person';
	const rows: CsvRow[] = [
		{
			column: 'time_period',
			question_text: '',
			kind: 'date range',
			dimension: '',
			options: '',
			in_this_file:
				'The first and last day of the wave (ISO 8601, YYYY-MM-DD/YYYY-MM-DD). No response carries its own date.'
		},
		{
			column: 'wave',
			question_text: '',
			kind: 'text',
			dimension: '',
			options: '',
			in_this_file: 'The name of the wave the questionnaire belongs to.'
		}
	];
	for (const q of plan.questions) {
		rows.push({
			column: q.key,
			question_text: promptFor(q, young),
			kind: questionType(q.kind).label,
			dimension: q.dimension ?? '',
			options: q.options.map((o) => optionLabel(o)).join('; '),
			in_this_file: treatmentText(plan.treatments.get(q.id)!, plan.minBase)
		});
	}
	const note = (column: string, text: string): CsvRow => ({
		column,
		question_text: '',
		kind: 'note',
		dimension: '',
		options: '',
		in_this_file: text
	});
	rows.push(
		note(
			'(rows)',
			'One row per response, in random order. There are no response ids and no submission dates.'
		),
		note('(blank)', 'A blank cell: the question was not answered.'),
		note(
			UNREVIEWED,
			'Free text that has not been reviewed yet: it is not in this file until an officer has read it.'
		),
		note(
			'[redacted]',
			'Personal details (names, contact details, school names) removed from free text by the reviewing officer.'
		)
	);
	return rows;
}

function treatmentText(treatment: ColumnTreatment, minBase: number): string {
	switch (treatment.kind) {
		case 'answer':
			return 'As answered (the words of the chosen options; several separated by "; ").';
		case 'reviewed-text':
			return 'Reviewed free text only, with personal details replaced by [redacted].';
		case 'asked':
			return `About you: as answered. Every group it forms, alone and with the other about-you columns, has at least ${minBase} responses.`;
		case 'coarsened':
			return `About you: coarsened. "Other/combined" stands for: ${treatment.merged.join('; ')}, so that every group, alone and with the other about-you columns, has at least ${minBase} responses.${treatment.merged.includes(NOT_ANSWERED) ? '' : ' A blank cell: not answered.'}`;
		case 'dropped':
			return `Left out: some groups it forms (alone or with the other about-you columns) would have fewer than ${minBase} responses, even after combining.`;
		case 'unsupported':
			return 'Left out: about-you answers of this kind cannot be grouped safely.';
	}
}
