import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import type { Role } from '../db/schema';
import { storeResponses } from '../responses/store';
import { createTestDb } from '$testing/db';
import { makeArea, makeInspectionWithFindings, makeSurvey } from '$testing/fixtures';
import { parseRedaction, parseTheme } from './input';
import { findPersonalData } from './flags';
import {
	commentPage,
	commentQueue,
	commentsForFinding,
	createTheme,
	digestOf,
	redactComment,
	setReviewed,
	themesPage,
	tagComment
} from './service';

let db: Db;
beforeEach(async () => {
	db = await createTestDb();
});

const staff = (areaId: string, role: Role = 'officer') => ({
	id: 'user-1',
	localAreaId: areaId,
	role
});

const PERSONAL = 'I think my son Jack needs help. Call 07700 900123 please.';

async function setUp(commentCount = 12) {
	const area = await makeArea(db);
	await db
		.updateTable('localAreas')
		.set({ flagTerms: JSON.stringify(['Greenfield Academy']) })
		.where('id', '=', area.id)
		.execute();
	const { findings } = await makeInspectionWithFindings(db, area.id, ['COPR']);
	const survey = await makeSurvey(db, area.id);
	const text = survey.questions.find((q) => q.kind === 'text')!;
	const scale = survey.questions[0]!;
	const bodies = [
		PERSONAL,
		...Array.from({ length: commentCount - 1 }, (_, i) => `Plain comment number ${i + 1}.`)
	];
	await storeResponses(
		db,
		survey.id,
		survey.questions,
		bodies.map((body) => ({
			submittedOn: '2026-01-10',
			channel: 'web',
			answers: { [scale.id]: ['agree'], [text.id]: [body] }
		}))
	);
	const comments = await db.selectFrom('comments').select(['id', 'body']).execute();
	const personal = comments.find((c) => c.body === PERSONAL)!;
	return { area, findings, survey, comments, personal };
}

async function theme(areaId: string, name: string, findingIds: string[]) {
	const form = new FormData();
	form.set('name', name);
	for (const id of findingIds) form.append('findingIds', id);
	const parsed = parseTheme(form);
	if (!parsed.ok) throw new Error('bad theme');
	expect(await createTheme(db, staff(areaId), parsed.data)).toEqual({ ok: true });
	return (
		await db
			.selectFrom('commentThemes')
			.select('id')
			.where('name', '=', name)
			.executeTakeFirstOrThrow()
	).id;
}

describe('the review queue', () => {
	it('puts comments that look like personal data first, with the flagged words marked', async () => {
		const { area, personal } = await setUp();
		// Make the personal one sort last by id: flags must still bring it to the top.
		const queue = await commentQueue(db, staff(area.id), {
			status: null,
			themeId: null,
			surveyId: null,
			page: 1
		});
		expect(queue.status).toBe('new');
		expect(queue.total).toBe(12);
		expect(queue.flaggedCount).toBe(1);
		expect(queue.items[0]!.id).toBe(personal.id);
		expect(queue.items[0]!.flagKinds.sort()).toEqual(['name', 'phone']);
		expect(queue.items[0]!.segments.filter((s) => s.flag).map((s) => s.text)).toEqual([
			'Jack',
			'07700 900123'
		]);
	});

	it('gives readers reviewed comments only, and only of questions with at least 10 answers', async () => {
		const { area, comments } = await setUp(12);
		const viewer = staff(area.id, 'viewer');
		expect(
			(await commentQueue(db, viewer, { status: 'new', themeId: null, surveyId: null, page: 1 }))
				.total
		).toBe(0);
		await setReviewed(db, staff(area.id), comments[1]!.id, true);
		const read = await commentQueue(db, viewer, {
			status: 'all',
			themeId: null,
			surveyId: null,
			page: 1
		});
		expect(read.status).toBe('reviewed');
		expect(read.items.map((i) => i.id)).toEqual([comments[1]!.id]);
		expect(read.items[0]!.flagKinds).toEqual([]);
		expect(await commentPage(db, viewer, comments[2]!.id)).toBeNull();
		expect(await commentPage(db, viewer, comments[1]!.id)).not.toBeNull();
	});

	it('hides reviewed comments from readers when the question has fewer than 10 answers', async () => {
		const { area, comments } = await setUp(9);
		await setReviewed(db, staff(area.id), comments[0]!.id, true);
		const viewer = staff(area.id, 'viewer');
		expect(
			(await commentQueue(db, viewer, { status: null, themeId: null, surveyId: null, page: 1 }))
				.total
		).toBe(0);
		expect(await commentPage(db, viewer, comments[0]!.id)).toBeNull();
	});

	it('finds nothing of another area', async () => {
		const { personal } = await setUp();
		const other = await makeArea(db);
		expect(await commentPage(db, staff(other.id), personal.id)).toBeNull();
		expect(await setReviewed(db, staff(other.id), personal.id, true)).toBeNull();
		expect(
			(
				await commentQueue(db, staff(other.id), {
					status: 'all',
					themeId: null,
					surveyId: null,
					page: 1
				})
			).total
		).toBe(0);
	});
});

