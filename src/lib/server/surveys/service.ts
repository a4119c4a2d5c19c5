/**
 * The questionnaire builder's rules. A survey is built while it is a draft; opening it checks it
 * is complete and freezes its questions (responses keep the questions they answered), closing it
 * stops answers, and the next wave starts as a copy with the same question keys, so trends line
 * up. Every function is scoped by the officer's local area: a survey of another area is "not
 * found", never "forbidden".
 */
import { optionValue } from '$lib/questions/options';
import { copyTranslations } from './translations';
import { questionType } from '$lib/questions/registry';
import type { Question, QuestionSettings, QuestionType } from '$lib/questions/types';
import { recordAction } from '../audit';
import { inTransaction, nowIso, today, type Db } from '../db';
import type { Survey } from '../db/schema';
import { newId } from '../ids';
import {
	aboutYouQuestions,
	bankQuestions,
	freeTextQuestions,
	isForAudience,
	questionFor
} from './bank';
import { checkSurvey, type Problem } from './builder-checks';
import type {
	FormErrors,
	NewSurveyInput,
	QuestionEdit,
	SurveyDetails,
	WaveChoice,
	WaveInput
} from './input';
import { toOptions } from './input';
import { listFindingsInReportOrder } from '../areas/repository';
import { areaList } from '../areas/service';
import { moveInList, type Direction } from '../ordering';
import * as repo from './repository';

export type { Problem };

/** Who is acting: the signed-in officer (ids only; the guard has checked the role). */
export interface Actor {
	id: string;
	localAreaId: string;
}

export type Failure = {
	ok: false;
	status: 400 | 404 | 409 | 410;
	errors: FormErrors;
	problems?: Problem[];
};
export type Outcome<T extends object = object> = ({ ok: true } & T) | Failure;

const notFound: Failure = { ok: false, status: 404, errors: { '': 'Not found' } };

function invalid(errors: FormErrors, status: 400 | 409 = 400): Failure {
	return { ok: false, status, errors };
}

export const FROZEN_MESSAGE: Record<'open' | 'closed', string> = {
	open: 'This questionnaire is open, so its questions and details are frozen. To change them, copy it as the next wave.',
	closed:
		'This questionnaire is closed, so its questions and details are frozen. To ask again, copy it as the next wave.'
};

/** The survey if it is this area's and still a draft; otherwise why not. */
async function draftSurvey(db: Db, actor: Actor, surveyId: string): Promise<Survey | Failure> {
	const survey = await repo.findAreaSurvey(db, actor.localAreaId, surveyId);
	if (!survey) return notFound;
	if (survey.status !== 'draft') return invalid({ '': FROZEN_MESSAGE[survey.status] }, 409);
	return survey;
}

function isFailure(value: unknown): value is Failure {
	return typeof value === 'object' && value !== null && (value as Failure).ok === false;
}

// ---- waves ------------------------------------------------------------------------------------

export async function createWave(
	db: Db,
	actor: Actor,
	input: WaveInput
): Promise<Outcome<{ waveId: string }>> {
	if (await repo.findWaveByName(db, actor.localAreaId, input.name)) {
		return invalid({ name: `There is already a wave called “${input.name}”` });
	}
	const waveId = newId();
	await inTransaction(db, async (trx) => {
		await repo.insertWave(trx, {
			id: waveId,
			localAreaId: actor.localAreaId,
			name: input.name,
			startsOn: input.startsOn,
			endsOn: null,
			position: await repo.nextWavePosition(trx, actor.localAreaId)
		});
		await recordAction(trx, actor, 'wave.created', 'wave', waveId, { name: input.name });
	});
	return { ok: true, waveId };
}

