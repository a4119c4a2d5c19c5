import { beforeEach, describe, expect, it } from 'vitest';
import { listTranslations, replaceTranslations } from './translations';
import type { Db } from '../db';
import { createTestDb } from '$testing/db';
import { makeArea, makeInspectionWithFindings, makeSurvey, makeWave } from '$testing/fixtures';
import { listQuestions, listSurveyLinks, findSurvey } from './repository';
import {
	FROZEN_MESSAGE,
	addBankQuestions,
	addQuestion,
	closeSurvey,
	copySurvey,
	createSurvey,
	createWave,
	deleteQuestion,
	moveQuestion,
	openSurvey,
	setQuestionFindings,
	updateDetails,
	updateQuestion,
	type Actor
} from './service';
import type { QuestionEdit } from './input';
import type { Question } from '$lib/questions/types';

let db: Db;
let actor: Actor;
let areaId: string;

beforeEach(async () => {
	db = await createTestDb();
	areaId = (await makeArea(db)).id;
	actor = { id: 'officer-1', localAreaId: areaId };
});

const details = {
	title: 'Your family’s experience',
	intro: 'Tell us what support is like.',
	opensOn: '2030-03-01',
	closesOn: '2030-04-30',
	resultsOn: '2030-06-30',
	accessMode: 'code' as const
};

async function draft(audience: 'parent_carer' | 'young_person' = 'parent_carer') {
	const made = await createSurvey(db, actor, {
		...details,
		audience,
		wave: { newWave: { name: `Wave ${audience}`, startsOn: '2030-03-01' } }
	});
	if (!made.ok) throw new Error(JSON.stringify(made.errors));
	return made.surveyId;
}

function editOf(question: Question, changes: Partial<QuestionEdit> = {}): QuestionEdit {
	return {
		key: question.key,
		prompt: question.prompt,
		easyRead: question.easyRead,
		hint: question.hint,
		required: question.required,
		dimension: question.dimension,
		theme: question.theme,
		section: question.section,
		settings: question.settings,
		options: question.options.map((o) => ({
			value: o.value,
			label: o.label,
			easyRead: o.easyRead ?? null,
			positive: o.positive ?? false,
			notApplicable: o.notApplicable ?? false,
			remove: false
		})),
		...changes
	};
}

async function auditActions() {
	const rows = await db.selectFrom('auditEvents').select('action').orderBy('createdAt').execute();
	return rows.map((r) => r.action);
}

describe('waves and new surveys', () => {
	it('creates a draft in a new wave, and lists the wave', async () => {
		const surveyId = await draft();
		const survey = (await findSurvey(db, surveyId))!;
		expect(survey).toMatchObject({ status: 'draft', localAreaId: areaId, title: details.title });
		const waves = await db.selectFrom('waves').select(['name', 'startsOn']).execute();
		expect(waves).toEqual([{ name: 'Wave parent_carer', startsOn: '2030-03-01' }]);
		expect(await auditActions()).toEqual(['wave.created', 'survey.created']);
	});

	it('refuses a second questionnaire for the same audience in a wave, and keeps nothing', async () => {
		const waveId = await makeWave(db, areaId);
		const first = await createSurvey(db, actor, {
			...details,
			audience: 'parent_carer',
			wave: { waveId }
		});
		expect(first.ok).toBe(true);
		const second = await createSurvey(db, actor, {
			...details,
			audience: 'parent_carer',
			wave: { waveId }
		});
		expect(second).toMatchObject({ ok: false, status: 400 });
		expect(!second.ok && second.errors.waveId).toMatch(/already has a questionnaire/);
		expect(await db.selectFrom('surveys').select('id').execute()).toHaveLength(1);
	});

	it('refuses a wave name used already, and another area’s wave', async () => {
		expect((await createWave(db, actor, { name: 'Spring', startsOn: '2030-01-01' })).ok).toBe(true);
		const again = await createWave(db, actor, { name: 'Spring', startsOn: '2031-01-01' });
		expect(!again.ok && again.errors.name).toMatch(/already a wave called/);

		const other = await makeArea(db);
		const theirWave = await makeWave(db, other.id);
		const made = await createSurvey(db, actor, {
			...details,
			audience: 'young_person',
			wave: { waveId: theirWave }
		});
		expect(!made.ok && made.errors.waveId).toBe('Choose a wave from the list');
	});
});

