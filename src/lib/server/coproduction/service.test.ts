import { describe, expect, it } from 'vitest';
import { createTestDb } from '$testing/db';
import { makeSurvey, makeUser, makeWave } from '$testing/fixtures';
import { auditActions, makePlanArea } from '$testing/plan';
import { addActivity, coproductionLog, reviewTheme } from './service';
import { commentOnDraft, draftReview, signOffDraft } from './signoff';

const NOW = new Date('2026-03-10T12:00:00Z');
const HASH = 'not-a-real-hash';

async function setUp() {
	const db = await createTestDb();
	const mine = await makePlanArea(db);
	const theirs = await makePlanArea(db);
	const forum = mine.partners[1]!;
	const partner = await makeUser(db, mine.area.id, {
		role: 'partner',
		partnerId: forum.id,
		passwordHash: HASH
	});
	const officer = await makeUser(db, mine.area.id, { role: 'officer', passwordHash: HASH });
	const viewer = await makeUser(db, mine.area.id, { role: 'viewer', passwordHash: HASH });
	const draft = await makeSurvey(db, mine.area.id, {
		status: 'draft',
		waveId: await makeWave(db, mine.area.id, 0)
	});
	const open = await makeSurvey(db, mine.area.id, {
		status: 'open',
		waveId: await makeWave(db, mine.area.id, 1)
	});
	const theirDraft = await makeSurvey(db, theirs.area.id, { status: 'draft' });
	return { db, mine, theirs, forum, partner, officer, viewer, draft, open, theirDraft };
}

describe('signing off a questionnaire', () => {
	it('records the partner and the date, once, and puts it in the log', async () => {
		const { db, mine, partner, forum, draft } = await setUp();
		expect(await signOffDraft(db, partner, draft.id, 'Our changes were made.', NOW)).toEqual({
			ok: true
		});
		const review = (await draftReview(db, partner, draft.id))!;
		expect(review.signoffs.map((s) => [s.partnerName, s.signedOn, s.note])).toEqual([
			[forum.name, '2026-03-10', 'Our changes were made.']
		]);
		expect(review.canSignOff).toBe(false);
		expect(await signOffDraft(db, partner, draft.id, '', NOW)).toEqual({
			ok: false,
			errors: { '': `${forum.name} has already signed off this questionnaire` }
		});
		const log = await coproductionLog(db, mine.area.id);
		expect(log.map((e) => [e.source, e.on, e.partners, e.level])).toEqual([
			['sign-off', '2026-03-10', [forum.name], 'engaging']
		]);
		expect(await auditActions(db, mine.area.id)).toEqual(['survey_signed_off']);
	});

	it('is only for partners, only before the questionnaire opens, and only in their own area', async () => {
		const { db, officer, viewer, partner, open, draft, theirDraft } = await setUp();
		expect(await signOffDraft(db, officer, draft.id, '', NOW)).toBeUndefined();
		expect(await signOffDraft(db, viewer, draft.id, '', NOW)).toBeUndefined();
		expect(await signOffDraft(db, partner, open.id, '', NOW)).toMatchObject({ ok: false });
		expect(await signOffDraft(db, partner, theirDraft.id, '', NOW)).toBeUndefined();
		expect(await draftReview(db, partner, theirDraft.id)).toBeNull();
		expect(await db.selectFrom('surveySignoffs').selectAll().execute()).toEqual([]);
	});

	it('needs the partner’s account to belong to one of the area’s partners', async () => {
		const { db, mine, draft } = await setUp();
		const loose = await makeUser(db, mine.area.id, { role: 'partner', passwordHash: HASH });
		expect(await signOffDraft(db, loose, draft.id, '', NOW)).toMatchObject({ ok: false });
	});
});

describe('comments on a draft', () => {
	it('are open to partners and officers while it is a draft, and name the partner', async () => {
		const { db, partner, officer, viewer, draft, open, forum } = await setUp();
		expect(await commentOnDraft(db, partner, draft.id, 'Shorter, please', NOW)).toEqual({
			ok: true
		});
		expect(await commentOnDraft(db, officer, draft.id, 'Done', NOW)).toEqual({ ok: true });
		expect(await commentOnDraft(db, viewer, draft.id, 'Me too', NOW)).toBeUndefined();
		expect(await commentOnDraft(db, partner, open.id, 'Late', NOW)).toMatchObject({ ok: false });
		const review = (await draftReview(db, officer, draft.id))!;
		expect(review.comments.map((c) => [c.body, c.partnerName])).toEqual([
			['Shorter, please', forum.name],
			['Done', null]
		]);
	});
});

describe('the co-production log', () => {
	it('holds entered activities with their partners and level, and partners’ theme reviews, newest first', async () => {
		const { db, mine, theirs, partner, forum } = await setUp();
		const input = {
			heldOn: '2026-02-01',
			title: 'Co-design workshop',
			whatChanged: 'Six questions reworded',
			level: 'co_producing' as const,
			partnerIds: [forum.id]
		};
		expect((await addActivity(db, mine.actor, input, NOW)).ok).toBe(true);
		expect(
			await addActivity(db, mine.actor, { ...input, partnerIds: [theirs.partners[0]!.id] }, NOW)
		).toEqual({
			ok: false,
			errors: { partnerIds: 'Choose partners from the list' }
		});
		const theme = await db
			.insertInto('commentThemes')
			.values({ id: 'theme-1', localAreaId: mine.area.id, name: 'Being heard' })
			.returning('id')
			.executeTakeFirstOrThrow();
		expect(
			await reviewTheme(db, partner, { themeId: theme.id, body: 'Fits what we hear' }, NOW)
		).toEqual({
			ok: true
		});
		const log = await coproductionLog(db, mine.area.id);
		expect(log.map((e) => [e.source, e.title, e.partners, e.level])).toEqual([
			[
				'theme-review',
				'Reviewed what families wrote about “Being heard”',
				[forum.name],
				'consulting'
			],
			['activity', 'Co-design workshop', [forum.name], 'co_producing']
		]);
		expect(await coproductionLog(db, theirs.area.id)).toEqual([]);
	});
});
