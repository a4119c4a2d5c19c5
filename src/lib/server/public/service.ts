/**
 * "You said, we did": a public page per area. For each area of weakness, what families said
 * (figures through figures.ts, suppressed as on the staff pages and rounded), what the area did
 * (actions done and in progress, in the officer's words, without the named lead), and quotes an
 * officer chose one by one from reviewed comments that viewers may already read.
 *
 * Publishing is deliberate: the page the public sees is a snapshot taken when an officer
 * confirms the preview, so nothing reaches it unseen, and an anonymous visitor never sets off
 * the area's figures being worked out. Withdrawing clears the snapshot (the page answers 404).
 * A quote removed, or a comment reopened or changed, leaves the public page at once, without
 * publishing again. Every choice, publication and withdrawal is audited.
 */
import { recordAction, type Actor } from '../audit';
import { getArea, listFindingsInReportOrder } from '../areas/repository';
import { commentsForFinding } from '../comments/service';
import { inTransaction, nowIso, today as todayOf, type Db } from '../db';
import type { FormErrors } from '../forms';
import { planPage } from '../plan/view';
import { publicFigures, type PublicDimension } from './figures';
import * as repo from './repository';

/** At most this many quotes under an area of weakness: a flavour, read by anyone. */
export const QUOTES_PER_FINDING = 3;
/** Reviewed comments offered per wave when choosing quotes. */
const CANDIDATES_PER_WAVE = 20;

export interface PublicAction {
	title: string;
	description: string;
	partner: string;
	status: 'done' | 'on_track' | 'at_risk' | 'off_track';
	doneOn: string | null;
	dueOn: string;
}

export interface PublicFinding {
	id: string;
	code: string;
	title: string;
	theme: string;
	said: PublicDimension[];
	done: PublicAction[];
	doing: PublicAction[];
	quotes: { commentId: string; body: string }[];
}

export interface PublicPageContent {
	area: { name: string; slug: string; isDemo: boolean };
	publishedOn: string;
	baselineWave: string | null;
	latestWave: string | null;
	rules: { minBase: number; minCount: number };
	findings: PublicFinding[];
}

type Outcome = { ok: true } | { ok: false; errors: FormErrors };

/** The page as it would be published now. Null when the area does not exist. */
export async function buildContent(
	db: Db,
	areaId: string,
	today = todayOf()
): Promise<PublicPageContent | null> {
	const area = await getArea(db, areaId);
	if (!area) return null;
	const [figures, plan, quotes] = await Promise.all([
		publicFigures(db, areaId),
		planPage(db, areaId, { filter: 'all', findingId: null, partnerId: null }, today),
		liveQuotes(db, areaId)
	]);
	const findings = figures.findings.map((f) => {
		const actions = plan.actions
			.filter((a) => a.findings.some((x) => x.id === f.id) && a.status !== 'not_started')
			.map((a) => ({
				title: a.title,
				description: a.description,
				partner: a.partner.name,
				status: a.status as PublicAction['status'],
				doneOn: a.doneOn,
				dueOn: a.dueOn
			}));
		return {
			id: f.id,
			code: f.code,
			title: f.title,
			theme: f.theme,
			said: f.dimensions,
			done: actions.filter((a) => a.status === 'done'),
			doing: actions.filter((a) => a.status !== 'done'),
			quotes: quotes
				.filter((q) => q.findingId === f.id)
				.map((q) => ({ commentId: q.commentId, body: q.body }))
		};
	});
	return {
		area: { name: area.name, slug: area.slug, isDemo: area.isDemo === 1 },
		publishedOn: today,
		baselineWave: figures.baselineWave,
		latestWave: figures.latestWave,
		rules: figures.rules,
		findings
	};
}

/** Chosen quotes that are still reviewed comments. */
async function liveQuotes(db: Db, areaId: string) {
	return (await repo.listQuotes(db, areaId)).filter((q) => q.status === 'reviewed');
}

/** The published page of an area by its address, or null (never published, or withdrawn). */
export async function publishedPage(db: Db, slug: string): Promise<PublicPageContent | null> {
	const row = await repo.findPublishedBySlug(db, slug);
	if (!row?.content) return null;
	const content = JSON.parse(row.content) as PublicPageContent;
	// A quote unchosen since, or a comment reopened or changed, is not shown.
	const live = new Map((await liveQuotes(db, row.localAreaId)).map((q) => [q.commentId, q]));
	for (const f of content.findings)
		f.quotes = f.quotes.filter((q) => {
			const now = live.get(q.commentId);
			return now !== undefined && now.body === q.body && now.findingId === f.id;
		});
	return content;
}