/** An existing wave of the area, or a new one made now (its errors keyed as the form's fields). */
async function resolveWave(
	db: Db,
	actor: Actor,
	choice: WaveChoice
): Promise<{ ok: true; waveId: string; startsOn: string } | Failure> {
	if ('waveId' in choice) {
		const wave = await repo.findAreaWave(db, actor.localAreaId, choice.waveId);
		if (!wave) return invalid({ waveId: 'Choose a wave from the list' });
		return { ok: true, waveId: wave.id, startsOn: wave.startsOn };
	}
	const made = await createWave(db, actor, choice.newWave);
	if (!made.ok) return invalid({ newWaveName: made.errors.name ?? 'Check the new wave' });
	return { ok: true, waveId: made.waveId, startsOn: choice.newWave.startsOn };
}

const AUDIENCE_WORDS = { parent_carer: 'parent carers', young_person: 'young people' } as const;

async function waveHasAudience(db: Db, waveId: string, audience: Survey['audience']) {
	return (await repo.surveyInWave(db, waveId, audience)) !== undefined;
}

// ---- surveys ----------------------------------------------------------------------------------

export async function createSurvey(
	db: Db,
	actor: Actor,
	input: NewSurveyInput
): Promise<Outcome<{ surveyId: string }>> {
	return inTransactionOrFail(db, async (trx) => {
		const wave = await resolveWave(trx, actor, input.wave);
		if (!wave.ok) return wave;
		// One questionnaire per audience per wave: charts and trends compare waves like for like.
		if (await waveHasAudience(trx, wave.waveId, input.audience)) {
			return invalid({
				waveId: `This wave already has a questionnaire for ${AUDIENCE_WORDS[input.audience]}`
			});
		}
		const surveyId = newId();
		await repo.insertSurvey(trx, {
			id: surveyId,
			localAreaId: actor.localAreaId,
			waveId: wave.waveId,
			audience: input.audience,
			title: input.title,
			intro: input.intro,
			status: 'draft',
			accessMode: input.accessMode,
			opensOn: input.opensOn,
			closesOn: input.closesOn,
			resultsOn: input.resultsOn,
			copiedFromId: null,
			createdAt: nowIso(),
			openedAt: null,
			closedAt: null
		});
		await recordAction(trx, actor, 'survey.created', 'survey', surveyId, {
			audience: input.audience
		});
		return { ok: true, surveyId };
	});
}

export async function updateDetails(
	db: Db,
	actor: Actor,
	surveyId: string,
	details: SurveyDetails
): Promise<Outcome> {
	const survey = await draftSurvey(db, actor, surveyId);
	if (isFailure(survey)) return survey;
	await repo.updateSurvey(db, actor.localAreaId, survey.id, details);
	return { ok: true };
}

/** Problems that would stop this survey opening today (none: it can open). */
export async function openingProblems(db: Db, survey: Survey, on = today()): Promise<Problem[]> {
	const questions = await repo.listQuestions(db, survey.id);
	const links = await repo.listSurveyLinks(db, survey.id);
	return checkSurvey(survey, questions, links, on);
}

export async function openSurvey(
	db: Db,
	actor: Actor,
	surveyId: string,
	on = today()
): Promise<Outcome> {
	const survey = await draftSurvey(db, actor, surveyId);
	if (isFailure(survey)) return survey;
	const problems = await openingProblems(db, survey, on);
	if (problems.length > 0) {
		return {
			ok: false,
			status: 400,
			errors: { '': 'This questionnaire cannot open yet' },
			problems
		};
	}
	await inTransaction(db, async (trx) => {
		await repo.updateSurvey(trx, actor.localAreaId, survey.id, {
			status: 'open',
			openedAt: nowIso()
		});
		await recordAction(trx, actor, 'survey.opened', 'survey', survey.id);
	});
	return { ok: true };
}

export async function closeSurvey(db: Db, actor: Actor, surveyId: string): Promise<Outcome> {
	const survey = await repo.findAreaSurvey(db, actor.localAreaId, surveyId);
	if (!survey) return notFound;
	if (survey.status !== 'open') {
		return invalid({ '': 'Only an open questionnaire can be closed.' }, 409);
	}
	await inTransaction(db, async (trx) => {
		await repo.updateSurvey(trx, actor.localAreaId, survey.id, {
			status: 'closed',
			closedAt: nowIso()
		});
		// Answers in progress can no longer be sent; keeping them would keep answers for nothing.
		await trx.deleteFrom('drafts').where('surveyId', '=', survey.id).execute();
		await recordAction(trx, actor, 'survey.closed', 'survey', survey.id);
	});
	return { ok: true };
}

