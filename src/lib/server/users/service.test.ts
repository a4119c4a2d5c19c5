import { describe, expect, it } from 'vitest';
import { createSession, generateSessionToken, validateSessionToken } from '../auth/session';
import { verifyPassword } from '../auth/password';
import { createTestDb } from '$testing/db';
import { makeArea, makeUser } from '$testing/fixtures';
import { newUserSchema, roleChangeSchema } from './input';
import { getUser } from './repository';
import {
	changeOwnPassword,
	changeRole,
	createUser,
	resetPassword,
	setDisabled,
	signOutEverywhere
} from './service';

const NOW = new Date('2027-01-10T10:00:00Z');

async function setup() {
	const db = await createTestDb();
	const area = await makeArea(db, 'area-a');
	const other = await makeArea(db, 'area-b');
	const admin = await makeUser(db, area.id, { role: 'admin', email: 'admin@a.example' });
	const officer = await makeUser(db, area.id, { role: 'officer', email: 'officer@a.example' });
	const outsider = await makeUser(db, other.id, { role: 'officer', email: 'officer@b.example' });
	return {
		db,
		area,
		other,
		admin,
		officer,
		outsider,
		actor: { id: admin.id, localAreaId: area.id }
	};
}

async function sessionFor(db: Awaited<ReturnType<typeof createTestDb>>, userId: string) {
	const token = generateSessionToken();
	await createSession(db, token, userId);
	return token;
}

describe('input', () => {
	it('needs an end date for an inspector only', () => {
		const base = { email: 'Ina@Example.org ', name: 'Ina', role: 'inspector', expiresOn: '' };
		const refused = newUserSchema.safeParse(base);
		expect(refused.error?.issues[0]?.message).toBe('Enter the date the inspector’s access ends');
		const ok = newUserSchema.parse({ ...base, expiresOn: '2027-03-31' });
		expect(ok.email).toBe('ina@example.org');
		expect(roleChangeSchema.safeParse({ role: 'viewer', expiresOn: '' }).success).toBe(true);
		expect(roleChangeSchema.safeParse({ role: 'boss', expiresOn: '' }).success).toBe(false);
	});
});

describe('partner users', () => {
	it('belong to one of the area’s own partners, and nobody else belongs to one', async () => {
		const { db, area, other, actor, officer } = await setup();
		const partner = async (areaId: string) => {
			const id = `p-${areaId}`;
			await db
				.insertInto('partners')
				.values({
					id,
					localAreaId: areaId,
					name: 'Forum',
					kind: 'parent_carer_forum',
					createdAt: NOW.toISOString()
				})
				.execute();
			return id;
		};
		const mine = await partner(area.id);
		const theirs = await partner(other.id);
		const input = {
			email: 'pat@a.example',
			name: 'Pat',
			role: 'partner' as const,
			expiresOn: null
		};
		expect(newUserSchema.safeParse({ ...input, expiresOn: '' }).error?.issues[0]?.message).toBe(
			'Choose the partner organisation they belong to'
		);
		expect(await createUser(db, actor, { ...input, partnerId: theirs }, NOW)).toEqual({
			ok: false,
			errors: { partnerId: 'Choose the partner organisation they belong to' }
		});
		const made = await createUser(db, actor, { ...input, partnerId: mine }, NOW);
		expect(made.ok && made.user.partnerId).toBe(mine);
		// A viewer keeps no partner, whatever the form said.
		await changeRole(
			db,
			actor,
			officer.id,
			{ role: 'viewer', expiresOn: null, partnerId: mine },
			NOW
		);
		expect((await getUser(db, area.id, officer.id))?.partnerId).toBeNull();
		await changeRole(
			db,
			actor,
			officer.id,
			{ role: 'partner', expiresOn: null, partnerId: mine },
			NOW
		);
		expect(await getUser(db, area.id, officer.id)).toMatchObject({
			role: 'partner',
			partnerId: mine
		});
	});
});

describe('createUser', () => {
	it('generates a strong password, stores only its hash and audits', async () => {
		const { db, actor } = await setup();
		const result = await createUser(db, actor, {
			email: 'new@a.example',
			name: 'New Person',
			role: 'viewer',
			expiresOn: null
		});
		if (!result.ok) throw new Error('expected ok');
		expect(result.generated).toBe(true);
		expect(result.password).toHaveLength(20);
		const stored = await getUser(db, actor.localAreaId, result.user.id);
		expect(stored?.passwordHash).not.toContain(result.password);
		expect(await verifyPassword(stored!.passwordHash, result.password)).toBe(true);
		const event = await db.selectFrom('auditEvents').selectAll().executeTakeFirstOrThrow();
		expect(event).toMatchObject({
			action: 'user_created',
			userId: actor.id,
			subjectId: result.user.id
		});
		expect(event.detail).not.toContain(result.password);
	});

	it('refuses an email already in use (in any area), a weak given password and a past end date', async () => {
		const { db, actor } = await setup();
		const taken = await createUser(db, actor, {
			email: 'officer@b.example',
			name: 'X',
			role: 'viewer',
			expiresOn: null
		});
		expect(taken).toEqual({
			ok: false,
			errors: { email: 'That email address already has an account' }
		});
		const weak = await createUser(db, actor, {
			email: 'sam@a.example',
			name: 'Sam',
			role: 'admin',
			expiresOn: null,
			password: 'Password1234!'
		});
		expect(weak.ok).toBe(false);
		const past = await createUser(
			db,
			actor,
			{ email: 'ina@a.example', name: 'Ina', role: 'inspector', expiresOn: '2027-01-09' },
			NOW
		);
		expect(past).toEqual({
			ok: false,
			errors: { expiresOn: 'The end date must be today or in the future' }
		});
		expect(await db.selectFrom('auditEvents').selectAll().execute()).toHaveLength(0);
	});
});

