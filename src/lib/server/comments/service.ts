/**
 * Reviewing free-text comments. Officers read every comment, tag it with the area's themes,
 * redact personal details (the original text is overwritten, not kept) and mark it reviewed;
 * comments that look like they hold personal data come first. Everyone else reads reviewed
 * comments only, and only of questions with enough answers in that wave that a comment cannot
 * be traced back to a family by elimination.
 */
import { createHash } from 'node:crypto';
import { today, type Db } from '../db';
import type { SessionUser } from '../auth/session';
import { hasRole } from '../auth/roles';
import { recordEvent } from '../audit';
import { newId } from '../ids';
import { areaRules } from '../insights/service';
import { showCount } from '../responses/rates';
import { findPersonalData, occurrences, redactSpans, type Flag, type FlagKind } from './flags';
import type { RedactInput, StatusFilter, ThemeInput } from './input';
import { listFindingsInReportOrder } from '../areas/repository';
import { areaList } from '../areas/service';
import * as repo from './repository';
import type { CommentRow } from './repository';

export const PAGE_SIZE = 25;

export const FLAG_LABELS: Record<FlagKind, string> = {
	name: 'a name',
	email: 'an email address',
	phone: 'a phone number',
	postcode: 'a postcode',
	term: 'a school or place name'
};

type Staff = Pick<SessionUser, 'id' | 'localAreaId' | 'role'>;

/** Officers and admins review; viewers and inspectors read reviewed comments. */
export function canReview(user: Pick<SessionUser, 'role'>): boolean {
	return hasRole(user.role, 'officer');
}

/** A short fingerprint of the text, so a redaction is made on the version that was read. */
export function digestOf(body: string): string {
	return createHash('sha256').update(body).digest('hex').slice(0, 16);
}

/** The text in pieces, the flagged ones marked, for highlighting without HTML. */
export function segmentsOf(body: string, flags: readonly Flag[]) {
	const segments: { text: string; flag: FlagKind | null }[] = [];
	let at = 0;
	for (const f of flags) {
		if (f.start < at) continue;
		if (f.start > at) segments.push({ text: body.slice(at, f.start), flag: null });
		segments.push({ text: body.slice(f.start, f.end), flag: f.kind });
		at = f.end;
	}
	if (at < body.length) segments.push({ text: body.slice(at), flag: null });
	return segments;
}

/** Comments a reader may see: of questions with at least minBase answers in their wave. */
async function readable(db: Db, areaId: string, rows: CommentRow[]): Promise<CommentRow[]> {
	const rules = await areaRules(db, areaId);
	const counts = await repo.answersPerQuestion(db, areaId, [
		...new Set(rows.map((r) => r.questionId))
	]);
	return rows.filter((r) => (counts.get(r.questionId) ?? 0) >= rules.minBase);
}

export interface QueueItem {
	id: string;
	segments: { text: string; flag: FlagKind | null }[];
	flagKinds: FlagKind[];
	status: CommentRow['status'];
	redacted: boolean;
	waveName: string;
	surveyTitle: string;
	audience: CommentRow['audience'];
	themes: string[];
}

