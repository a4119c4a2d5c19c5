import { stringify } from 'csv-stringify/sync';
import { beforeEach, describe, expect, it } from 'vitest';
import { dictionary, placeholders, translator, TRANSLATIONS } from '$lib/i18n';
import { en } from '$lib/i18n/en';
import { type Db } from '../db';
import { createTestDb } from '$testing/db';
import { makeArea, makeSurvey, opts, type SurveyOptions } from '$testing/fixtures';
import { createBatch } from '../responses/batches';
import { releasePending } from '../responses/release';
import { admitWithCode, loadQuestionnaire, savePage, sendAnswers } from '../responses/service';
import { openDraft } from '../responses/drafts';
import {
	exportRows,
	importTranslations,
	languageStatuses,
	listTranslations,
	missingStrings,
	offeredLanguages,
	readTranslationCsv,
	replaceTranslations,
	surveyStrings,
	translateWording,
	translatorsFile,
	type SourceString
} from './translations';

let db: Db;
beforeEach(async () => {
	db = await createTestDb();
});

const QUESTIONS: SurveyOptions['questions'] = [
	{
		kind: 'scale',
		key: 'listened-to',
		prompt: 'I feel listened to.',
		section: 'Support',
		required: 1,
		options: JSON.stringify(opts(['Agree', 'Disagree']))
	},
	{
		kind: 'single',
		key: 'district',
		prompt: 'Where do you live?',
		hint: 'Choose the nearest.',
		section: 'About you',
		options: JSON.stringify(opts(['North', 'South']))
	}
];

async function setUp() {
	const area = await makeArea(db);
	const made = await makeSurvey(db, area.id, { questions: QUESTIONS });
	const q = (await loadQuestionnaire(db, made.id))!;
	return { area, q, strings: surveyStrings(q.survey, q.questions) };
}

/** A complete Welsh file for the test questionnaire: each English string marked, so it shows. */
function welshFor(strings: SourceString[]): Map<string, string> {
	return new Map(strings.map((s) => [s.key, `CY ${s.english}`]));
}

function csv(rows: string[][]): string {
	return stringify([['key', 'english', 'translation'], ...rows], { bom: true });
}

describe('the journey’s dictionaries', () => {
	it('keep every placeholder of the English in every language', () => {
		for (const language of TRANSLATIONS) {
			const words = dictionary(language);
			for (const key of Object.keys(en) as (keyof typeof en)[]) {
				expect(placeholders(words[key]).sort(), `${language} ${key}`).toEqual(
					placeholders(en[key]).sort()
				);
				expect(words[key].trim(), `${language} ${key}`).not.toBe('');
			}
		}
	});

	it('fill placeholders', () => {
		expect(translator('cy')('page.progress', { n: 2, total: 5 })).toBe('Tudalen 2 o 5');
		expect(translator('en')('page.progress', { n: 2, total: 5 })).toBe('Page 2 of 5');
	});
});