describe('redaction', () => {
	it('replaces the chosen parts by [redacted] and keeps the original nowhere', async () => {
		const { area, personal } = await setUp();
		const page = await commentPage(db, staff(area.id), personal.id);
		const form = new FormData();
		for (const flag of page!.flags) form.append('spans', flag.span);
		form.set('phrases', 'help');
		form.set('digest', page!.digest!);
		const parsed = parseRedaction(form);
		if (!parsed.ok) throw new Error('bad form');

		expect(await redactComment(db, staff(area.id), personal.id, parsed.data)).toEqual({ ok: true });

		const row = await db
			.selectFrom('comments')
			.selectAll()
			.where('id', '=', personal.id)
			.executeTakeFirstOrThrow();
		expect(row.body).toBe('I think my son [redacted] needs [redacted]. Call [redacted] please.');
		expect(row.redacted).toBe(1);
		expect(row.flags).toBe('[]');
		// Not in the audit log or anywhere else either.
		for (const table of ['auditEvents', 'comments', 'drafts', 'answers'] as const) {
			const dump = JSON.stringify(await db.selectFrom(table).selectAll().execute());
			expect(dump).not.toContain('Jack');
			expect(dump).not.toContain('900123');
		}
	});

	it('redacts every case of a phrase at its true place, even after letters whose lower case is longer', async () => {
		const { area, personal } = await setUp();
		// "İ" lower-cases to two characters: offsets found on a lower-cased copy land one late.
		const body = 'İİ İlker said Smith, and SMITH at İnce Oak School';
		await db.updateTable('comments').set({ body }).where('id', '=', personal.id).execute();
		expect(findPersonalData(body, ['oak SCHOOL']).map((f) => body.slice(f.start, f.end))).toEqual([
			'Oak School'
		]);
		const outcome = await redactComment(db, staff(area.id), personal.id, {
			spans: [],
			phrases: ['smith', 'İlker'],
			digest: digestOf(body)
		});
		expect(outcome).toEqual({ ok: true });
		const row = await db
			.selectFrom('comments')
			.select('body')
			.where('id', '=', personal.id)
			.executeTakeFirstOrThrow();
		expect(row.body).toBe('İİ [redacted] said [redacted], and [redacted] at İnce Oak School');
	});

	it('refuses words that are not there, and a stale version, changing nothing', async () => {
		const { area, personal } = await setUp();
		const user = staff(area.id);
		const missing = await redactComment(db, user, personal.id, {
			spans: [],
			phrases: ['Amy'],
			digest: digestOf(PERSONAL)
		});
		expect(missing).toEqual({ ok: false, errors: { phrases: '“Amy” is not in the comment' } });
		const stale = await redactComment(db, user, personal.id, {
			spans: [{ start: 15, end: 19 }],
			phrases: [],
			digest: digestOf('something else')
		});
		expect(stale && !stale.ok).toBe(true);
		const row = await db
			.selectFrom('comments')
			.select('body')
			.where('id', '=', personal.id)
			.executeTakeFirstOrThrow();
		expect(row.body).toBe(PERSONAL);
	});

	it('is for officers only', async () => {
		const { area, personal } = await setUp();
		expect(
			await redactComment(db, staff(area.id, 'viewer'), personal.id, {
				spans: [{ start: 15, end: 19 }],
				phrases: [],
				digest: digestOf(PERSONAL)
			})
		).toBeNull();
	});
});

describe('themes and comments by finding', () => {
	it('counts for readers only reviewed comments, through the small-number rules', async () => {
		const { area, findings, comments } = await setUp(12);
		const officer = staff(area.id);
		const themeId = await theme(area.id, 'Waiting', [findings[0]!.id]);
		for (const c of comments) await tagComment(db, officer, c.id, [themeId]);
		for (const c of comments.slice(0, 3)) await setReviewed(db, officer, c.id, true);
		const countFor = async (role: Role) =>
			(await themesPage(db, staff(area.id, role))).themes.find((t) => t.id === themeId)!.comments;

		expect(await countFor('officer')).toBe('12 comments');
		// Three reviewed: a small count, hidden; the nine not yet reviewed are not counted at all.
		expect(await countFor('viewer')).toBe('[c] reviewed comments');
		for (const c of comments.slice(3, 10)) await setReviewed(db, officer, c.id, true);
		expect(await countFor('viewer')).toBe('10 reviewed comments');
	});

	it('tags comments with the area’s themes and shows reviewed ones on the linked finding', async () => {
		const { area, findings, comments } = await setUp(12);
		const themeId = await theme(area.id, 'Being heard', [findings[0]!.id]);
		const other = await makeArea(db);
		const foreign = await theme(other.id, 'Elsewhere', []);
		expect(await tagComment(db, staff(area.id), comments[3]!.id, [foreign])).toEqual({
			ok: false,
			errors: { themeIds: 'Choose themes from the list' }
		});
		expect(await tagComment(db, staff(area.id), comments[3]!.id, [themeId])).toEqual({ ok: true });
		expect(await tagComment(db, staff(area.id), comments[4]!.id, [themeId])).toEqual({ ok: true });
		await setReviewed(db, staff(area.id), comments[3]!.id, true);

		const byFinding = await commentsForFinding(db, area.id, findings[0]!.id);
		expect(byFinding.themes.map((t) => t.name)).toEqual(['Being heard']);
		expect(byFinding.waves).toHaveLength(1);
		expect(byFinding.waves[0]!.comments.map((c) => c.id)).toEqual([comments[3]!.id]);

		const byTheme = await commentQueue(db, staff(area.id, 'viewer'), {
			status: null,
			themeId,
			surveyId: null,
			page: 1
		});
		expect(byTheme.items.map((i) => i.id)).toEqual([comments[3]!.id]);
		expect(byTheme.items[0]!.themes).toEqual(['Being heard']);
	});

	it('refuses a second theme of the same name', async () => {
		const { area } = await setUp();
		await theme(area.id, 'Waiting times', []);
		const form = new FormData();
		form.set('name', 'waiting TIMES');
		const parsed = parseTheme(form);
		if (!parsed.ok) throw new Error('bad theme');
		expect(await createTheme(db, staff(area.id), parsed.data)).toEqual({
			ok: false,
			errors: { name: 'There is already a theme called “Waiting times”' }
		});
	});
});
