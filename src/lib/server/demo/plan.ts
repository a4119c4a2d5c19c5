/**
 * The demo's improvement plan and co-production record for one area: partners, commitments with
 * dated status histories placed on the demo's own timeline (the baseline wave opened a year ago),
 * co-production activities, partners' sign-offs of the questionnaires before they opened, a
 * partner's review of a comment theme, a partner user, a few chosen quotes and a published
 * public page. Deterministic, like the rest of the demo.
 */
import { nowIso, today as todayOf, type Db } from '../db';
import type { ActionStatus, FindingKind, PartnerKind } from '../db/schema';
import { REDACTED } from '../comments/flags';
import { commentsForFinding } from '../comments/service';
import { newId } from '../ids';
import { insertQuote } from '../public/repository';
import { publish } from '../public/service';
import {
	COMMITMENTS,
	DEMO_ACTIVITIES,
	DEMO_PARTNERS,
	FIRST_ACTIONS,
	PER_FINDING,
	THEME_OWNER
} from './plan-data';
import { hashSeed, seededRandom } from './random';

/** The demo partner user of an area (a member of its parent carer forum). */
export function demoPartner(slug: string) {
	return { email: `partner@${slug}.demo.example`, password: `heard-demo-partner-${slug}` };
}

const DAY = 86_400_000;
const addDays = (date: string, days: number) =>
	new Date(Date.parse(`${date}T00:00:00Z`) + Math.round(days) * DAY).toISOString().slice(0, 10);
const daysBetween = (a: string, b: string) =>
	Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);

interface PlanSeed {
	areaId: string;
	slug: string;
	adminId: string;
	partnerPasswordHash: string;
	findings: { id: string; theme: string; kind: FindingKind }[];
	/** The area's waves in order (the first is the baseline). */
	waves: { startsOn: string; endsOn: string }[];
	surveys: { id: string; waveIndex: number; audience: string; opensOn: string }[];
	now: Date;
}

export async function seedPlan(db: Db, seed: PlanSeed): Promise<void> {
	const random = seededRandom(hashSeed(`${seed.slug}:plan`));
	const today = todayOf(seed.now);
	const createdAt = nowIso(seed.now);
	const partners = await seedPartners(db, seed.areaId, seed.slug, createdAt);
	const owner = (kind: PartnerKind) => partners.get(kind) ?? partners.get('council')!;

	// The plan: commitments per area of weakness, in report order.
	const weaknesses = seed.findings.filter((f) => f.kind !== 'strength');
	const used = new Map<string, number>();
	const drafts = (FIRST_ACTIONS[seed.slug] ?? []).map((a) => ({
		title: a.title,
		description: a.description,
		findingIds: weaknesses.filter((f) => a.themes.includes(f.theme)).map((f) => f.id),
		partnerId: owner('council')
	}));
	for (const f of weaknesses) {
		const pool = COMMITMENTS[f.theme] ?? [];
		for (let k = 0; k < (PER_FINDING[seed.slug] ?? 2) && pool.length > 0; k++) {
			const n = used.get(f.theme) ?? 0;
			used.set(f.theme, n + 1);
			if (n >= pool.length) continue;
			const [title, description] = pool[n]!;
			drafts.push({
				title,
				description,
				findingIds: [f.id],
				partnerId: owner(k === 0 ? (THEME_OWNER[f.theme] ?? 'council') : 'council')
			});
		}
	}
	const statuses = planStatuses(seed.slug, drafts.length, random);
	// The documents' one commitment at risk: the electronic system for EHC plans.
	const ehc = drafts.findIndex((d) => d.title.startsWith('Implement an electronic system'));
	if (ehc >= 0) {
		const at = statuses.indexOf('at_risk');
		if (at >= 0) [statuses[at], statuses[ehc]] = [statuses[ehc]!, 'at_risk'];
	}

	const planOn = addDays(seed.waves[0]!.startsOn, 30);
	const leads = [
		'Head of SEND',
		'Designated clinical officer',
		'Assistant director, education',
		'SEND improvement lead',
		'Head of inclusion'
	];
	for (const [i, draft] of drafts.entries()) {
		const status = statuses[i]!;
		const span = Math.max(daysBetween(planOn, today) - 60, 30);
		const startsOn =
			status !== 'not_started'
				? addDays(planOn, random() * span)
				: random() < 0.5
					? addDays(today, -10 - random() * 100)
					: addDays(today, 15 + random() * 185);
		const start = startsOn < planOn ? planOn : startsOn;
		const dueOn = addDays(start, 150 + random() * 250);
		const actionId = newId();
		await db
			.insertInto('actions')
			.values({
				id: actionId,
				localAreaId: seed.areaId,
				title: draft.title,
				description: draft.description,
				partnerId: draft.partnerId,
				lead: leads[i % leads.length]!,
				startsOn: start,
				dueOn,
				createdAt
			})
			.execute();
		await db
			.insertInto('actionFindings')
			.values(draft.findingIds.map((findingId) => ({ actionId, findingId })))
			.execute();
		const history = historyOf(status, planOn, start, today, random);
		await db
			.insertInto('actionUpdates')
			.values(
				history.map((h) => ({
					id: newId(),
					actionId,
					status: h.status,
					note: h.note,
					updatedOn: h.on,
					createdAt,
					createdBy: seed.adminId
				}))
			)
			.execute();
	}

	await seedCoproduction(db, seed, partners, createdAt, today);
	await seedPartnerUser(db, seed, partners.get('parent_carer_forum')!, createdAt);
	await seedQuotes(db, seed.areaId, seed.adminId, weaknesses, createdAt);
	await publish(db, { id: seed.adminId, localAreaId: seed.areaId }, seed.now);
}