export async function commentQueue(
	db: Db,
	user: Staff,
	filter: {
		status: StatusFilter | null;
		themeId: string | null;
		surveyId: string | null;
		page: number;
	}
) {
	const review = canReview(user);
	// Readers only ever get reviewed comments, whatever the address asks for.
	const status: StatusFilter = review ? (filter.status ?? 'new') : 'reviewed';
	const [themes, terms] = await Promise.all([
		repo.listThemes(db, user.localAreaId),
		areaList(db, user.localAreaId, 'flagTerms')
	]);
	const theme = themes.find((t) => t.id === filter.themeId) ?? null;
	let rows = await repo.listComments(db, user.localAreaId, {
		status: status === 'all' ? null : status,
		themeId: theme?.id ?? null,
		surveyId: filter.surveyId
	});
	if (!review) rows = await readable(db, user.localAreaId, rows);
	const flagged = rows.map((r) => ({ row: r, flags: findPersonalData(r.body, terms) }));
	if (review) {
		// Likely personal data first, so it is redacted before anyone else can read it.
		flagged.sort((a, b) => Number(b.flags.length > 0) - Number(a.flags.length > 0));
	}
	const total = flagged.length;
	const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
	const page = Math.min(filter.page, pages);
	const slice = flagged.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
	const tags = await repo.tagsOf(
		db,
		slice.map((s) => s.row.id)
	);
	const themeName = new Map(themes.map((t) => [t.id, t.name]));
	const items: QueueItem[] = slice.map(({ row, flags }) => ({
		id: row.id,
		segments: segmentsOf(row.body, review ? flags : []),
		flagKinds: review ? [...new Set(flags.map((f) => f.kind))] : [],
		status: row.status,
		redacted: row.redacted,
		waveName: row.waveName,
		surveyTitle: row.surveyTitle,
		audience: row.audience,
		themes: (tags.get(row.id) ?? []).map((id) => themeName.get(id) ?? '').filter(Boolean)
	}));
	return {
		review,
		status,
		theme: theme && { id: theme.id, name: theme.name },
		themes: themes.filter((t) => !t.archived).map((t) => ({ id: t.id, name: t.name })),
		items,
		total,
		flaggedCount: review ? flagged.filter((f) => f.flags.length > 0).length : 0,
		page,
		pages
	};
}

/** One comment for its page, or null when this user may not see it (or it is another area's). */
export async function commentPage(db: Db, user: Staff, commentId: string) {
	const row = await repo.findComment(db, user.localAreaId, commentId);
	if (!row) return null;
	const review = canReview(user);
	if (
		!review &&
		(row.status !== 'reviewed' || (await readable(db, user.localAreaId, [row])).length === 0)
	)
		return null;
	const [themes, terms, tags, findings] = await Promise.all([
		repo.listThemes(db, user.localAreaId),
		areaList(db, user.localAreaId, 'flagTerms'),
		repo.tagsOf(db, [row.id]),
		listFindingsInReportOrder(db, user.localAreaId)
	]);
	const flags = review ? findPersonalData(row.body, terms) : [];
	const tagged = tags.get(row.id) ?? [];
	const code = new Map(findings.map((f) => [f.id, f.code]));
	return {
		review,
		comment: {
			id: row.id,
			status: row.status,
			redacted: row.redacted,
			reviewedOn: row.reviewedOn,
			prompt: row.prompt,
			surveyTitle: row.surveyTitle,
			waveName: row.waveName,
			audience: row.audience
		},
		segments: segmentsOf(row.body, flags),
		flags: flags.map((f) => ({
			kind: f.kind,
			label: FLAG_LABELS[f.kind],
			text: row.body.slice(f.start, f.end),
			span: `${f.start}-${f.end}`
		})),
		digest: review ? digestOf(row.body) : null,
		themes: themes
			.filter((t) => !t.archived || tagged.includes(t.id))
			.map((t) => ({
				id: t.id,
				name: t.name,
				checked: tagged.includes(t.id),
				findings: t.findingIds.map((id) => code.get(id) ?? '').filter(Boolean)
			}))
	};
}

export type Outcome = { ok: true } | { ok: false; errors: Record<string, string> } | null;

async function reviewable(db: Db, user: Staff, commentId: string) {
	if (!canReview(user)) return null;
	return (await repo.findComment(db, user.localAreaId, commentId)) ?? null;
}

export async function tagComment(
	db: Db,
	user: Staff,
	commentId: string,
	themeIds: readonly string[]
): Promise<Outcome> {
	const comment = await reviewable(db, user, commentId);
	if (!comment) return null;
	const themes = await repo.listThemes(db, user.localAreaId);
	const known = new Set(themes.map((t) => t.id));
	if (themeIds.some((id) => !known.has(id))) {
		return { ok: false, errors: { themeIds: 'Choose themes from the list' } };
	}
	await db.transaction().execute(async (trx) => {
		await repo.setTags(trx, commentId, [...new Set(themeIds)]);
		await recordEvent(trx, {
			localAreaId: user.localAreaId,
			userId: user.id,
			action: 'comment.tagged',
			subjectType: 'comment',
			subjectId: commentId,
			detail: { themes: themeIds.length }
		});
	});
	return { ok: true };
}

