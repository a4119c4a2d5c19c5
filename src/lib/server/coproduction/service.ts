/**
 * Co-production on record. The log holds what officers enter (a co-design meeting, a review of
 * results with families) and, without anyone entering them again, every partner's sign-off of a
 * questionnaire (signoff.ts) and every partner's review of a comment theme (here). Every change
 * is audited.
 */
import { recordAction, type Actor } from '../audit';
import type { SessionUser } from '../auth/session';
import { can } from '../auth/roles';
import { inTransaction, nowIso, today as todayOf, type Db } from '../db';
import type { ParticipationLevel } from '../db/schema';
import type { FormErrors } from '../forms';
import { newId } from '../ids';
import { listPartners } from '../plan/repository';
import type { ActivityInput } from './input';
import * as repo from './repository';

type Outcome<T = object> = ({ ok: true } & T) | { ok: false; errors: FormErrors };
type User = Pick<SessionUser, 'id' | 'localAreaId' | 'role'>;

/**
 * Where the entries the log makes by itself sit on the ladder: a partner who signs off a
 * questionnaire before it opens has shaped it and agreed it, while the organisations still
 * decide (engaging); a partner's view of comment themes is asked for (consulting).
 */
const SIGN_OFF_LEVEL: ParticipationLevel = 'engaging';
const THEME_REVIEW_LEVEL: ParticipationLevel = 'consulting';

export interface LogEntry {
	id: string;
	source: 'activity' | 'sign-off' | 'theme-review';
	on: string;
	title: string;
	partners: string[];
	whatChanged: string;
	level: ParticipationLevel;
}

/** The whole log, newest first: entered activities, sign-offs and theme reviews together. */
export async function coproductionLog(db: Db, areaId: string): Promise<LogEntry[]> {
	const [activities, signoffs, reviews, partners] = await Promise.all([
		repo.listActivities(db, areaId),
		repo.listSignoffs(db, areaId),
		repo.listThemeReviews(db, areaId),
		listPartners(db, areaId)
	]);
	const name = new Map(partners.map((p) => [p.id, p.name]));
	const entries: LogEntry[] = [
		...activities.map((a) => ({
			id: a.id,
			source: 'activity' as const,
			on: a.heldOn,
			title: a.title,
			partners: a.partnerIds.map((id) => name.get(id) ?? '').filter(Boolean),
			whatChanged: a.whatChanged,
			level: a.level
		})),
		...signoffs.map((s) => ({
			id: s.id,
			source: 'sign-off' as const,
			on: s.signedOn,
			title: `Signed off the questionnaire “${s.surveyTitle}” before it opened`,
			partners: [s.partnerName],
			whatChanged: s.note || 'Agreed the questionnaire as it would go to families.',
			level: SIGN_OFF_LEVEL
		})),
		...reviews.map((r) => ({
			id: r.id,
			source: 'theme-review' as const,
			on: r.reviewedOn,
			title: `Reviewed what families wrote about “${r.themeName}”`,
			partners: [r.partnerName],
			whatChanged: r.body,
			level: THEME_REVIEW_LEVEL
		}))
	];
	return entries.sort((a, b) => b.on.localeCompare(a.on) || a.title.localeCompare(b.title));
}

/** The log and the sign-offs, for the evidence pack's "How this was co-produced". */
export async function coproductionRecord(db: Db, areaId: string) {
	const [log, signoffs] = await Promise.all([
		coproductionLog(db, areaId),
		repo.listSignoffs(db, areaId)
	]);
	return {
		log,
		signoffs: signoffs.map((s) => ({
			id: s.id,
			surveyTitle: s.surveyTitle,
			partnerName: s.partnerName,
			signedOn: s.signedOn,
			note: s.note
		}))
	};
}

async function partnersProblem(db: Db, areaId: string, partnerIds: readonly string[]) {
	const known = new Set((await listPartners(db, areaId)).map((p) => p.id));
	return partnerIds.every((id) => known.has(id))
		? null
		: { partnerIds: 'Choose partners from the list' };
}

export async function addActivity(
	db: Db,
	actor: Actor,
	input: ActivityInput,
	now = new Date()
): Promise<Outcome<{ id: string }>> {
	return inTransaction(db, async (trx) => {
		const problem = await partnersProblem(trx, actor.localAreaId, input.partnerIds);
		if (problem) return { ok: false, errors: problem };
		const id = newId();
		const { partnerIds, ...fields } = input;
		await repo.insertActivity(trx, {
			id,
			localAreaId: actor.localAreaId,
			...fields,
			createdAt: nowIso(now),
			createdBy: actor.id
		});
		await repo.setActivityPartners(trx, id, [...new Set(partnerIds)]);
		await recordAction(trx, actor, 'coproduction_logged', 'coproduction_activity', id, {
			title: input.title,
			level: input.level
		});
		return { ok: true, id };
	});
}

/** Undefined: no such entry in this area. */
export async function editActivity(
	db: Db,
	actor: Actor,
	id: string,
	input: ActivityInput
): Promise<Outcome | undefined> {
	return inTransaction(db, async (trx) => {
		const activity = await repo.getActivity(trx, actor.localAreaId, id);
		if (!activity) return undefined;
		const problem = await partnersProblem(trx, actor.localAreaId, input.partnerIds);
		if (problem) return { ok: false, errors: problem };
		const { partnerIds, ...fields } = input;
		await repo.updateActivity(trx, actor.localAreaId, id, fields);
		await repo.setActivityPartners(trx, id, [...new Set(partnerIds)]);
		await recordAction(trx, actor, 'coproduction_updated', 'coproduction_activity', id, {
			title: input.title,
			level: input.level
		});
		return { ok: true };
	});
}

export async function removeActivity(db: Db, actor: Actor, id: string): Promise<boolean> {
	return inTransaction(db, async (trx) => {
		const activity = await repo.getActivity(trx, actor.localAreaId, id);
		if (!activity) return false;
		await repo.deleteActivity(trx, actor.localAreaId, id);
		await recordAction(trx, actor, 'coproduction_deleted', 'coproduction_activity', id, {
			title: activity.title
		});
		return true;
	});
}

// Comment themes reviewed by partners

export async function themeReviews(db: Db, areaId: string) {
	return repo.listThemeReviews(db, areaId);
}

export async function reviewTheme(
	db: Db,
	user: User,
	input: { themeId: string; body: string },
	now = new Date()
): Promise<Outcome | undefined> {
	if (!can(user.role, 'reviewThemes')) return undefined;
	return inTransaction(db, async (trx) => {
		const theme = await repo.findTheme(trx, user.localAreaId, input.themeId);
		if (!theme) return undefined;
		const partner = await repo.partnerOfUser(trx, user.localAreaId, user.id);
		if (!partner)
			return {
				ok: false,
				errors: {
					body: 'Your account is not linked to a partner organisation. Ask an admin to link it'
				}
			};
		const id = newId();
		await repo.insertThemeReview(trx, {
			id,
			themeId: theme.id,
			partnerId: partner.id,
			userId: user.id,
			body: input.body,
			reviewedOn: todayOf(now),
			createdAt: nowIso(now)
		});
		await recordAction(trx, user, 'theme_reviewed', 'comment-theme', theme.id, {
			partner: partner.name
		});
		return { ok: true };
	});
}