/**
 * "Copy as next wave": a new draft in another wave with the same questions (keys, options,
 * settings, order) and the same finding links. Dates move to the wave's start, keeping the
 * length of the fieldwork and the gap before results.
 */
export async function copySurvey(
	db: Db,
	actor: Actor,
	surveyId: string,
	choice: WaveChoice
): Promise<Outcome<{ surveyId: string }>> {
	const source = await repo.findAreaSurvey(db, actor.localAreaId, surveyId);
	if (!source) return notFound;
	return inTransactionOrFail(db, async (trx) => {
		const wave = await resolveWave(trx, actor, choice);
		if (!wave.ok) return wave;
		if (await waveHasAudience(trx, wave.waveId, source.audience)) {
			return invalid({
				waveId: `That wave already has a questionnaire for ${AUDIENCE_WORDS[source.audience]}. Choose or add another wave.`
			});
		}
		const copyId = newId();
		const opensOn = wave.startsOn;
		const closesOn = addDays(opensOn, daysBetween(source.opensOn, source.closesOn));
		await repo.insertSurvey(trx, {
			id: copyId,
			localAreaId: actor.localAreaId,
			waveId: wave.waveId,
			audience: source.audience,
			title: source.title,
			intro: source.intro,
			status: 'draft',
			accessMode: source.accessMode,
			opensOn,
			closesOn,
			resultsOn: source.resultsOn
				? addDays(closesOn, daysBetween(source.closesOn, source.resultsOn))
				: null,
			copiedFromId: source.id,
			createdAt: nowIso(),
			openedAt: null,
			closedAt: null
		});
		await copyQuestions(trx, source.id, copyId);
		// The same keys in every wave, so the translations carry over; any string the officer
		// then changes in English is reported missing until it is translated again.
		await copyTranslations(trx, source.id, copyId);
		await recordAction(trx, actor, 'survey.copied', 'survey', copyId, { from: source.id });
		return { ok: true, surveyId: copyId };
	});
}

async function copyQuestions(db: Db, fromId: string, toId: string): Promise<void> {
	const questions = await repo.listQuestions(db, fromId);
	const links = await repo.listSurveyLinks(db, fromId);
	const newIds = new Map(questions.map((q) => [q.id, newId()]));
	await repo.insertQuestions(
		db,
		questions.map((q) => ({ ...toRow(q), id: newIds.get(q.id)!, surveyId: toId }))
	);
	await repo.insertQuestionLinks(
		db,
		links.map((l) => ({ questionId: newIds.get(l.questionId)!, findingId: l.findingId }))
	);
}

function toRow(q: Question) {
	return {
		position: q.position,
		section: q.section,
		kind: q.kind,
		key: q.key,
		dimension: q.dimension,
		theme: q.theme,
		prompt: q.prompt,
		easyRead: q.easyRead,
		hint: q.hint,
		required: q.required ? (1 as const) : (0 as const),
		options: JSON.stringify(q.options),
		settings: JSON.stringify(q.settings)
	};
}

// ---- questions --------------------------------------------------------------------------------

/** Every item of the bank as offered to this area (district options are the area's own). */
export async function bankItems(db: Db, areaId: string) {
	const districts = await areaList(db, areaId, 'districts');
	return [...bankQuestions(), ...aboutYouQuestions(districts), ...freeTextQuestions()];
}

/**
 * Add bank questions at the end, each linked to the area's current findings of its theme (the
 * officer can change the links). Refused as a whole if any is unknown or already there.
 */
