import { describe, expect, it } from 'vitest';
import { answer, makeExportArea, reviewAll, times } from '../exports/testing';
import { createTestDb } from '$testing/db';
import { publishAll } from '$testing/fixtures';
import { auditActions } from '$testing/plan';
import { nowIso } from '../db';
import { newId } from '../ids';
import { createAction } from '../plan/service';
import { dashboard } from '../insights/service';
import {
	buildContent,
	chooseQuote,
	publish,
	publishedPage,
	removeQuote,
	withdraw
} from './service';

const NOW = new Date('2026-06-15T12:00:00Z');

async function setUp() {
	const db = await createTestDb();
	const made = await makeExportArea(db);
	const [first, second] = made.surveys;
	await answer(db, first!, [
		...times(12, { scale: 'agree', district: 'north', comment: 'They listened this time.' }),
		...times(18, { scale: 'disagree', district: 'south', comment: 'Nobody called back.' })
	]);
	await answer(db, second!, [
		...times(30, { scale: 'agree', district: 'north' }),
		...times(10, { scale: 'disagree', district: 'south' })
	]);
	await reviewAll(db, first!.id, (b) => b.startsWith('They'));
	await db
		.insertInto('commentThemes')
		.values({ id: 'heard', localAreaId: made.area.id, name: 'Being heard' })
		.execute();
	await db
		.insertInto('commentThemeFindings')
		.values({ themeId: 'heard', findingId: made.findings[0]!.id })
		.execute();
	const comments = await db.selectFrom('comments').select(['id', 'body', 'status']).execute();
	await db
		.insertInto('commentTags')
		.values(comments.map((c) => ({ commentId: c.id, themeId: 'heard' })))
		.execute();
	const partnerId = newId();
	await db
		.insertInto('partners')
		.values({
			id: partnerId,
			localAreaId: made.area.id,
			name: 'Forum',
			kind: 'parent_carer_forum',
			createdAt: nowIso()
		})
		.execute();
	await publishAll(db, made.area.id);
	const actor = { id: null, localAreaId: made.area.id };
	const reviewed = comments.find((c) => c.body.startsWith('They'))!;
	const unreviewed = comments.find((c) => c.body.startsWith('Nobody'))!;
	return { db, made, actor, partnerId, reviewed, unreviewed };
}

describe('the public page', () => {
	it('is not there until it is published, and the snapshot holds rounded, suppressed figures', async () => {
		const { db, made, actor } = await setUp();
		expect(await publishedPage(db, made.area.slug)).toBeNull();
		expect(await publish(db, actor, NOW)).toBe(true);
		const page = (await publishedPage(db, made.area.slug))!;
		expect(page.publishedOn).toBe('2026-06-15');
		const [f1, f2] = page.findings;
		expect(f1!.said).toEqual([
			{
				dimension: 'lived_experience',
				label: 'Lived experience',
				latest: { waveName: 'Wave 2', share: { percent: 75, n: 40, unreliable: false } },
				baseline: { waveName: 'Wave 1', share: { percent: 40, n: 30, unreliable: true } },
				change: { verdict: 'better', points: 35 }
			}
		]);
		// F2 has no question linked: nothing is said about it.
		expect(f2!.said).toEqual([]);
		expect(await auditActions(db, made.area.id)).toEqual(['public_page_published']);
	});

	it('shows a marker, never the figure, where the staff pages would', async () => {
		const { db, made, actor } = await setUp();
		// Counts under 11 are suppressed here: the 10 who disagreed in wave 2 hide its share.
		await db
			.updateTable('localAreas')
			.set({ minCount: 11 })
			.where('id', '=', made.area.id)
			.execute();
		await publish(db, actor, NOW);
		const [f1] = (await publishedPage(db, made.area.slug))!.findings;
		const card = (await dashboard(db, made.area.id)).inspections[0]!.weaknesses[0]!;
		expect(card.dimensions[0]!.latest.share).toBe('[c]');
		expect(f1!.said[0]!.latest.share).toBe('[c]');
		expect(f1!.said[0]!.baseline!.share).toMatchObject({ percent: 40 });
		expect(f1!.said[0]!.change).toBe('[x]');
	});

	it('answers 404 (null) once withdrawn, and for another area’s address', async () => {
		const { db, made, actor } = await setUp();
		await publish(db, actor, NOW);
		const other = await makeExportArea(db);
		expect(await publishedPage(db, other.area.slug)).toBeNull();
		expect(await withdraw(db, actor, NOW)).toBe(true);
		expect(await publishedPage(db, made.area.slug)).toBeNull();
		expect(await withdraw(db, actor, NOW)).toBe(false);
		const page = await db.selectFrom('publicPages').selectAll().executeTakeFirstOrThrow();
		expect(page.content).toBeNull();
		expect(await auditActions(db, made.area.id)).toEqual([
			'public_page_published',
			'public_page_withdrawn'
		]);
	});

	it('lists actions done and in progress in the officer’s words, without the lead', async () => {
		const { db, made, actor, partnerId } = await setUp();
		const base = {
			description: 'Done with families',
			findingIds: [made.findings[0]!.id],
			partnerId,
			lead: 'Ms Named Person',
			startsOn: '2026-01-01',
			dueOn: '2026-12-31'
		};
		await createAction(db, actor, { ...base, title: 'Started', status: 'on_track' }, NOW);
		await createAction(db, actor, { ...base, title: 'Finished', status: 'done' }, NOW);
		await createAction(db, actor, { ...base, title: 'Not yet', status: 'not_started' }, NOW);
		const content = (await buildContent(db, made.area.id, '2026-06-15'))!;
		const f1 = content.findings[0]!;
		expect(f1.done.map((a) => [a.title, a.partner, a.doneOn])).toEqual([
			['Finished', 'Forum', '2026-06-15']
		]);
		expect(f1.doing.map((a) => a.title)).toEqual(['Started']);
		expect(JSON.stringify(content)).not.toContain('Ms Named Person');
	});
});