describe('a questionnaire’s strings', () => {
	it('are every text a family sees, keyed by question key and option value', async () => {
		const { strings } = await setUp();
		expect(strings.map((s) => s.key)).toEqual([
			'survey.title',
			'survey.intro',
			'section.support',
			'question.listened-to.prompt',
			'question.listened-to.option.agree',
			'question.listened-to.option.disagree',
			'section.about-you',
			'question.district.prompt',
			'question.district.hint',
			'question.district.option.north',
			'question.district.option.south'
		]);
	});

	it('are offered in a language only when every one is translated', async () => {
		const { q, strings } = await setUp();
		const partial = welshFor(strings);
		partial.delete('question.district.hint');
		partial.set('question.district.option.south', '  ');
		await replaceTranslations(db, q.survey.id, 'cy', partial);
		const statuses = languageStatuses(strings, await listTranslations(db, q.survey.id));
		const welsh = statuses.find((s) => s.language === 'cy')!;
		expect(welsh.missing.map((s) => s.key)).toEqual([
			'question.district.hint',
			'question.district.option.south'
		]);
		expect(offeredLanguages(statuses)).toEqual(['en']);
		// Asking for Welsh gets English, never a mixture.
		const asked = (await loadQuestionnaire(db, q.survey.id, 'cy'))!;
		expect(asked.language).toBe('en');
		expect(asked.questions[1]!.hint).toBe('Choose the nearest.');

		await replaceTranslations(db, q.survey.id, 'cy', welshFor(strings));
		const now = (await loadQuestionnaire(db, q.survey.id, 'cy'))!;
		expect(now.offered).toEqual(['en', 'cy']);
		expect(now.language).toBe('cy');
		expect(now.survey.title).toBe('CY Test survey');
		expect(now.pages.map((p) => p.title)).toEqual(['CY Support', 'CY About you']);
		expect(now.questions[0]!.options.map((o) => [o.value, o.label])).toEqual([
			['agree', 'CY Agree'],
			['disagree', 'CY Disagree']
		]);
		expect(missingStrings(strings, welshFor(strings))).toEqual([]);
	});

	it('become incomplete again when the English gains a string', async () => {
		const { q, strings } = await setUp();
		await replaceTranslations(db, q.survey.id, 'ur', welshFor(strings));
		await db
			.updateTable('questions')
			.set({ hint: 'A new hint' })
			.where('surveyId', '=', q.survey.id)
			.where('key', '=', 'listened-to')
			.execute();
		const again = (await loadQuestionnaire(db, q.survey.id, 'ur'))!;
		expect(again.language).toBe('en');
		expect(again.offered).toEqual(['en']);
	});
});

describe('a British Sign Language caption', () => {
	const video = {
		url: 'https://www.essex.gov.uk/bsl/listened-to',
		caption: 'Do you feel listened to? Choose agree or disagree.'
	};

	async function withVideo() {
		const area = await makeArea(db);
		const [first, ...rest] = QUESTIONS!;
		const made = await makeSurvey(db, area.id, {
			questions: [{ ...first, settings: JSON.stringify({ signVideo: video }) }, ...rest]
		});
		const q = (await loadQuestionnaire(db, made.id))!;
		return { q, strings: surveyStrings(q.survey, q.questions) };
	}

	it('is a string of the questionnaire only when its question has a video', async () => {
		const { strings } = await withVideo();
		expect(strings.filter((s) => s.key.endsWith('.sign-caption'))).toEqual([
			{ key: 'question.listened-to.sign-caption', english: video.caption }
		]);
		const { strings: without } = await setUp();
		expect(without.some((s) => s.key.includes('sign'))).toBe(false);
	});

	it('is translated with the question; the link stays the same', async () => {
		const { q, strings } = await withVideo();
		const { questions } = translateWording(q.survey, q.questions, welshFor(strings));
		expect(questions[0]!.settings.signVideo).toEqual({
			url: video.url,
			caption: `CY ${video.caption}`
		});
		expect(questions[1]!.settings.signVideo).toBeUndefined();
	});

	it('keeps a language from being offered until it is translated', async () => {
		const { q, strings } = await withVideo();
		const partial = welshFor(strings);
		partial.delete('question.listened-to.sign-caption');
		await replaceTranslations(db, q.survey.id, 'cy', partial);
		expect((await loadQuestionnaire(db, q.survey.id, 'cy'))!.language).toBe('en');
		await replaceTranslations(db, q.survey.id, 'cy', welshFor(strings));
		const welsh = (await loadQuestionnaire(db, q.survey.id, 'cy'))!;
		expect(welsh.language).toBe('cy');
		expect(welsh.questions[0]!.settings.signVideo?.caption).toBe(`CY ${video.caption}`);
	});
});