describe('changing other users', () => {
	it('changes a role; an inspector keeps an end date, others lose it', async () => {
		const { db, actor, officer } = await setup();
		await changeRole(db, actor, officer.id, { role: 'inspector', expiresOn: '2027-02-01' }, NOW);
		expect(await getUser(db, actor.localAreaId, officer.id)).toMatchObject({
			role: 'inspector',
			expiresOn: '2027-02-01'
		});
		await changeRole(db, actor, officer.id, { role: 'viewer', expiresOn: '2027-02-01' }, NOW);
		expect(await getUser(db, actor.localAreaId, officer.id)).toMatchObject({
			role: 'viewer',
			expiresOn: null
		});
	});

	it('never lets admins change their own role or disable themselves', async () => {
		const { db, actor, admin } = await setup();
		expect((await changeRole(db, actor, admin.id, { role: 'viewer', expiresOn: null }))?.ok).toBe(
			false
		);
		expect((await setDisabled(db, actor, admin.id, true))?.ok).toBe(false);
		expect((await resetPassword(db, actor, admin.id))?.ok).toBe(false);
		expect((await getUser(db, actor.localAreaId, admin.id))?.role).toBe('admin');
	});

	it('disabling ends every session at once', async () => {
		const { db, actor, officer } = await setup();
		const token = await sessionFor(db, officer.id);
		await setDisabled(db, actor, officer.id, true);
		expect((await validateSessionToken(db, token)).user).toBeNull();
		await setDisabled(db, actor, officer.id, false);
		expect((await getUser(db, actor.localAreaId, officer.id))?.disabledAt).toBeNull();
	});

	it('a reset gives a new working password and ends their sessions', async () => {
		const { db, actor, officer } = await setup();
		const token = await sessionFor(db, officer.id);
		const result = await resetPassword(db, actor, officer.id);
		if (!result?.ok) throw new Error('expected ok');
		const stored = await getUser(db, actor.localAreaId, officer.id);
		expect(await verifyPassword(stored!.passwordHash, result.password)).toBe(true);
		expect(await verifyPassword(stored!.passwordHash, officer.password)).toBe(false);
		expect((await validateSessionToken(db, token)).user).toBeNull();
	});

	it('cannot touch a user of another area', async () => {
		const { db, actor, outsider, other } = await setup();
		const token = await sessionFor(db, outsider.id);
		expect(
			await changeRole(db, actor, outsider.id, { role: 'admin', expiresOn: null })
		).toBeUndefined();
		expect(await setDisabled(db, actor, outsider.id, true)).toBeUndefined();
		expect(await resetPassword(db, actor, outsider.id)).toBeUndefined();
		expect(await getUser(db, other.id, outsider.id)).toMatchObject({
			role: 'officer',
			disabledAt: null
		});
		expect((await validateSessionToken(db, token)).user?.id).toBe(outsider.id);
		expect(await db.selectFrom('auditEvents').selectAll().execute()).toHaveLength(0);
	});
});

describe('own account', () => {
	it('changing the password needs the current one and ends every session', async () => {
		const { db, officer, area } = await setup();
		const me = { id: officer.id, localAreaId: area.id };
		const token = await sessionFor(db, officer.id);
		const wrong = await changeOwnPassword(db, me, {
			current: 'not it at all',
			password: 'violet kettle harbour sprint'
		});
		expect(wrong).toEqual({ ok: false, errors: { current: 'Your current password is not right' } });
		expect((await validateSessionToken(db, token)).user).not.toBeNull();
		const ok = await changeOwnPassword(db, me, {
			current: officer.password,
			password: 'violet kettle harbour sprint'
		});
		expect(ok).toEqual({ ok: true });
		expect((await validateSessionToken(db, token)).user).toBeNull();
		const stored = await getUser(db, area.id, officer.id);
		expect(await verifyPassword(stored!.passwordHash, 'violet kettle harbour sprint')).toBe(true);
	});

	it('sign out everywhere ends every session of that user only', async () => {
		const { db, officer, admin, area } = await setup();
		const mine = [await sessionFor(db, officer.id), await sessionFor(db, officer.id)];
		const theirs = await sessionFor(db, admin.id);
		await signOutEverywhere(db, { id: officer.id, localAreaId: area.id });
		for (const token of mine) expect((await validateSessionToken(db, token)).user).toBeNull();
		expect((await validateSessionToken(db, theirs)).user?.id).toBe(admin.id);
	});
});