export async function addBankQuestions(
	db: Db,
	actor: Actor,
	surveyId: string,
	itemIds: string[]
): Promise<Outcome<{ added: number }>> {
	const survey = await draftSurvey(db, actor, surveyId);
	if (isFailure(survey)) return survey;
	const bank = await bankItems(db, actor.localAreaId);
	const items = itemIds.map((id) =>
		bank.find((b) => b.id === id && isForAudience(b, survey.audience))
	);
	if (items.some((item) => !item)) return invalid({ item: 'Choose questions from the bank list' });
	const existing = new Set((await repo.listQuestions(db, survey.id)).map((q) => q.key));
	const clash = items.find((item) => existing.has(item!.key));
	if (clash) {
		return invalid({ item: `“${clash.prompt}” is already in this questionnaire` });
	}
	const findings = (await listFindingsInReportOrder(db, actor.localAreaId)).filter(
		(f) => !f.archived
	);
	await inTransaction(db, async (trx) => {
		const drafts = items.map((item) => questionFor(item!, survey.audience));
		const position = await repo.nextQuestionPosition(trx, survey.id);
		await repo.insertDraftQuestions(trx, survey.id, drafts, findings, position);
	});
	return { ok: true, added: items.length };
}

/** A new question of any kind, with the kind's starting options; its key comes from its words. */
export async function addQuestion(
	db: Db,
	actor: Actor,
	surveyId: string,
	input: { kind: string; prompt: string }
): Promise<Outcome<{ questionId: string }>> {
	const survey = await draftSurvey(db, actor, surveyId);
	if (isFailure(survey)) return survey;
	const type = questionType(input.kind);
	const questions = await repo.listQuestions(db, survey.id);
	const questionId = newId();
	await repo.insertQuestions(db, [
		{
			id: questionId,
			surveyId: survey.id,
			position: await repo.nextQuestionPosition(db, survey.id),
			section: null,
			kind: type.kind,
			key: uniqueSlug(
				optionValue(input.prompt).slice(0, 40),
				questions.map((q) => q.key)
			),
			dimension: null,
			theme: null,
			prompt: input.prompt,
			easyRead: null,
			hint: null,
			required: type.storage === 'comments' ? 0 : 1,
			options: JSON.stringify(type.defaultOptions()),
			settings: JSON.stringify(type.defaultSettings())
		}
	]);
	return { ok: true, questionId };
}

/** `base`, or `base-2`, `base-3`… whichever is not taken. */
function uniqueSlug(base: string, taken: string[]): string {
	const used = new Set(taken);
	let candidate = base;
	for (let n = 2; used.has(candidate); n++) candidate = `${base}-${n}`;
	return candidate;
}

/** Settings that mean something for a kind; the rest are dropped. Any kind may have a video. */
function settingsFor(type: QuestionType, settings: QuestionSettings): QuestionSettings {
	const kept = type.keepSettings(settings);
	return settings.signVideo ? { ...kept, signVideo: settings.signVideo } : kept;
}

export async function updateQuestion(
	db: Db,
	actor: Actor,
	surveyId: string,
	questionId: string,
	edit: QuestionEdit
): Promise<Outcome> {
	const survey = await draftSurvey(db, actor, surveyId);
	if (isFailure(survey)) return survey;
	const question = await repo.findAreaQuestion(db, actor.localAreaId, survey.id, questionId);
	if (!question) return notFound;
	const others = (await repo.listQuestions(db, survey.id)).filter((q) => q.id !== question.id);
	if (others.some((q) => q.key === edit.key)) {
		return invalid({ key: `Another question already has the key “${edit.key}”` });
	}
	const type = questionType(question.kind);
	// A posted value that is not one of the question's own is treated as a new option.
	const known = new Set(question.options.map((o) => o.value));
	const rows = edit.options.map((row) => (known.has(row.value) ? row : { ...row, value: '' }));
	const kept = rows.filter((row) => !row.remove);
	const options = type.hasOptions
		? toOptions(rows, (label) =>
				uniqueSlug(optionValue(label), kept.map((r) => r.value).filter(Boolean))
			)
		: [];
	const updated: Question = {
		...question,
		key: edit.key,
		prompt: edit.prompt,
		easyRead: edit.easyRead,
		hint: edit.hint,
		required: edit.required,
		dimension: edit.dimension,
		theme: edit.theme,
		section: edit.section,
		options: dedupeValues(options),
		settings: settingsFor(type, edit.settings)
	};
	const problems = type.checkDefinition(updated);
	if (problems.length > 0) return invalid({ [type.definitionField]: problems.join(' ') });
	await repo.updateQuestionRow(db, survey.id, question.id, {
		...toRow(updated),
		position: question.position
	});
	return { ok: true };
}