describe('the translators’ file', () => {
	it('round-trips: the export read back with translations filled in is accepted', async () => {
		const { strings } = await setUp();
		const rows = exportRows(strings, undefined).map((r) => [r.key, r.english, `CY ${r.english}`]);
		const read = readTranslationCsv(csv(rows), strings);
		expect(read.ok && [...read.texts.values()]).toEqual(strings.map((s) => `CY ${s.english}`));
	});

	it('refuses unknown keys, missing and blank strings, duplicates and changed English', async () => {
		const { strings } = await setUp();
		const rows = strings.map((s) => [s.key, s.english, `CY ${s.english}`]);
		const read = readTranslationCsv(
			csv([
				...rows.slice(0, 3),
				['question.nope.prompt', 'Nope', 'Na'],
				[rows[3]![0]!, rows[3]![1]!, '   '],
				[rows[4]![0]!, 'Something else', 'Rhywbeth'],
				...rows.slice(5, 9),
				rows[5]!
			]),
			strings
		);
		expect(read.ok).toBe(false);
		expect(!read.ok && read.problems).toEqual([
			'Row 5: “question.nope.prompt” is not a string of this questionnaire.',
			'Row 6: “question.listened-to.prompt” has no translation.',
			'Row 7: the English of “question.listened-to.option.agree” has changed since the file was made. Download a new file.',
			'Row 12: “question.listened-to.option.disagree” is in the file twice.',
			'“question.district.option.north” (North) is missing from the file.',
			'“question.district.option.south” (South) is missing from the file.'
		]);
	});

	it('insists placeholders are kept, and refuses a file without the three columns', () => {
		const strings = [{ key: 'survey.intro', english: 'About {n} minutes' }];
		const dropped = readTranslationCsv(
			csv([['survey.intro', 'About {n} minutes', 'Tua munud']]),
			strings
		);
		expect(!dropped.ok && dropped.problems).toEqual([
			'Row 2: the translation of “survey.intro” must keep {n} exactly as written.'
		]);
		const kept = readTranslationCsv(
			csv([['survey.intro', 'About {n} minutes', 'Tua {n} munud']]),
			strings
		);
		expect(kept.ok).toBe(true);
		const bare = readTranslationCsv('key,text\nsurvey.intro,Hi\n', strings);
		expect(!bare.ok && bare.problems).toEqual([
			'The first row must name the columns key, english and translation.'
		]);
	});

	it('reads back cells the export protected against spreadsheet formulas', () => {
		const strings = [{ key: 'question.x.option.minus', english: '-1 or less' }];
		const read = readTranslationCsv(
			csv([['question.x.option.minus', "'-1 or less", "'-1 neu lai"]]),
			strings
		);
		expect(read.ok && read.texts.get('question.x.option.minus')).toBe('-1 neu lai');
	});
});

describe('answers in another language', () => {
	it('pool with English ones by question, as option values; the draft keeps the language', async () => {
		const { area, q: english, strings } = await setUp();
		await replaceTranslations(db, english.survey.id, 'cy', welshFor(strings));
		const { codes } = await createBatch(db, {
			localAreaId: area.id,
			surveyId: english.survey.id,
			label: 'Letters',
			size: 2,
			createdBy: null
		});
		for (const [i, language] of (['en', 'cy'] as const).entries()) {
			const q = (await loadQuestionnaire(db, english.survey.id, language))!;
			expect(q.language).toBe(language);
			const admitted = await admitWithCode(db, q, codes[i]!, `client-${i}`);
			if (!admitted.ok) throw new Error('not admitted');
			const draft = (await openDraft(db, q.survey.id, admitted.secret))!;
			const raw = Object.fromEntries([
				[q.questions[0]!.id, ['agree']],
				[q.questions[1]!.id, ['south']]
			]);
			const saved = await savePage(
				db,
				q,
				{ number: 1, title: null, questions: q.questions },
				{ secret: admitted.secret, draft },
				raw,
				'next',
				`client-${i}`
			);
			expect(saved.ok).toBe(true);
			const kept = (await openDraft(db, q.survey.id, admitted.secret))!;
			expect(kept.language).toBe(language);
			expect(await sendAnswers(db, q, { secret: admitted.secret, draft: kept })).toEqual({
				ok: true
			});
		}
		expect(await releasePending(db, english.survey.id)).toBe(2);
		const answers = await db
			.selectFrom('answers')
			.select(['questionId', 'value'])
			.orderBy('questionId')
			.orderBy('value')
			.execute();
		const ids = english.questions.map((x) => x.id);
		expect(answers.filter((a) => a.questionId === ids[0]).map((a) => a.value)).toEqual([
			'agree',
			'agree'
		]);
		expect(answers.filter((a) => a.questionId === ids[1]).map((a) => a.value)).toEqual([
			'south',
			'south'
		]);
		// Each response keeps the language it was answered in, for the breakdown by language.
		const languages = await db.selectFrom('responses').select('language').execute();
		expect(languages.map((r) => r.language).sort()).toEqual(['cy', 'en']);
	});

	it('are checked with messages in the family’s language', async () => {
		const { q: english, strings } = await setUp();
		await replaceTranslations(db, english.survey.id, 'cy', welshFor(strings));
		const q = (await loadQuestionnaire(db, english.survey.id, 'cy'))!;
		const saved = await savePage(
			db,
			q,
			q.pages[0]!,
			null,
			{ [q.questions[0]!.id]: [] },
			'next',
			'client'
		);
		// A required answer is missing: the message, and the prompt it quotes, are in Welsh.
		expect(!saved.ok && saved.errors[0]!.message).toBe(
			translator('cy')('error.select', {
				prompt: 'CY I feel listened to.'
			})
		);
	});
});

