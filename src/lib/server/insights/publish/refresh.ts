/**
 * When a questionnaire's figures are published. Staff see publications, not a live feed, so
 * nobody can watch one response arrive by reloading a page:
 *
 * - the first publication waits for the area's minimum base of responses;
 * - an open questionnaire's publication is refreshed only once at least that many more have
 *   arrived since the last one, and at most once a day (the day is all a publication says of
 *   when it was made);
 * - at close there is always a final publication, whatever has arrived since;
 * - an officer may refresh early on a day with no publication yet, once the threshold is met.
 *
 * Two instances deciding at the same moment cannot both publish: a publication's sequence
 * number is unique per questionnaire, and the loser's insert is simply dropped.
 */
import { today, type Db } from '../../db';
import { newId } from '../../ids';
import { responseEncoder, ROW_FILE, rowFileOf, rowFileSurvey } from '../../exports/row-file';
import { listQuestions } from '../repository';
import { rulesFor, type Rules } from '../suppression';
import { buildFigures, type SurveyBasis } from './build';
import { latestPublication, openBasis, savePublication, type PublicationHead } from './store';
import { AnswerBook, responsePages } from './answers';
import { answerTally, surveyTallies } from './tallies';
import { TRANSLATIONS, type Language } from '$lib/i18n';
import { storedLanguages } from '../../surveys/translations';
import { releaseClosed } from '../../responses/release';
import { REMINDERS_FILE, unusedLetters } from '../../responses/reminders';

export interface RefreshState {
	/** Responses released since the last publication (all of them, before the first). */
	newResponses: number;
	/** How many new responses a refresh needs. */
	threshold: number;
	/** Whether a publication was made today already. */
	publishedToday: boolean;
	/** The latest publication, if any. */
	latest: PublicationHead | undefined;
	/** Whether a refresh may happen now. */
	due: boolean;
	final: boolean;
}

async function surveyOf(db: Db, surveyId: string) {
	return db
		.selectFrom('surveys')
		.innerJoin('localAreas', 'localAreas.id', 'surveys.localAreaId')
		.select([
			'surveys.id',
			'surveys.localAreaId',
			'surveys.status',
			'surveys.closesOn',
			'localAreas.minBase',
			'localAreas.minCount'
		])
		.where('surveys.id', '=', surveyId)
		.executeTakeFirst();
}