/** The officer's page: whether it is published, and per area of weakness the quotes to choose from. */
export async function manageView(db: Db, areaId: string) {
	const [page, area, figures, quotes] = await Promise.all([
		repo.getPage(db, areaId),
		getArea(db, areaId),
		publicFigures(db, areaId),
		repo.listQuotes(db, areaId)
	]);
	const findings = [];
	for (const f of figures.findings) {
		const candidates = await commentsForFinding(db, areaId, f.id, CANDIDATES_PER_WAVE);
		const chosen = quotes.filter((q) => q.findingId === f.id);
		findings.push({
			id: f.id,
			code: f.code,
			title: f.title,
			chosen: chosen.map((q) => ({
				commentId: q.commentId,
				body: q.body,
				live: q.status === 'reviewed'
			})),
			candidates: candidates.waves.map((w) => ({
				waveName: w.waveName,
				total: w.total,
				comments: w.comments.filter((c) => !quotes.some((q) => q.commentId === c.id))
			})),
			full: chosen.length >= QUOTES_PER_FINDING
		});
	}
	return {
		slug: area?.slug ?? '',
		published: page?.content ? { on: page.publishedAt } : null,
		withdrawnAt: page?.content ? null : (page?.withdrawnAt ?? null),
		findings
	};
}

/**
 * Chooses a comment as a quote under an area of weakness: only a comment the finding's page
 * already shows to viewers (reviewed, tagged with a theme linked to the finding, from a question
 * with enough answers).
 */
export async function chooseQuote(
	db: Db,
	actor: Actor,
	input: { commentId: string; findingId: string },
	now = new Date()
): Promise<Outcome | undefined> {
	return inTransaction(db, async (trx) => {
		const findings = await listFindingsInReportOrder(trx, actor.localAreaId);
		const finding = findings.find((f) => f.id === input.findingId);
		if (!finding || finding.kind === 'strength' || finding.archived === 1) return undefined;
		const readable = await commentsForFinding(trx, actor.localAreaId, input.findingId, 100_000);
		if (!readable.waves.some((w) => w.comments.some((c) => c.id === input.commentId)))
			return {
				ok: false,
				errors: { commentId: 'Choose a reviewed comment shown under this area of weakness' }
			};
		const quotes = await repo.listQuotes(trx, actor.localAreaId);
		if (quotes.some((q) => q.commentId === input.commentId))
			return { ok: false, errors: { commentId: 'That comment is already a quote' } };
		if (quotes.filter((q) => q.findingId === input.findingId).length >= QUOTES_PER_FINDING)
			return {
				ok: false,
				errors: {
					commentId: `Choose at most ${QUOTES_PER_FINDING} quotes for one area of weakness. Remove one first`
				}
			};
		await repo.insertQuote(trx, {
			commentId: input.commentId,
			localAreaId: actor.localAreaId,
			findingId: input.findingId,
			chosenBy: actor.id,
			chosenAt: nowIso(now)
		});
		await recordAction(trx, actor, 'public_quote_chosen', 'comment', input.commentId, {
			findingId: input.findingId
		});
		return { ok: true };
	});
}

export async function removeQuote(db: Db, actor: Actor, commentId: string): Promise<boolean> {
	return inTransaction(db, async (trx) => {
		if ((await repo.deleteQuote(trx, actor.localAreaId, commentId)) === 0) return false;
		await recordAction(trx, actor, 'public_quote_removed', 'comment', commentId);
		return true;
	});
}

export async function publish(db: Db, actor: Actor, now = new Date()): Promise<boolean> {
	return inTransaction(db, async (trx) => {
		const content = await buildContent(trx, actor.localAreaId, todayOf(now));
		if (!content) return false;
		await repo.savePage(trx, {
			localAreaId: actor.localAreaId,
			content: JSON.stringify(content),
			publishedAt: nowIso(now),
			publishedBy: actor.id,
			withdrawnAt: null
		});
		await recordAction(trx, actor, 'public_page_published', 'local_area', actor.localAreaId, {
			findings: content.findings.length,
			quotes: content.findings.reduce((n, f) => n + f.quotes.length, 0)
		});
		return true;
	});
}

/** Takes the page down at once. False when it was not published. */
export async function withdraw(db: Db, actor: Actor, now = new Date()): Promise<boolean> {
	return inTransaction(db, async (trx) => {
		const page = await repo.getPage(trx, actor.localAreaId);
		if (!page?.content) return false;
		await repo.savePage(trx, {
			localAreaId: actor.localAreaId,
			content: null,
			publishedAt: page.publishedAt,
			publishedBy: page.publishedBy,
			withdrawnAt: nowIso(now)
		});
		await recordAction(trx, actor, 'public_page_withdrawn', 'local_area', actor.localAreaId);
		return true;
	});
}