/** Two new options with the same words would get the same value; number the later ones. */
function dedupeValues(options: Question['options']): Question['options'] {
	const seen = new Set<string>();
	return options.map((option) => {
		const value = uniqueSlug(option.value, [...seen]);
		seen.add(value);
		return value === option.value ? option : { ...option, value };
	});
}

/** Link a question to findings; only this area's findings can be chosen. */
export async function setQuestionFindings(
	db: Db,
	actor: Actor,
	surveyId: string,
	questionId: string,
	findingIds: string[]
): Promise<Outcome> {
	const survey = await draftSurvey(db, actor, surveyId);
	if (isFailure(survey)) return survey;
	const question = await repo.findAreaQuestion(db, actor.localAreaId, survey.id, questionId);
	if (!question) return notFound;
	const areaFindings = new Set(
		(await listFindingsInReportOrder(db, actor.localAreaId)).map((f) => f.id)
	);
	if (findingIds.some((id) => !areaFindings.has(id))) {
		return invalid({ finding: 'Choose findings from this local area’s list' });
	}
	await inTransaction(db, (trx) => repo.replaceQuestionLinks(trx, question.id, findingIds));
	return { ok: true };
}

/** Swap a question with its neighbour above or below (nothing happens at either end). */
export async function moveQuestion(
	db: Db,
	actor: Actor,
	surveyId: string,
	questionId: string,
	direction: Direction
): Promise<Outcome> {
	const survey = await draftSurvey(db, actor, surveyId);
	if (isFailure(survey)) return survey;
	const questions = await repo.listQuestions(db, survey.id);
	const index = questions.findIndex((q) => q.id === questionId);
	if (index === -1) return notFound;
	await inTransaction(db, async (trx) => {
		// Positions are renumbered as a whole, so gaps left by deletions never stall a move.
		const order = moveInList(
			questions.map((q) => q.id),
			questionId,
			direction
		);
		for (const [position, id] of order.entries()) {
			await repo.updateQuestionRow(trx, survey.id, id, { position });
		}
	});
	return { ok: true };
}

export async function deleteQuestion(
	db: Db,
	actor: Actor,
	surveyId: string,
	questionId: string
): Promise<Outcome> {
	const survey = await draftSurvey(db, actor, surveyId);
	if (isFailure(survey)) return survey;
	const question = await repo.findAreaQuestion(db, actor.localAreaId, survey.id, questionId);
	if (!question) return notFound;
	await inTransaction(db, (trx) => repo.deleteQuestionRow(trx, survey.id, question.id));
	return { ok: true };
}

// ---- helpers ----------------------------------------------------------------------------------

/** Run work in a transaction; a Failure it returns rolls back everything it wrote. */
async function inTransactionOrFail<T extends object>(
	db: Db,
	work: (trx: Db) => Promise<Outcome<T>>
): Promise<Outcome<T>> {
	try {
		return await inTransaction(db, async (trx) => {
			const outcome = await work(trx);
			if (!outcome.ok) throw new RolledBack(outcome);
			return outcome;
		});
	} catch (error) {
		if (error instanceof RolledBack) return error.failure;
		throw error;
	}
}

class RolledBack extends Error {
	constructor(readonly failure: Failure) {
		super('rolled back');
	}
}

function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(to) - Date.parse(from)) / 86400000);
}

function addDays(date: string, days: number): string {
	return new Date(Date.parse(date) + days * 86400000).toISOString().slice(0, 10);
}