describe('quotes', () => {
	it('come only from reviewed comments viewers may read, one at a time, and leave at once when removed', async () => {
		const { db, made, actor, reviewed, unreviewed } = await setUp();
		const finding = made.findings[0]!.id;
		expect(
			await chooseQuote(db, actor, { commentId: unreviewed.id, findingId: finding }, NOW)
		).toMatchObject({ ok: false });
		expect(
			await chooseQuote(db, actor, { commentId: reviewed.id, findingId: made.findings[1]!.id }, NOW)
		).toMatchObject({ ok: false });
		expect(
			await chooseQuote(db, actor, { commentId: reviewed.id, findingId: finding }, NOW)
		).toEqual({ ok: true });
		await publish(db, actor, NOW);
		expect(
			(await publishedPage(db, made.area.slug))!.findings[0]!.quotes.map((q) => q.body)
		).toEqual(['They listened this time.']);
		// Reopened for review: gone from the public page without publishing again.
		await db.updateTable('comments').set({ status: 'new' }).where('id', '=', reviewed.id).execute();
		expect((await publishedPage(db, made.area.slug))!.findings[0]!.quotes).toEqual([]);
		await db
			.updateTable('comments')
			.set({ status: 'reviewed' })
			.where('id', '=', reviewed.id)
			.execute();
		expect(await removeQuote(db, actor, reviewed.id)).toBe(true);
		expect((await publishedPage(db, made.area.slug))!.findings[0]!.quotes).toEqual([]);
		expect(await auditActions(db, made.area.id)).toEqual([
			'public_quote_chosen',
			'public_page_published',
			'public_quote_removed'
		]);
	});

	it('of another area’s comment or finding are not found', async () => {
		const { db, made, reviewed } = await setUp();
		const other = await makeExportArea(db);
		const theirs = { id: null, localAreaId: other.area.id };
		expect(
			await chooseQuote(
				db,
				theirs,
				{ commentId: reviewed.id, findingId: made.findings[0]!.id },
				NOW
			)
		).toBeUndefined();
		expect(
			await chooseQuote(
				db,
				theirs,
				{ commentId: reviewed.id, findingId: other.findings[0]!.id },
				NOW
			)
		).toMatchObject({ ok: false });
		expect(await removeQuote(db, theirs, reviewed.id)).toBe(false);
	});
});