describe('building from the bank', () => {
	it('adds bank questions at the end, linked to the area’s findings of the same theme', async () => {
		const { findings } = await makeInspectionWithFindings(db, areaId, ['EHCQ', 'COPR', 'EHCQ']);
		const surveyId = await draft();

		const added = await addBankQuestions(db, actor, surveyId, ['Q03', 'district']);

		expect(added).toEqual({ ok: true, added: 2 });
		const questions = await listQuestions(db, surveyId);
		expect(questions.map((q) => [q.key, q.position])).toEqual([
			['ehc-plan-needs-accurate', 0],
			['district', 1]
		]);
		expect(questions[1]!.options.map((o) => o.label)).toEqual(['North', 'South']);
		const links = await listSurveyLinks(db, surveyId);
		expect(links.map((l) => l.findingId).sort()).toEqual([findings[0]!.id, findings[2]!.id].sort());
		expect(links.every((l) => l.questionId === questions[0]!.id)).toBe(true);
	});

	it('asks young people in easy read with the face scale', async () => {
		const surveyId = await draft('young_person');
		await addBankQuestions(db, actor, surveyId, ['Q03']);
		const [question] = await listQuestions(db, surveyId);
		expect(question!.easyRead).toBe('My plan is right about me.');
		expect(question!.settings).toEqual({ faces: true });
		expect(question!.options.map((o) => o.label)).toEqual([
			'Yes',
			'Sometimes',
			'No',
			"I don't know"
		]);
	});

	it('refuses a question already there, or not in the bank, and adds none of the batch', async () => {
		const surveyId = await draft();
		await addBankQuestions(db, actor, surveyId, ['Q03']);

		const again = await addBankQuestions(db, actor, surveyId, ['Q01', 'Q03']);
		const unknown = await addBankQuestions(db, actor, surveyId, ['Q01', 'Q999']);

		expect(!again.ok && again.errors.item).toMatch(/already in this questionnaire/);
		expect(!unknown.ok && unknown.errors.item).toBe('Choose questions from the bank list');
		expect((await listQuestions(db, surveyId)).map((q) => q.key)).toEqual([
			'ehc-plan-needs-accurate'
		]);
	});
});