/** Replace the chosen parts by [redacted]. The earlier text is gone for good. */
export async function redactComment(
	db: Db,
	user: Staff,
	commentId: string,
	input: RedactInput
): Promise<Outcome> {
	const comment = await reviewable(db, user, commentId);
	if (!comment) return null;
	if (digestOf(comment.body) !== input.digest) {
		return {
			ok: false,
			errors: { spans: 'The comment changed since you opened it. Check it and redact again.' }
		};
	}
	const spans = [...input.spans];
	if (spans.some((s) => s.start >= s.end || s.end > comment.body.length)) {
		return { ok: false, errors: { spans: 'Choose words from the list' } };
	}
	for (const phrase of input.phrases) {
		const found = occurrences(comment.body, phrase);
		if (found.length === 0) {
			return { ok: false, errors: { phrases: `“${phrase}” is not in the comment` } };
		}
		spans.push(...found);
	}
	const body = redactSpans(comment.body, mergeSpans(spans));
	const terms = await areaList(db, user.localAreaId, 'flagTerms');
	const kinds = [...new Set(findPersonalData(body, terms).map((f) => f.kind))];
	await db.transaction().execute(async (trx) => {
		await repo.replaceBody(trx, commentId, body, JSON.stringify(kinds));
		// What was removed is not recorded, only that something was.
		await recordEvent(trx, {
			localAreaId: user.localAreaId,
			userId: user.id,
			action: 'comment.redacted',
			subjectType: 'comment',
			subjectId: commentId,
			detail: { parts: spans.length }
		});
	});
	return { ok: true };
}

/** Overlapping or touching spans become one, so "[redacted]" appears once for them. */
function mergeSpans(spans: { start: number; end: number }[]) {
	const sorted = [...spans].sort((a, b) => a.start - b.start);
	const merged: { start: number; end: number }[] = [];
	for (const s of sorted) {
		const last = merged.at(-1);
		if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
		else merged.push({ ...s });
	}
	return merged;
}

export async function setReviewed(
	db: Db,
	user: Staff,
	commentId: string,
	reviewed: boolean
): Promise<Outcome> {
	const comment = await reviewable(db, user, commentId);
	if (!comment) return null;
	await db.transaction().execute(async (trx) => {
		await repo.setStatus(
			trx,
			commentId,
			reviewed
				? { status: 'reviewed', reviewedOn: today(), reviewedBy: user.id }
				: { status: 'new', reviewedOn: null, reviewedBy: null }
		);
		await recordEvent(trx, {
			localAreaId: user.localAreaId,
			userId: user.id,
			action: reviewed ? 'comment.reviewed' : 'comment.reopened',
			subjectType: 'comment',
			subjectId: commentId
		});
	});
	return { ok: true };
}

/**
 * The themes with how many comments each holds. Officers, who review every comment, see exact
 * counts; readers count only reviewed comments, through the small-number rules, so the page
 * cannot tell them that one new comment has just arrived.
 */
export async function themesPage(db: Db, user: Staff) {
	const manage = canReview(user);
	const [themes, findings, counts, rules] = await Promise.all([
		repo.listThemes(db, user.localAreaId),
		listFindingsInReportOrder(db, user.localAreaId),
		repo.countTagged(db, user.localAreaId, manage ? 'all' : 'reviewed'),
		areaRules(db, user.localAreaId)
	]);
	const shown = (n: number) =>
		manage
			? `${n.toLocaleString('en-GB')} comment${n === 1 ? '' : 's'}`
			: `${showCount(n, rules)} reviewed comments`;
	return {
		manage,
		themes: themes.map((t) => ({ ...t, comments: shown(counts.get(t.id) ?? 0) })),
		findings: findings
			.filter((f) => f.archived === 0)
			.map((f) => ({ id: f.id, code: f.code, title: f.title, strength: f.kind === 'strength' }))
	};
}

