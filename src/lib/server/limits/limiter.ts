/**
 * Rate limits shared by every instance: a row per (limit, subject) in `rate_limits`, counting
 * hits in a fixed window. Several instances behind a proxy then allow what one would, not N
 * times as much, and a restart forgets nothing.
 *
 * Taking is one atomic upsert that counts the hit and returns the new total, so a hundred
 * parallel tries cannot all pass a check made before any of them counted (the old check-then-
 * consume race). A try that turns out to be fine (the right password, the right code) gives
 * its hit back.
 *
 * Subjects (an email typed, a client address) reach the table only as HMACs under the server
 * secret, and a row is deleted soon after its window ends: no address is kept in readable form
 * or for longer than minutes.
 */
import { sql } from 'kysely';
import type { Db } from '../db';
import { keyedHash } from '../secret';

export interface Limit {
	/** Part of the key, so the same subject has separate tallies per limit. */
	name: string;
	/** Hits allowed in one window. */
	max: number;
	windowSeconds: number;
}

export const LIMITS = {
	/** Failed sign-ins per email typed (whether or not it is an account). */
	signInAccount: { name: 'sign-in-account', max: 5, windowSeconds: 5 * 60 },
	/** Failed sign-ins per client address. */
	signInClient: { name: 'sign-in-client', max: 30, windowSeconds: 5 * 60 },
	/** Wrong access codes, and draft secrets that match no draft, per client address. */
	wrongKey: { name: 'wrong-key', max: 5, windowSeconds: 10 * 60 },
	/**
	 * New drafts per client address. A school computer room or a family hub shares one address,
	 * so this is generous: it only stops a script filling the table.
	 */
	newDraft: { name: 'new-draft', max: 60, windowSeconds: 10 * 60 }
} as const satisfies Record<string, Limit>;

export interface Taken {
	ok: boolean;
	/** This hit is the first over the limit in its window (worth recording once). */
	justOver: boolean;
	/** Seconds until the window ends (when `ok` is false, how long to wait). */
	retryAfterSeconds: number;
}

function keyOf(limit: Limit, subject: string): string {
	return keyedHash('limiter', `${limit.name}\u0000${subject}`);
}

/** Counts one hit against the subject and says whether it was within the limit. */
export async function take(
	db: Db,
	limit: Limit,
	subject: string,
	now = new Date()
): Promise<Taken> {
	const at = now.toISOString();
	const ends = new Date(now.getTime() + limit.windowSeconds * 1000).toISOString();
	const row = await db
		.insertInto('rateLimits')
		.values({ key: keyOf(limit, subject), hits: 1, windowEndsAt: ends })
		.onConflict((oc) =>
			oc.column('key').doUpdateSet({
				hits: sql<number>`case when rate_limits.window_ends_at <= ${at} then 1 else rate_limits.hits + 1 end`,
				windowEndsAt: sql<string>`case when rate_limits.window_ends_at <= ${at} then ${ends} else rate_limits.window_ends_at end`
			})
		)
		.returning(['hits', 'windowEndsAt'])
		.executeTakeFirstOrThrow();
	await pruneNow(db, now);
	const hits = Number(row.hits);
	return {
		ok: hits <= limit.max,
		justOver: hits === limit.max + 1,
		retryAfterSeconds: secondsUntil(row.windowEndsAt, now)
	};
}

function secondsUntil(iso: string, now: Date): number {
	return Math.max(1, Math.ceil((Date.parse(iso) - now.getTime()) / 1000));
}

/** Gives back the hit of a try that turned out fine. */
export async function giveBack(db: Db, limit: Limit, subject: string): Promise<void> {
	await db
		.updateTable('rateLimits')
		.set({ hits: sql<number>`hits - 1` })
		.where('key', '=', keyOf(limit, subject))
		.where('hits', '>', 0)
		.execute();
}

/** Forgets the subject's tally (a successful sign-in clears the account's failures). */
export async function clear(db: Db, limit: Limit, subject: string): Promise<void> {
	await db.deleteFrom('rateLimits').where('key', '=', keyOf(limit, subject)).execute();
}

// Ended windows are deleted about once a minute per instance; which instance does it does not
// matter, so the "when" lives in memory.
const PRUNE_EVERY_MS = 60_000;
const lastPruned = new WeakMap<Db, number>();

async function pruneNow(db: Db, now: Date): Promise<void> {
	const last = lastPruned.get(db) ?? 0;
	if (now.getTime() - last < PRUNE_EVERY_MS) return;
	lastPruned.set(db, now.getTime());
	await db.deleteFrom('rateLimits').where('windowEndsAt', '<=', now.toISOString()).execute();
}