describe('writing and editing questions', () => {
	it('writes a new question of any kind with its kind’s starting options and a unique key', async () => {
		const surveyId = await draft();
		const first = await addQuestion(db, actor, surveyId, { kind: 'multi', prompt: 'Which help?' });
		const second = await addQuestion(db, actor, surveyId, { kind: 'text', prompt: 'Which help?' });
		expect(first.ok && second.ok).toBe(true);
		const questions = await listQuestions(db, surveyId);
		expect(questions.map((q) => [q.kind, q.key, q.required])).toEqual([
			['multi', 'which-help', true],
			['text', 'which-help-2', false]
		]);
		expect(questions[0]!.options).toHaveLength(2);
		expect(questions[1]!.settings).toEqual({ maxLength: 1200 });
	});

	it('keeps option values stable when the words change, and gives new options a value', async () => {
		const surveyId = await draft();
		await addQuestion(db, actor, surveyId, { kind: 'single', prompt: 'Which school?' });
		const [question] = await listQuestions(db, surveyId);
		const edit = editOf(question!, {
			prompt: 'Which kind of school?',
			easyRead: 'Your school',
			dimension: 'about_you',
			section: 'About you'
		});
		edit.options[0]!.label = 'Mainstream';
		edit.options[1]!.remove = true;
		edit.options.push(
			{
				value: '',
				label: 'Special school',
				easyRead: null,
				positive: false,
				notApplicable: false,
				remove: false
			},
			{
				value: 'forged',
				label: 'Mainstream',
				easyRead: null,
				positive: false,
				notApplicable: false,
				remove: false
			}
		);

		const outcome = await updateQuestion(db, actor, surveyId, question!.id, edit);

		expect(outcome).toEqual({ ok: true });
		const [saved] = await listQuestions(db, surveyId);
		expect(saved).toMatchObject({
			prompt: 'Which kind of school?',
			easyRead: 'Your school',
			dimension: 'about_you',
			section: 'About you'
		});
		expect(saved!.options.map((o) => [o.value, o.label])).toEqual([
			['option-1', 'Mainstream'],
			['special-school', 'Special school'],
			['mainstream', 'Mainstream']
		]);
	});

	it('refuses a definition its kind rejects, and a key another question has', async () => {
		const surveyId = await draft();
		await addQuestion(db, actor, surveyId, { kind: 'scale', prompt: 'I feel heard' });
		await addQuestion(db, actor, surveyId, { kind: 'yes_no', prompt: 'Did you get a plan?' });
		const [scale, yesNo] = await listQuestions(db, surveyId);
		const noPositive = editOf(scale!);
		noPositive.options.forEach((o) => (o.positive = false));

		const refused = await updateQuestion(db, actor, surveyId, scale!.id, noPositive);
		const clash = await updateQuestion(
			db,
			actor,
			surveyId,
			yesNo!.id,
			editOf(yesNo!, { key: scale!.key })
		);

		expect(!refused.ok && refused.errors.options).toMatch(/at least one option marked as positive/);
		expect(!clash.ok && clash.errors.key).toMatch(/already has the key/);
		expect(await listQuestions(db, surveyId)).toEqual([scale, yesNo]);
	});

	it('keeps a sign-language video on any kind, beside the kind’s own settings', async () => {
		const surveyId = await draft();
		await addQuestion(db, actor, surveyId, { kind: 'text', prompt: 'Anything else?' });
		await addQuestion(db, actor, surveyId, { kind: 'yes_no', prompt: 'Did you get a plan?' });
		const [text, yesNo] = await listQuestions(db, surveyId);
		const signVideo = { url: 'https://www.essex.gov.uk/bsl/q', caption: 'Did you get a plan?' };
		for (const q of [text!, yesNo!]) {
			const edit = editOf(q, { settings: { ...q.settings, signVideo } });
			expect(await updateQuestion(db, actor, surveyId, q.id, edit)).toEqual({ ok: true });
		}
		const saved = await listQuestions(db, surveyId);
		expect(saved.map((q) => q.settings)).toEqual([{ maxLength: 1200, signVideo }, { signVideo }]);
		await updateQuestion(db, actor, surveyId, yesNo!.id, editOf(yesNo!, { settings: {} }));
		expect((await listQuestions(db, surveyId))[1]!.settings).toEqual({});
	});

	it('links a question only to findings of its own area', async () => {
		const mine = await makeInspectionWithFindings(db, areaId, ['COPR']);
		const other = await makeArea(db);
		const theirs = await makeInspectionWithFindings(db, other.id, ['COPR']);
		const surveyId = await draft();
		await addQuestion(db, actor, surveyId, { kind: 'scale', prompt: 'I feel heard' });
		const [question] = await listQuestions(db, surveyId);

		const ok = await setQuestionFindings(db, actor, surveyId, question!.id, [mine.findings[0]!.id]);
		const refused = await setQuestionFindings(db, actor, surveyId, question!.id, [
			mine.findings[0]!.id,
			theirs.findings[0]!.id
		]);

		expect(ok).toEqual({ ok: true });
		expect(refused).toMatchObject({ ok: false, status: 400 });
		expect(!refused.ok && refused.errors.finding).toMatch(/this local area/);
		expect(await listSurveyLinks(db, surveyId)).toEqual([
			{ questionId: question!.id, findingId: mine.findings[0]!.id }
		]);
	});

	it('reorders with up and down, and does nothing at either end', async () => {
		const surveyId = await draft();
		for (const prompt of ['One', 'Two', 'Three']) {
			await addQuestion(db, actor, surveyId, { kind: 'yes_no', prompt });
		}
		const [one, two, three] = await listQuestions(db, surveyId);
		await deleteQuestion(db, actor, surveyId, two!.id);
		await addQuestion(db, actor, surveyId, { kind: 'yes_no', prompt: 'Four' });
		const prompts = async () => (await listQuestions(db, surveyId)).map((q) => q.prompt);
		expect(await prompts()).toEqual(['One', 'Three', 'Four']);

		await moveQuestion(db, actor, surveyId, three!.id, 'up');
		expect(await prompts()).toEqual(['Three', 'One', 'Four']);
		await moveQuestion(db, actor, surveyId, one!.id, 'down');
		expect(await prompts()).toEqual(['Three', 'Four', 'One']);
		expect(await moveQuestion(db, actor, surveyId, three!.id, 'up')).toEqual({ ok: true });
		expect(await moveQuestion(db, actor, surveyId, one!.id, 'down')).toEqual({ ok: true });
		expect(await prompts()).toEqual(['Three', 'Four', 'One']);
		expect((await listQuestions(db, surveyId)).map((q) => q.position)).toEqual([0, 1, 2]);
	});

	it('deletes a question and its links', async () => {
		const { findings } = await makeInspectionWithFindings(db, areaId, ['EHCQ']);
		const surveyId = await draft();
		await addBankQuestions(db, actor, surveyId, ['Q03']);
		const [question] = await listQuestions(db, surveyId);
		expect(findings).toHaveLength(1);

		expect(await deleteQuestion(db, actor, surveyId, question!.id)).toEqual({ ok: true });

		expect(await listQuestions(db, surveyId)).toEqual([]);
		expect(await db.selectFrom('questionFindings').selectAll().execute()).toEqual([]);
	});
});

