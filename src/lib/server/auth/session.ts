/**
 * Staff sessions after Lucia's design: the browser holds a random token, the database holds only
 * its SHA-256, so a copy of the sessions table cannot be used to sign in. Sessions last 30 days and
 * slide forward while in use; a disabled user or an inspector past their end date loses every
 * session at the next request.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { nowIso, today, type Db } from '../db';
import type { Role } from '../db/schema';

export interface SessionUser {
	id: string;
	localAreaId: string;
	email: string;
	name: string;
	role: Role;
	expiresOn: string | null;
}

export interface SessionRecord {
	id: string;
	userId: string;
	expiresAt: Date;
}

export type SessionValidationResult =
	{ session: SessionRecord; user: SessionUser } | { session: null; user: null };

const DAY_MS = 24 * 60 * 60 * 1000;
export const SESSION_DAYS = 30;
/** A session used in its last 15 days is pushed back out to 30, so active staff stay signed in. */
export const SESSION_RENEW_DAYS = 15;

/** 20 random bytes (160 bits) in lower-case base 32: unguessable and cookie-safe. */
export function generateSessionToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

/** The stored session id: SHA-256 of the token, hex. */
export function sessionIdFromToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export async function createSession(
	db: Db,
	token: string,
	userId: string,
	now = new Date()
): Promise<SessionRecord> {
	const session: SessionRecord = {
		id: sessionIdFromToken(token),
		userId,
		expiresAt: new Date(now.getTime() + SESSION_DAYS * DAY_MS)
	};
	await db
		.insertInto('sessions')
		.values({
			id: session.id,
			userId,
			expiresAt: session.expiresAt.toISOString(),
			createdAt: nowIso(now)
		})
		.execute();
	return session;
}

/** Whether a user may hold a session at all today: not disabled, and not an expired inspector. */
export function accountIsActive(
	user: { disabledAt: string | null; expiresOn: string | null },
	now = new Date()
): boolean {
	if (user.disabledAt !== null) return false;
	return user.expiresOn === null || user.expiresOn >= today(now);
}

export async function validateSessionToken(
	db: Db,
	token: string,
	now = new Date()
): Promise<SessionValidationResult> {
	const row = await db
		.selectFrom('sessions')
		.innerJoin('users', 'users.id', 'sessions.userId')
		.select([
			'sessions.id as sessionId',
			'sessions.expiresAt',
			'users.id',
			'users.localAreaId',
			'users.email',
			'users.name',
			'users.role',
			'users.expiresOn',
			'users.disabledAt'
		])
		.where('sessions.id', '=', sessionIdFromToken(token))
		.executeTakeFirst();
	if (!row) return { session: null, user: null };

	if (!accountIsActive(row, now)) {
		await invalidateUserSessions(db, row.id);
		return { session: null, user: null };
	}
	const session: SessionRecord = {
		id: row.sessionId,
		userId: row.id,
		expiresAt: new Date(row.expiresAt)
	};
	if (now.getTime() >= session.expiresAt.getTime()) {
		await invalidateSession(db, session.id);
		return { session: null, user: null };
	}
	if (now.getTime() >= session.expiresAt.getTime() - SESSION_RENEW_DAYS * DAY_MS) {
		session.expiresAt = new Date(now.getTime() + SESSION_DAYS * DAY_MS);
		await db
			.updateTable('sessions')
			.set({ expiresAt: session.expiresAt.toISOString() })
			.where('id', '=', session.id)
			.execute();
	}
	const user: SessionUser = {
		id: row.id,
		localAreaId: row.localAreaId,
		email: row.email,
		name: row.name,
		role: row.role,
		expiresOn: row.expiresOn
	};
	return { session, user };
}

export async function invalidateSession(db: Db, sessionId: string): Promise<void> {
	await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Ends every session of a user: on password change, "sign out everywhere", disabling. */
export async function invalidateUserSessions(db: Db, userId: string): Promise<void> {
	await db.deleteFrom('sessions').where('userId', '=', userId).execute();
}