async function seedPartners(db: Db, areaId: string, slug: string, createdAt: string) {
	const byKind = new Map<PartnerKind, string>();
	for (const p of DEMO_PARTNERS[slug] ?? DEMO_PARTNERS.lancashire!) {
		const id = newId();
		if (!byKind.has(p.kind)) byKind.set(p.kind, id);
		await db
			.insertInto('partners')
			.values({ id, localAreaId: areaId, name: p.name, kind: p.kind, createdAt })
			.execute();
	}
	return byKind;
}

/**
 * The statuses of an area's commitments. Lancashire's mirror its plan of mid-April 2019: a
 * third not started, about a third complete, the rest ongoing and one at risk.
 */
function planStatuses(slug: string, total: number, random: () => number): ActionStatus[] {
	const notStarted = slug === 'lancashire' ? Math.round(total / 3) : Math.round(total / 5);
	const done = Math.round(total * (slug === 'lancashire' ? 0.25 : 0.3));
	const atRisk = 1;
	const offTrack = total >= 10 ? 1 : 0;
	const onTrack = total - notStarted - done - atRisk - offTrack;
	const list: ActionStatus[] = [
		...Array<ActionStatus>(notStarted).fill('not_started'),
		...Array<ActionStatus>(done).fill('done'),
		...Array<ActionStatus>(atRisk).fill('at_risk'),
		...Array<ActionStatus>(offTrack).fill('off_track'),
		...Array<ActionStatus>(Math.max(onTrack, 0)).fill('on_track')
	].slice(0, total);
	for (let i = list.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[list[i], list[j]] = [list[j]!, list[i]!];
	}
	return list;
}

/** A commitment's dated status updates, oldest first, none after today. */
function historyOf(
	status: ActionStatus,
	planOn: string,
	startsOn: string,
	today: string,
	random: () => number
) {
	const history: { status: ActionStatus; on: string; note: string }[] = [
		{ status: 'not_started', on: planOn, note: 'Added to the improvement plan.' }
	];
	if (status === 'not_started') return history;
	history.push({ status: 'on_track', on: startsOn, note: 'Work started; lead and team in place.' });
	const left = Math.max(daysBetween(startsOn, today), 14);
	const mid = addDays(startsOn, Math.max(7, left * (0.3 + random() * 0.3)));
	if (status === 'done') {
		history.push({
			status: 'on_track',
			on: mid,
			note: 'Reported to the partnership board: on track.'
		});
		history.push({
			status: 'done',
			on: addDays(mid, Math.max(3, daysBetween(mid, today) * (0.4 + random() * 0.5))),
			note: 'Completed and reported to the partnership board.'
		});
	} else if (status === 'at_risk') {
		history.push({
			status: 'at_risk',
			on: mid,
			note: 'Delayed: the supplier cannot deliver before the next school year.'
		});
	} else if (status === 'off_track') {
		history.push({ status: 'at_risk', on: mid, note: 'Staff vacancies are slowing the work.' });
		history.push({
			status: 'off_track',
			on: addDays(mid, Math.max(3, daysBetween(mid, today) * 0.6)),
			note: 'Two posts still vacant; a recovery plan goes to the next board.'
		});
	} else {
		history.push({
			status: 'on_track',
			on: mid,
			note: 'Reported to the partnership board: on track.'
		});
	}
	return history.filter((h) => h.on <= today);
}