describe('opening', () => {
	async function readyDraft() {
		const { findings } = await makeInspectionWithFindings(db, areaId, ['EHCQ', 'COPR']);
		const surveyId = await draft();
		await addBankQuestions(db, actor, surveyId, ['Q03', 'district', 'biggest-difference']);
		return { surveyId, findings };
	}

	it('opens a complete draft and audits it', async () => {
		const { surveyId } = await readyDraft();
		expect(await openSurvey(db, actor, surveyId, '2030-03-01')).toEqual({ ok: true });
		const survey = (await findSurvey(db, surveyId))!;
		expect(survey.status).toBe('open');
		expect(survey.openedAt).not.toBeNull();
		expect(await auditActions()).toContain('survey.opened');
	});

	it('lists every problem and stays a draft', async () => {
		const surveyId = await draft();
		await addQuestion(db, actor, surveyId, { kind: 'scale', prompt: 'I feel listened to' });
		await addQuestion(db, actor, surveyId, { kind: 'single', prompt: 'Which one?' });
		const [lived, single] = await listQuestions(db, surveyId);
		await db
			.updateTable('questions')
			.set({ dimension: 'lived_experience' })
			.where('id', '=', lived!.id)
			.execute();
		await db
			.updateTable('questions')
			.set({ dimension: 'co_production', options: JSON.stringify([{ value: 'a', label: 'A' }]) })
			.where('id', '=', single!.id)
			.execute();
		await db
			.updateTable('surveys')
			.set({ opensOn: '2030-05-01', closesOn: '2030-04-01', resultsOn: '2030-03-01' })
			.where('id', '=', surveyId)
			.execute();

		const outcome = await openSurvey(db, actor, surveyId, '2030-04-15');

		expect(outcome.ok).toBe(false);
		const problems = !outcome.ok ? (outcome.problems ?? []) : [];
		expect(problems.map((p) => [p.field ?? p.questionId, p.message])).toEqual([
			['closesOn', 'The closing date must be the same as or after the opening date.'],
			['closesOn', 'The closing date has passed. Choose a closing date from today onwards.'],
			['resultsOn', 'The date results will be shared must be after the closing date.'],
			[
				lived!.id,
				'“I feel listened to” is a lived-experience question, so link it to at least one finding.'
			],
			[single!.id, '“Which one?” needs at least 2 answer options.'],
			[single!.id, '“Which one?” is a co-production question, so link it to at least one finding.']
		]);
		expect((await findSurvey(db, surveyId))!.status).toBe('draft');
		expect(await auditActions()).not.toContain('survey.opened');
	});

	it('refuses an empty questionnaire', async () => {
		const surveyId = await draft();
		const outcome = await openSurvey(db, actor, surveyId, '2030-03-01');
		expect(!outcome.ok && outcome.problems?.map((p) => p.message)).toEqual([
			'Add at least one question.'
		]);
	});

	it('freezes an open questionnaire: every edit is refused with a clear message', async () => {
		const { surveyId, findings } = await readyDraft();
		await openSurvey(db, actor, surveyId, '2030-03-01');
		const before = await listQuestions(db, surveyId);
		const links = await listSurveyLinks(db, surveyId);
		const [first, second] = before;

		const attempts = [
			await updateDetails(db, actor, surveyId, { ...details, title: 'Changed' }),
			await addBankQuestions(db, actor, surveyId, ['Q01']),
			await addQuestion(db, actor, surveyId, { kind: 'text', prompt: 'More?' }),
			await updateQuestion(db, actor, surveyId, first!.id, editOf(first!, { prompt: 'Changed' })),
			await setQuestionFindings(db, actor, surveyId, first!.id, [findings[1]!.id]),
			await moveQuestion(db, actor, surveyId, second!.id, 'up'),
			await deleteQuestion(db, actor, surveyId, first!.id),
			await openSurvey(db, actor, surveyId, '2030-03-01')
		];

		for (const attempt of attempts) {
			expect(attempt).toEqual({ ok: false, status: 409, errors: { '': FROZEN_MESSAGE.open } });
		}
		expect(await listQuestions(db, surveyId)).toEqual(before);
		expect(await listSurveyLinks(db, surveyId)).toEqual(links);
		expect((await findSurvey(db, surveyId))!.title).toBe(details.title);
	});
});