describe('importing a translators’ file', () => {
	it('stores a good file, audited, and leaves everything as it was for a bad one', async () => {
		const { area, q, strings } = await setUp();
		const actor = { id: null, localAreaId: area.id };
		const good = csv(strings.map((s) => [s.key, s.english, `CY ${s.english}`]));
		expect(await importTranslations(db, actor, q.survey, 'cy', good)).toEqual({
			ok: true,
			count: strings.length
		});
		const before = await listTranslations(db, q.survey.id);
		const bad = csv(strings.slice(1).map((s) => [s.key, s.english, `NEW ${s.english}`]));
		const refused = await importTranslations(db, actor, q.survey, 'cy', bad);
		expect(!refused.ok && refused.problems).toEqual([
			'“survey.title” (Test survey) is missing from the file.'
		]);
		expect(await listTranslations(db, q.survey.id)).toEqual(before);
		const file = await translatorsFile(db, actor, q.survey, 'cy');
		expect(file[0]).toEqual({
			key: 'survey.title',
			english: 'Test survey',
			translation: 'CY Test survey'
		});
		const audit = await db
			.selectFrom('auditEvents')
			.select('action')
			.where('action', 'like', 'survey.translations_%')
			.orderBy('action')
			.execute();
		expect(audit.map((a) => a.action)).toEqual([
			'survey.translations_exported',
			'survey.translations_imported'
		]);
	});
});

describe('an open questionnaire in families’ languages, read again and again', () => {
	it('offers a language as soon as its translation is stored, and closes when it closes', async () => {
		const { q: first, strings } = await setUp();
		expect(first.survey.status).toBe('open');
		// Read (and kept) in English while Welsh is missing.
		expect((await loadQuestionnaire(db, first.survey.id, 'cy'))!.language).toBe('en');
		await replaceTranslations(db, first.survey.id, 'cy', welshFor(strings));
		const welsh = (await loadQuestionnaire(db, first.survey.id, 'cy'))!;
		expect(welsh.language).toBe('cy');
		expect(welsh.survey.title).toBe(`CY ${first.survey.title}`);
		expect(welsh.questions[0]!.prompt).toBe(`CY ${first.questions[0]!.prompt}`);
		// The state of the questionnaire is always read afresh.
		await db
			.updateTable('surveys')
			.set({ status: 'closed' })
			.where('id', '=', first.survey.id)
			.execute();
		const closed = (await loadQuestionnaire(db, first.survey.id, 'cy'))!;
		expect(closed.availability).toBe('closed');
		expect(closed.language).toBe('cy');
	});
});