async function releasedResponses(db: Db, surveyId: string): Promise<number> {
	const row = await db
		.selectFrom('responses')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('surveyId', '=', surveyId)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

export async function refreshState(
	db: Db,
	surveyId: string,
	on = today()
): Promise<RefreshState | undefined> {
	const survey = await surveyOf(db, surveyId);
	return survey && stateOf(db, survey, on);
}

async function stateOf(
	db: Db,
	survey: NonNullable<Awaited<ReturnType<typeof surveyOf>>>,
	on: string
): Promise<RefreshState | undefined> {
	if (survey.status === 'draft') return undefined;
	const [latest, released] = await Promise.all([
		latestPublication(db, survey.id),
		releasedResponses(db, survey.id)
	]);
	const threshold = rulesFor(survey).minBase;
	const newResponses = released - (latest?.responses ?? 0);
	const publishedToday = latest?.madeOn === on;
	const final = latest?.final === 1;
	return {
		newResponses,
		threshold,
		publishedToday,
		latest,
		final,
		due: !final && !publishedToday && newResponses >= threshold
	};
}

/** What the results page says of the next refresh (never how many responses are waiting). */
export type NextRefresh =
	| { kind: 'final' }
	| { kind: 'due' }
	| { kind: 'tomorrow' }
	| { kind: 'waiting'; threshold: number; first: boolean };

export async function nextRefresh(
	db: Db,
	surveyId: string,
	on = today()
): Promise<NextRefresh | undefined> {
	const state = await refreshState(db, surveyId, on);
	if (!state) return undefined;
	if (state.final) return { kind: 'final' };
	if (state.due) return { kind: 'due' };
	if (state.publishedToday && state.newResponses >= state.threshold) return { kind: 'tomorrow' };
	return { kind: 'waiting', threshold: state.threshold, first: state.latest === undefined };
}

export type PublishOutcome =
	| { ok: true; publication: { id: string; sequence: number; responses: number } }
	| { ok: false; reason: 'not_due' | 'unknown' | 'raced' };

/**
 * Publishes a questionnaire's figures if a refresh is due; at close (`final`) always, once.
 */
export async function publishSurvey(
	db: Db,
	surveyId: string,
	options: { final?: boolean; on?: string } = {}
): Promise<PublishOutcome> {
	const on = options.on ?? today();
	const survey = await surveyOf(db, surveyId);
	const state = survey && (await stateOf(db, survey, on));
	if (!survey || !state) return { ok: false, reason: 'unknown' };
	if (state.final) return { ok: false, reason: 'not_due' };
	if (!options.final && !state.due) return { ok: false, reason: 'not_due' };
	const rules: Rules = rulesFor(survey);
	const earlier = state.latest ? await openBasis(db, state.latest.id) : null;
	const { tallies, figures, basis, rowFile } = await buildPublication(db, survey, rules, earlier);
	const reminders = JSON.stringify(await unusedLetters(db, surveyId));
	const publication = {
		id: newId(),
		sequence: (state.latest?.sequence ?? 0) + 1,
		responses: tallies.responses
	};
	try {
		await savePublication(db, {
			...publication,
			localAreaId: survey.localAreaId,
			surveyId,
			madeOn: on,
			final: Boolean(options.final),
			rules,
			figures,
			basis,
			files: [
				{ file: ROW_FILE, chunks: rowFile },
				{ file: REMINDERS_FILE, chunks: [reminders] }
			]
		});
	} catch (error) {
		// Another instance made this publication a moment ago.
		if (await sequenceTaken(db, surveyId, publication.sequence))
			return { ok: false, reason: 'raced' };
		throw error;
	}
	return { ok: true, publication };
}

/**
 * What a publication holds, built from one pass over the responses: the counts (tallies.ts)
 * through suppression against the previous publication's basis, and the row-level file.
 */
export async function buildPublication(
	db: Db,
	survey: { id: string; localAreaId: string },
	rules: Rules,
	earlier: SurveyBasis | null
) {
	const [questions, file, languages] = await Promise.all([
		listQuestions(db, survey.localAreaId, { surveyIds: [survey.id] }),
		rowFileSurvey(db, survey.id),
		languagesOf(db, survey.id)
	]);
	const book = new AnswerBook();
	const tally = answerTally(questions, book);
	const encode = responseEncoder(file.columns, book);
	const encoded: Uint8Array[] = [];
	for await (const page of responsePages(db, survey.id, book)) {
		for (const response of page) {
			tally.add(response);
			encoded.push(encode(response));
		}
	}
	const tallies = await surveyTallies(db, survey.id, tally.tallies());
	return {
		tallies,
		...buildFigures(questions, tallies, rules, earlier, languages),
		rowFile: rowFileOf(file, encoded, rules)
	};
}

/** English and every language the questionnaire has words in (complete or not). */
async function languagesOf(db: Db, surveyId: string): Promise<Language[]> {
	const stored = new Set(await storedLanguages(db, surveyId));
	return ['en', ...TRANSLATIONS.filter((l) => stored.has(l))];
}

async function sequenceTaken(db: Db, surveyId: string, sequence: number): Promise<boolean> {
	const row = await db
		.selectFrom('publications')
		.select('id')
		.where('surveyId', '=', surveyId)
		.where('sequence', '=', sequence)
		.executeTakeFirst();
	return row !== undefined;
}

// One refresh at a time per questionnaire in this instance; other instances are kept out by the
// unique sequence.
const building = new Set<string>();

/** Publishes, in the background, whichever of these questionnaires is due. */
export async function refreshWhereDue(db: Db, surveyIds: readonly string[]): Promise<void> {
	for (const surveyId of surveyIds) {
		if (building.has(surveyId)) continue;
		building.add(surveyId);
		try {
			await publishSurvey(db, surveyId);
		} finally {
			building.delete(surveyId);
		}
	}
}

/**
 * The round every instance runs at start and then every hour: store what waits for closed
 * questionnaires, publish their final figures, and refresh open ones that became due (a day
 * passed since a publication that left a crowd of responses waiting).
 */
export async function publicationRound(db: Db, on = today()): Promise<void> {
	await releaseClosed(db, on);
	await publishClosed(db, on);
	const open = await db.selectFrom('surveys').select('id').where('status', '=', 'open').execute();
	await refreshWhereDue(
		db,
		open.map((s) => s.id)
	);
}

/** Final publications for questionnaires that have closed (by status or by date) without one. */
export async function publishClosed(db: Db, on = today()): Promise<number> {
	const closed = await db
		.selectFrom('surveys')
		.select('id')
		.where('status', '!=', 'draft')
		.where((eb) => eb.or([eb('status', '=', 'closed'), eb('closesOn', '<', on)]))
		.where((eb) =>
			eb.not(
				eb.exists(
					eb
						.selectFrom('publications')
						.select('publications.id')
						.whereRef('publications.surveyId', '=', 'surveys.id')
						.where('publications.final', '=', 1)
				)
			)
		)
		.execute();
	let made = 0;
	for (const { id } of closed) {
		if ((await publishSurvey(db, id, { final: true, on })).ok) made += 1;
	}
	return made;
}