describe('closing', () => {
	it('closes an open questionnaire, drops drafts in progress, and audits it', async () => {
		const made = await makeSurvey(db, areaId, { status: 'open' });
		await db
			.insertInto('drafts')
			.values({ id: 'k', surveyId: made.id, sealed: 'sealed', expiresOn: '2999-01-01' })
			.execute();

		expect(await closeSurvey(db, actor, made.id)).toEqual({ ok: true });

		expect((await findSurvey(db, made.id))!.status).toBe('closed');
		expect(await db.selectFrom('drafts').selectAll().execute()).toEqual([]);
		expect(await auditActions()).toEqual(['survey.closed']);
		const again = await closeSurvey(db, actor, made.id);
		expect(again).toMatchObject({ ok: false, status: 409 });
		const edit = await updateDetails(db, actor, made.id, details);
		expect(edit).toEqual({ ok: false, status: 409, errors: { '': FROZEN_MESSAGE.closed } });
	});

	it('refuses to close a draft', async () => {
		const surveyId = await draft();
		expect(await closeSurvey(db, actor, surveyId)).toMatchObject({ ok: false, status: 409 });
	});
});

describe('copy as next wave', () => {
	it('makes a draft in the new wave with the same keys, options, order and finding links', async () => {
		const { findings } = await makeInspectionWithFindings(db, areaId, ['EHCQ', 'COPR']);
		const surveyId = await draft();
		await addBankQuestions(db, actor, surveyId, ['Q01', 'Q03', 'district']);
		await openSurvey(db, actor, surveyId, '2030-03-01');
		await closeSurvey(db, actor, surveyId);
		await replaceTranslations(db, surveyId, 'cy', new Map([['survey.title', 'Teitl']]));

		const copied = await copySurvey(db, actor, surveyId, {
			newWave: { name: 'Wave 2', startsOn: '2030-09-01' }
		});

		expect(copied.ok).toBe(true);
		const copyId = copied.ok ? copied.surveyId : '';
		const copy = (await findSurvey(db, copyId))!;
		expect(copy).toMatchObject({
			status: 'draft',
			copiedFromId: surveyId,
			audience: 'parent_carer',
			title: details.title,
			opensOn: '2030-09-01',
			closesOn: '2030-10-31',
			resultsOn: '2030-12-31'
		});
		const strip = (qs: Question[]) => qs.map(({ id: _id, ...rest }) => rest);
		const original = await listQuestions(db, surveyId);
		const copiedQuestions = await listQuestions(db, copyId);
		expect(strip(copiedQuestions)).toEqual(strip(original));
		expect(copiedQuestions.map((q) => q.id)).not.toEqual(original.map((q) => q.id));
		const linksByKey = async (id: string, qs: Question[]) =>
			(await listSurveyLinks(db, id))
				.map((l) => `${qs.find((q) => q.id === l.questionId)!.key}→${l.findingId}`)
				.sort();
		expect(await linksByKey(copyId, copiedQuestions)).toEqual(await linksByKey(surveyId, original));
		expect(await linksByKey(copyId, copiedQuestions)).toHaveLength(findings.length);
		expect(await auditActions()).toContain('survey.copied');
		expect(await listTranslations(db, copyId)).toEqual(await listTranslations(db, surveyId));
	});

	it('refuses a wave that already has a questionnaire for the audience', async () => {
		const surveyId = await draft();
		const survey = (await findSurvey(db, surveyId))!;
		const outcome = await copySurvey(db, actor, surveyId, { waveId: survey.waveId });
		expect(!outcome.ok && outcome.errors.waveId).toMatch(/already has a questionnaire/);
		expect(await db.selectFrom('surveys').select('id').execute()).toHaveLength(1);
	});
});

describe('scoping', () => {
	it('treats another area’s survey as not found, for every change', async () => {
		const other = await makeArea(db);
		const theirs = await makeSurvey(db, other.id, { status: 'draft' });
		const q = theirs.questions[0]!;
		const outcomes = [
			await updateDetails(db, actor, theirs.id, details),
			await addBankQuestions(db, actor, theirs.id, ['Q01']),
			await addQuestion(db, actor, theirs.id, { kind: 'text', prompt: 'More?' }),
			await updateQuestion(db, actor, theirs.id, q.id, editOf(q)),
			await setQuestionFindings(db, actor, theirs.id, q.id, []),
			await moveQuestion(db, actor, theirs.id, q.id, 'down'),
			await deleteQuestion(db, actor, theirs.id, q.id),
			await openSurvey(db, actor, theirs.id),
			await closeSurvey(db, actor, theirs.id),
			await copySurvey(db, actor, theirs.id, { newWave: { name: 'W', startsOn: '2030-01-01' } })
		];
		for (const outcome of outcomes) expect(outcome).toMatchObject({ ok: false, status: 404 });
		expect(await listQuestions(db, theirs.id)).toEqual(theirs.questions);
		expect(await db.selectFrom('waves').select('id').execute()).toHaveLength(1);
	});
});