async function seedCoproduction(
	db: Db,
	seed: PlanSeed,
	partners: Map<PartnerKind, string>,
	createdAt: string,
	today: string
) {
	const baseline = seed.waves[0]!.startsOn;
	for (const a of DEMO_ACTIVITIES) {
		const heldOn = addDays(baseline, a.day);
		if (heldOn > today) continue;
		const id = newId();
		await db
			.insertInto('coproductionActivities')
			.values({
				id,
				localAreaId: seed.areaId,
				heldOn,
				title: a.title,
				whatChanged: a.whatChanged,
				level: a.level,
				createdAt,
				createdBy: seed.adminId
			})
			.execute();
		const ids = [...new Set(a.partners.flatMap((k) => partners.get(k) ?? []))];
		if (ids.length > 0)
			await db
				.insertInto('coproductionPartners')
				.values(ids.map((partnerId) => ({ activityId: id, partnerId })))
				.execute();
	}
	// The later questionnaires were signed off by the forum (and the young people's by the
	// youth group) before they opened.
	for (const s of seed.surveys.filter((s) => s.waveIndex > 0)) {
		const partnerId = partners.get(
			s.audience === 'young_person' ? 'youth_group' : 'parent_carer_forum'
		);
		if (!partnerId) continue;
		await db
			.insertInto('surveySignoffs')
			.values({
				id: newId(),
				surveyId: s.id,
				partnerId,
				userId: null,
				signedOn: addDays(s.opensOn, -10),
				note:
					s.audience === 'young_person'
						? 'The faces and easy-read words are ours.'
						: 'Our comments on the questions about waiting were taken on.',
				createdAt
			})
			.execute();
	}
	const theme = await db
		.selectFrom('commentThemes')
		.select('id')
		.where('localAreaId', '=', seed.areaId)
		.where('name', '=', 'Being heard')
		.executeTakeFirst();
	const forum = partners.get('parent_carer_forum');
	if (theme && forum && seed.waves[1])
		await db
			.insertInto('themeReviews')
			.values({
				id: newId(),
				themeId: theme.id,
				partnerId: forum,
				userId: null,
				body: 'These match what families tell the forum. Many are about not being called back: that deserves a theme of its own.',
				reviewedOn: addDays(seed.waves[1].endsOn, 10),
				createdAt
			})
			.execute();
}

async function seedPartnerUser(db: Db, seed: PlanSeed, partnerId: string, createdAt: string) {
	await db
		.insertInto('users')
		.values({
			id: newId(),
			localAreaId: seed.areaId,
			email: demoPartner(seed.slug).email,
			name: 'Parent carer forum member (demo)',
			role: 'partner',
			passwordHash: seed.partnerPasswordHash,
			partnerId,
			expiresOn: null,
			disabledAt: null,
			createdAt
		})
		.execute();
}

/** One reviewed comment as a quote under each of the first areas of weakness that have some. */
async function seedQuotes(
	db: Db,
	areaId: string,
	adminId: string,
	weaknesses: { id: string }[],
	chosenAt: string
) {
	const taken = new Set<string>();
	for (const f of weaknesses) {
		const readable = await commentsForFinding(db, areaId, f.id, 3);
		// An officer would not choose a comment with redacted words as the public face of a finding.
		const comment = readable.waves
			.flatMap((w) => w.comments)
			.find((c) => !taken.has(c.body) && !c.body.includes(REDACTED));
		if (!comment) continue;
		taken.add(comment.body);
		await insertQuote(db, {
			commentId: comment.id,
			localAreaId: areaId,
			findingId: f.id,
			chosenBy: adminId,
			chosenAt
		});
	}
}