async function checkTheme(
	db: Db,
	user: Staff,
	input: ThemeInput,
	themeId: string | null
): Promise<Record<string, string> | null> {
	const findings = await listFindingsInReportOrder(db, user.localAreaId);
	const known = new Set(findings.map((f) => f.id));
	if (input.findingIds.some((id) => !known.has(id))) {
		return { findingIds: 'Choose findings from the list' };
	}
	const same = await repo.findThemeByName(db, user.localAreaId, input.name);
	if (same && same.id !== themeId)
		return { name: `There is already a theme called “${same.name}”` };
	return null;
}

export async function createTheme(db: Db, user: Staff, input: ThemeInput): Promise<Outcome> {
	if (!canReview(user)) return null;
	const errors = await checkTheme(db, user, input, null);
	if (errors) return { ok: false, errors };
	const id = newId();
	await db.transaction().execute(async (trx) => {
		await repo.insertTheme(trx, { id, localAreaId: user.localAreaId, name: input.name });
		await repo.setThemeFindings(trx, id, [...new Set(input.findingIds)]);
		await recordEvent(trx, {
			localAreaId: user.localAreaId,
			userId: user.id,
			action: 'comment-theme.created',
			subjectType: 'comment-theme',
			subjectId: id,
			detail: { name: input.name }
		});
	});
	return { ok: true };
}

export async function editTheme(
	db: Db,
	user: Staff,
	themeId: string,
	input: ThemeInput
): Promise<Outcome> {
	if (!canReview(user)) return null;
	const themes = await repo.listThemes(db, user.localAreaId);
	if (!themes.some((t) => t.id === themeId)) return null;
	const errors = await checkTheme(db, user, input, themeId);
	if (errors) return { ok: false, errors };
	await db.transaction().execute(async (trx) => {
		await repo.updateTheme(trx, user.localAreaId, themeId, { name: input.name });
		await repo.setThemeFindings(trx, themeId, [...new Set(input.findingIds)]);
		await recordEvent(trx, {
			localAreaId: user.localAreaId,
			userId: user.id,
			action: 'comment-theme.updated',
			subjectType: 'comment-theme',
			subjectId: themeId,
			detail: { name: input.name }
		});
	});
	return { ok: true };
}

export async function archiveTheme(
	db: Db,
	user: Staff,
	themeId: string,
	archived: boolean
): Promise<Outcome> {
	if (!canReview(user)) return null;
	const done = await db.transaction().execute(async (trx) => {
		if (!(await repo.updateTheme(trx, user.localAreaId, themeId, { archived: archived ? 1 : 0 })))
			return false;
		await recordEvent(trx, {
			localAreaId: user.localAreaId,
			userId: user.id,
			action: archived ? 'comment-theme.archived' : 'comment-theme.unarchived',
			subjectType: 'comment-theme',
			subjectId: themeId
		});
		return true;
	});
	return done ? { ok: true } : null;
}

export interface FindingComments {
	themes: { id: string; name: string }[];
	waves: { waveName: string; total: number; comments: { id: string; body: string }[] }[];
}

/**
 * Reviewed comments tagged with a theme linked to the finding, newest wave first, at most
 * `perWave` each; only of questions with at least minBase answers in that wave.
 */
export async function commentsForFinding(
	db: Db,
	areaId: string,
	findingId: string,
	perWave = 6
): Promise<FindingComments> {
	const themes = (await repo.listThemes(db, areaId)).filter((t) =>
		t.findingIds.includes(findingId)
	);
	const rows = await readable(
		db,
		areaId,
		await repo.listComments(db, areaId, { status: 'reviewed', themeIds: themes.map((t) => t.id) })
	);
	const waves: FindingComments['waves'] = [];
	for (const row of rows) {
		let wave = waves.find((w) => w.waveName === row.waveName);
		if (!wave) {
			wave = { waveName: row.waveName, total: 0, comments: [] };
			waves.push(wave);
		}
		wave.total += 1;
		if (wave.comments.length < perWave) wave.comments.push({ id: row.id, body: row.body });
	}
	return { themes: themes.map((t) => ({ id: t.id, name: t.name })), waves };
}
