import { describe, expect, it } from 'vitest';
import type { Db } from '../../db';
import { createTestDb } from '$testing/db';
import { makeArea, makeUser } from '$testing/fixtures';
import { matchAccount, type AreaRules } from './accounts';
import type { Identity } from './identity';

const ISSUER = 'https://login.council.example/v2.0';

async function setup(newAccountRole: AreaRules['newAccountRole'] = 'viewer') {
	const db = await createTestDb();
	const area = await makeArea(db);
	const other = await makeArea(db);
	const rules: AreaRules = { localAreaId: area.id, domains: ['council.example'], newAccountRole };
	return { db, area, other, rules };
}

function identity(overrides: Partial<Identity> = {}): Identity {
	return {
		issuer: ISSUER,
		subject: 'sub-1',
		email: 'sam@council.example',
		emailVerified: true,
		name: 'Sam Jones',
		...overrides
	};
}

const identities = (db: Db) => db.selectFrom('userIdentities').selectAll().execute();
const actions = async (db: Db) =>
	(await db.selectFrom('auditEvents').select('action').orderBy('createdAt').execute()).map(
		(e) => e.action
	);

describe('matchAccount', () => {
	it('matches an existing account by verified email and links its subject', async () => {
		const { db, area, rules } = await setup();
		const user = await makeUser(db, area.id, { email: 'sam@council.example' });
		const result = await matchAccount(db, rules, identity());
		expect(result.ok && result.user.id).toBe(user.id);
		expect(result.ok && result.matchedBy).toBe('email');
		expect(await identities(db)).toMatchObject([
			{ issuer: ISSUER, subject: 'sub-1', userId: user.id }
		]);
		expect(await actions(db)).toEqual(['identity_linked']);
	});

	it('matches by subject afterwards, even when the email has changed within the domains', async () => {
		const { db, area, rules } = await setup();
		const user = await makeUser(db, area.id, { email: 'sam@council.example' });
		await matchAccount(db, rules, identity());
		const again = await matchAccount(db, rules, identity({ email: 'sam.jones@council.example' }));
		expect(again.ok && again.user.id).toBe(user.id);
		expect(again.ok && again.matchedBy).toBe('subject');
		expect(await identities(db)).toHaveLength(1);
	});

	it('refuses an email that is missing, unverified or outside the domains, linking nothing', async () => {
		const { db, area, rules } = await setup();
		await makeUser(db, area.id, { email: 'sam@council.example' });
		await makeUser(db, area.id, { email: 'sam@elsewhere.example' });
		expect(await matchAccount(db, rules, identity({ email: null }))).toEqual({
			ok: false,
			reason: 'no_email'
		});
		expect(await matchAccount(db, rules, identity({ emailVerified: false }))).toEqual({
			ok: false,
			reason: 'email_unverified'
		});
		expect(await matchAccount(db, rules, identity({ email: 'sam@elsewhere.example' }))).toEqual({
			ok: false,
			reason: 'domain_not_allowed'
		});
		expect(await identities(db)).toEqual([]);
	});

	it('shuts out a linked subject once its domain is no longer listed', async () => {
		const { db, area, rules } = await setup();
		await makeUser(db, area.id, { email: 'sam@council.example' });
		expect((await matchAccount(db, rules, identity())).ok).toBe(true);
		const narrowed = { ...rules, domains: ['other.example'] };
		expect(await matchAccount(db, narrowed, identity())).toEqual({
			ok: false,
			reason: 'domain_not_allowed'
		});
	});

	it('creates a new account with the chosen role, no password, and the name the provider gave', async () => {
		const { db, area } = await setup();
		const rules: AreaRules = {
			localAreaId: area.id,
			domains: ['council.example'],
			newAccountRole: 'officer'
		};
		const result = await matchAccount(db, rules, identity({ email: 'new@council.example' }));
		expect(result.ok && result.matchedBy).toBe('created');
		const row = await db
			.selectFrom('users')
			.selectAll()
			.where('email', '=', 'new@council.example')
			.executeTakeFirstOrThrow();
		expect(row).toMatchObject({
			localAreaId: area.id,
			role: 'officer',
			passwordHash: null,
			name: 'Sam Jones',
			disabledAt: null
		});
		expect(await identities(db)).toMatchObject([{ subject: 'sub-1', userId: row.id }]);
		expect(await actions(db)).toEqual(['user_created', 'identity_linked']);
		const created = await db
			.selectFrom('auditEvents')
			.selectAll()
			.where('action', '=', 'user_created')
			.executeTakeFirstOrThrow();
		expect(created).toMatchObject({ localAreaId: area.id, userId: null, subjectId: row.id });
	});

	it('names a new account after its email when the provider gives no name', async () => {
		const { db, rules } = await setup();
		const result = await matchAccount(
			db,
			rules,
			identity({ email: 'j.bloggs@council.example', name: null })
		);
		expect(result.ok && result.user).toMatchObject({ name: 'j.bloggs', role: 'viewer' });
	});

	it('refuses a new email when the area does not create accounts', async () => {
		const { db, rules } = await setup(null);
		expect(await matchAccount(db, rules, identity())).toEqual({ ok: false, reason: 'no_account' });
		expect(await db.selectFrom('users').selectAll().execute()).toEqual([]);
		expect(await actions(db)).toEqual([]);
	});

	it('refuses a disabled account and an ended inspector, and links neither', async () => {
		const { db, area, rules } = await setup();
		const disabled = await makeUser(db, area.id, {
			email: 'gone@council.example',
			disabledAt: '2027-01-01T00:00:00Z'
		});
		await makeUser(db, area.id, {
			email: 'inspector@council.example',
			role: 'inspector',
			expiresOn: '2027-01-31'
		});
		const now = new Date('2027-02-01T09:00:00Z');
		const a = await matchAccount(db, rules, identity({ email: 'gone@council.example' }), now);
		expect(a).toMatchObject({ ok: false, reason: 'disabled', user: { id: disabled.id } });
		const b = await matchAccount(
			db,
			rules,
			identity({ subject: 'sub-2', email: 'inspector@council.example' }),
			now
		);
		expect(b).toMatchObject({ ok: false, reason: 'expired' });
		expect(await identities(db)).toEqual([]);
	});

	it('refuses a linked account once it is disabled', async () => {
		const { db, area, rules } = await setup();
		const user = await makeUser(db, area.id, { email: 'sam@council.example' });
		await matchAccount(db, rules, identity());
		await db
			.updateTable('users')
			.set({ disabledAt: '2027-01-01T00:00:00Z' })
			.where('id', '=', user.id)
			.execute();
		expect(await matchAccount(db, rules, identity())).toMatchObject({
			ok: false,
			reason: 'disabled'
		});
	});

	it('never signs into another area’s account, by email or by subject', async () => {
		const { db, other, rules } = await setup();
		const theirs = await makeUser(db, other.id, { email: 'sam@council.example' });
		expect(await matchAccount(db, rules, identity())).toEqual({ ok: false, reason: 'other_area' });
		// Linked through their own area's sign-in, then presented to this one.
		const theirRules = { ...rules, localAreaId: other.id };
		expect((await matchAccount(db, theirRules, identity())).ok).toBe(true);
		expect(await matchAccount(db, rules, identity())).toEqual({ ok: false, reason: 'other_area' });
		expect((await identities(db)).map((i) => i.userId)).toEqual([theirs.id]);
	});

	it('does not hand an account linked to one person to a new holder of the email address', async () => {
		const { db, area, rules } = await setup();
		const user = await makeUser(db, area.id, { email: 'sam@council.example' });
		await matchAccount(db, rules, identity({ subject: 'first-holder' }));
		const result = await matchAccount(db, rules, identity({ subject: 'second-holder' }));
		expect(result).toMatchObject({ ok: false, reason: 'linked_to_other', user: { id: user.id } });
		expect((await identities(db)).map((i) => i.subject)).toEqual(['first-holder']);
	});

	it('links the same account again at a new issuer (the council changed provider)', async () => {
		const { db, area, rules } = await setup();
		const user = await makeUser(db, area.id, { email: 'sam@council.example' });
		await matchAccount(db, rules, identity());
		const moved = await matchAccount(
			db,
			rules,
			identity({ issuer: 'https://accounts.google.com', subject: '1234' })
		);
		expect(moved.ok && moved.user.id).toBe(user.id);
		expect(await identities(db)).toHaveLength(2);
	});
});
