import { describe, expect, it } from 'vitest';
import { createTestDb } from '$testing/db';
import { makeArea, makeUser } from '$testing/fixtures';
import {
	SESSION_DAYS,
	createSession,
	generateSessionToken,
	invalidateSession,
	invalidateUserSessions,
	sessionIdFromToken,
	validateSessionToken
} from './session';

const DAY = 24 * 60 * 60 * 1000;

async function setup() {
	const db = await createTestDb();
	const area = await makeArea(db);
	const user = await makeUser(db, area.id, { passwordHash: 'not-used' });
	return { db, area, user };
}

describe('session tokens', () => {
	it('are 32 characters of lower-case base 32 (160 random bits) and never repeat', () => {
		const tokens = new Set(Array.from({ length: 200 }, () => generateSessionToken()));
		expect(tokens.size).toBe(200);
		for (const token of tokens) expect(token).toMatch(/^[a-z2-7]{32}$/);
	});

	it('are stored only as their SHA-256 in hex', async () => {
		const { db, user } = await setup();
		const token = generateSessionToken();
		await createSession(db, token, user.id);
		const rows = await db.selectFrom('sessions').selectAll().execute();
		expect(rows).toHaveLength(1);
		expect(rows[0]!.id).toBe(sessionIdFromToken(token));
		expect(rows[0]!.id).toMatch(/^[0-9a-f]{64}$/);
		expect(JSON.stringify(rows)).not.toContain(token);
	});

	it('hash to the known SHA-256 value', () => {
		expect(sessionIdFromToken('abc')).toBe(
			'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
		);
	});
});

describe('validateSessionToken', () => {
	it('returns the session and its user for a good token', async () => {
		const { db, area, user } = await setup();
		const token = generateSessionToken();
		await createSession(db, token, user.id);
		const result = await validateSessionToken(db, token);
		expect(result.user).toEqual({
			id: user.id,
			localAreaId: area.id,
			email: user.email,
			name: user.name,
			role: 'officer',
			expiresOn: null
		});
		expect(result.session?.userId).toBe(user.id);
	});

	it('refuses an unknown token', async () => {
		const { db } = await setup();
		expect(await validateSessionToken(db, generateSessionToken())).toEqual({
			session: null,
			user: null
		});
	});

	it('lasts 30 days and is not extended while more than 15 days remain', async () => {
		const { db, user } = await setup();
		const start = new Date('2027-01-01T09:00:00Z');
		const token = generateSessionToken();
		const created = await createSession(db, token, user.id, start);
		expect(created.expiresAt.getTime()).toBe(start.getTime() + SESSION_DAYS * DAY);
		const later = new Date(start.getTime() + 10 * DAY);
		const result = await validateSessionToken(db, token, later);
		expect(result.session?.expiresAt.getTime()).toBe(created.expiresAt.getTime());
	});

	it('slides forward to 30 days from now when used within 15 days of expiry', async () => {
		const { db, user } = await setup();
		const start = new Date('2027-01-01T09:00:00Z');
		const token = generateSessionToken();
		await createSession(db, token, user.id, start);
		const later = new Date(start.getTime() + 20 * DAY);
		const result = await validateSessionToken(db, token, later);
		expect(result.session?.expiresAt.getTime()).toBe(later.getTime() + 30 * DAY);
		const row = await db.selectFrom('sessions').select('expiresAt').executeTakeFirstOrThrow();
		expect(new Date(row.expiresAt).getTime()).toBe(later.getTime() + 30 * DAY);
	});

	it('ends and deletes a session past its expiry', async () => {
		const { db, user } = await setup();
		const start = new Date('2027-01-01T09:00:00Z');
		const token = generateSessionToken();
		await createSession(db, token, user.id, start);
		const result = await validateSessionToken(db, token, new Date(start.getTime() + 30 * DAY));
		expect(result.session).toBeNull();
		expect(await db.selectFrom('sessions').selectAll().execute()).toHaveLength(0);
	});

	it('ends every session of a disabled user', async () => {
		const { db, user } = await setup();
		const token = generateSessionToken();
		await createSession(db, token, user.id);
		await createSession(db, generateSessionToken(), user.id);
		await db.updateTable('users').set({ disabledAt: '2027-01-01T00:00:00Z' }).execute();
		expect((await validateSessionToken(db, token)).user).toBeNull();
		expect(await db.selectFrom('sessions').selectAll().execute()).toHaveLength(0);
	});

	it('lets an inspector in up to and including their last day, not after', async () => {
		const { db, area } = await setup();
		const inspector = await makeUser(db, area.id, {
			role: 'inspector',
			expiresOn: '2027-03-31',
			passwordHash: 'not-used'
		});
		const token = generateSessionToken();
		await createSession(db, token, inspector.id, new Date('2027-03-20T09:00:00Z'));
		const lastDay = await validateSessionToken(db, token, new Date('2027-03-31T23:00:00Z'));
		expect(lastDay.user?.role).toBe('inspector');
		const after = await validateSessionToken(db, token, new Date('2027-04-01T00:00:01Z'));
		expect(after.user).toBeNull();
		expect(await db.selectFrom('sessions').selectAll().execute()).toHaveLength(0);
	});
});

describe('invalidation', () => {
	it('invalidateSession ends one session and keeps the others', async () => {
		const { db, user } = await setup();
		const one = generateSessionToken();
		const two = generateSessionToken();
		const session = await createSession(db, one, user.id);
		await createSession(db, two, user.id);
		await invalidateSession(db, session.id);
		expect((await validateSessionToken(db, one)).session).toBeNull();
		expect((await validateSessionToken(db, two)).session).not.toBeNull();
	});

	it('invalidateUserSessions ends every session of that user only', async () => {
		const { db, area, user } = await setup();
		const other = await makeUser(db, area.id, { passwordHash: 'not-used' });
		const mine = generateSessionToken();
		const theirs = generateSessionToken();
		await createSession(db, mine, user.id);
		await createSession(db, generateSessionToken(), user.id);
		await createSession(db, theirs, other.id);
		await invalidateUserSessions(db, user.id);
		expect((await validateSessionToken(db, mine)).session).toBeNull();
		expect((await validateSessionToken(db, theirs)).user?.id).toBe(other.id);
	});
});
