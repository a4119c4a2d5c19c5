import { clientSecretContext } from './provider';
import { describe, expect, it } from 'vitest';
import { nowIso, type Db } from '../../db';
import { unseal } from '../../secret';
import { createTestDb } from '$testing/db';
import { makeArea, makeUser } from '$testing/fixtures';
import { signInSettingsSchema, type SignInSettingsInput } from './input';
import { loadProvider } from './provider';
import { insertIdentity } from './repository';
import { getSignInSettings, removeSignInSettings, saveSignInSettings } from './settings';

const SECRET = 'Zq8~very-secret-client-value';

function input(overrides: Record<string, string> = {}): SignInSettingsInput {
	return signInSettingsSchema.parse({
		enabled: 'on',
		issuer: 'https://login.council.example/v2.0',
		clientId: 'heard-app',
		clientSecret: SECRET,
		domains: 'council.example\nnhs.example',
		newAccounts: 'viewer',
		passwordSignIn: 'on',
		...overrides
	});
}

async function setup() {
	const db = await createTestDb();
	const area = await makeArea(db);
	const admin = await makeUser(db, area.id, { role: 'admin' });
	return { db, area, admin, actor: { id: admin.id, localAreaId: area.id } };
}

const audit = (db: Db) =>
	db.selectFrom('auditEvents').selectAll().orderBy('createdAt').orderBy('id').execute();

describe('council sign-in settings', () => {
	it('saves them with the secret sealed, never in clear, and shows back only that one is saved', async () => {
		const { db, area, actor } = await setup();
		expect(await saveSignInSettings(db, actor, input())).toEqual({ ok: true });
		const row = await db.selectFrom('areaSignIn').selectAll().executeTakeFirstOrThrow();
		expect(row.clientSecretSealed).not.toContain(SECRET);
		expect(unseal(row.clientSecretSealed, clientSecretContext(area.id))).toBe(SECRET);
		const view = await getSignInSettings(db, area.id);
		expect(view).toMatchObject({
			enabled: true,
			issuer: 'https://login.council.example/v2.0',
			clientId: 'heard-app',
			hasSecret: true,
			domains: ['council.example', 'nhs.example'],
			newAccountRole: 'viewer',
			passwordSignIn: true
		});
		expect(JSON.stringify(view)).not.toContain(SECRET);
		expect((await loadProvider(db, area.id))?.clientSecret).toBe(SECRET);
	});

	it('audits every change with what changed, never the secret', async () => {
		const { db, area, actor } = await setup();
		await saveSignInSettings(db, actor, input());
		await saveSignInSettings(db, actor, input({ clientSecret: '', newAccounts: 'refuse' }));
		await saveSignInSettings(db, actor, input({ clientSecret: 'another-secret-value' }));
		const events = await audit(db);
		expect(events.map((e) => e.action)).toEqual([
			'sign_in_settings_changed',
			'sign_in_settings_changed',
			'sign_in_settings_changed'
		]);
		expect(events[0]).toMatchObject({ localAreaId: area.id, userId: actor.id });
		const details = events.map((e) => JSON.parse(e.detail ?? '{}'));
		expect(details[1]).toMatchObject({ clientSecret: 'kept', changed: ['newAccountRole'] });
		expect(details[2]).toMatchObject({
			clientSecret: 'replaced',
			changed: ['newAccountRole', 'clientSecret']
		});
		const all = JSON.stringify(events);
		expect(all).not.toContain(SECRET);
		expect(all).not.toContain('another-secret-value');
	});

	it('keeps the saved secret when the field is left empty, and needs one the first time', async () => {
		const { db, area, actor } = await setup();
		expect(await saveSignInSettings(db, actor, input({ clientSecret: '' }))).toEqual({
			ok: false,
			errors: { clientSecret: 'Enter the client secret your identity provider gave Heard' }
		});
		expect(await getSignInSettings(db, area.id)).toBeNull();
		await saveSignInSettings(db, actor, input());
		await saveSignInSettings(db, actor, input({ clientSecret: '', clientId: 'renamed' }));
		const provider = await loadProvider(db, area.id);
		expect(provider).toMatchObject({ clientId: 'renamed', clientSecret: SECRET });
	});

	it('turns password sign-in off only for an admin who has signed in through this provider', async () => {
		const { db, area, actor } = await setup();
		await saveSignInSettings(db, actor, input());
		const refused = await saveSignInSettings(db, actor, input({ passwordSignIn: '' }));
		expect(refused.ok).toBe(false);
		expect(!refused.ok && refused.errors.passwordSignIn).toMatch(
			/^Before turning password sign-in off/
		);
		// Linked at another issuer does not count: it says nothing about the one configured.
		await insertIdentity(db, {
			issuer: 'https://old.example',
			subject: 's',
			userId: actor.id,
			createdAt: nowIso()
		});
		expect((await saveSignInSettings(db, actor, input({ passwordSignIn: '' }))).ok).toBe(false);
		await insertIdentity(db, {
			issuer: 'https://login.council.example/v2.0',
			subject: 's',
			userId: actor.id,
			createdAt: nowIso()
		});
		expect(await saveSignInSettings(db, actor, input({ passwordSignIn: '' }))).toEqual({
			ok: true
		});
		expect((await getSignInSettings(db, area.id))?.passwordSignIn).toBe(false);
		// The command line (no user) cannot prove it either.
		const cli = await saveSignInSettings(
			db,
			{ id: null, localAreaId: area.id },
			input({ passwordSignIn: '' })
		);
		expect(cli.ok).toBe(false);
	});

	it('replaces the domains on each save and keeps areas apart', async () => {
		const { db, area, actor } = await setup();
		const other = await makeArea(db);
		const otherAdmin = await makeUser(db, other.id, { role: 'admin' });
		await saveSignInSettings(db, actor, input());
		await saveSignInSettings(
			db,
			{ id: otherAdmin.id, localAreaId: other.id },
			input({ domains: 'other.example' })
		);
		await saveSignInSettings(db, actor, input({ domains: 'council.example' }));
		expect((await getSignInSettings(db, area.id))?.domains).toEqual(['council.example']);
		expect((await getSignInSettings(db, other.id))?.domains).toEqual(['other.example']);
	});

	it('paused settings give no provider to sign in with', async () => {
		const { db, area, actor } = await setup();
		await saveSignInSettings(db, actor, input({ enabled: '' }));
		expect(await loadProvider(db, area.id)).toBeUndefined();
		expect((await getSignInSettings(db, area.id))?.enabled).toBe(false);
	});

	it('removes council sign-in with its domains, audited once', async () => {
		const { db, area, actor } = await setup();
		await saveSignInSettings(db, actor, input());
		expect(await removeSignInSettings(db, actor)).toBe(true);
		expect(await removeSignInSettings(db, actor)).toBe(false);
		expect(await getSignInSettings(db, area.id)).toBeNull();
		expect(await db.selectFrom('areaSignInDomains').selectAll().execute()).toEqual([]);
		// Two events can share a millisecond, so their order in the log is not the point here.
		expect((await audit(db)).map((e) => e.action).sort()).toEqual([
			'sign_in_settings_changed',
			'sign_in_settings_removed'
		]);
	});
});
