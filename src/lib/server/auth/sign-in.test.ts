import { describe, expect, it } from 'vitest';
import { createTestDb } from '$testing/db';
import { makeArea, makeUser } from '$testing/fixtures';
import { signInSettingsSchema } from './oidc/input';
import { saveSignInSettings } from './oidc/settings';
import { signIn } from './sign-in';

async function setup() {
	const db = await createTestDb();
	const area = await makeArea(db);
	const user = await makeUser(db, area.id, { email: 'officer@area.example' });
	return { db, area, user };
}

const events = (db: Awaited<ReturnType<typeof createTestDb>>) =>
	db.selectFrom('auditEvents').selectAll().orderBy('createdAt').execute();

describe('signIn', () => {
	it('signs in with the right password, whatever the case of the email, and audits it', async () => {
		const { db, user, area } = await setup();
		const result = await signIn(db, {
			email: ' Officer@Area.example ',
			password: user.password,
			client: '1'
		});
		expect(result.ok && result.user.id).toBe(user.id);
		const [event] = await events(db);
		expect(event).toMatchObject({ action: 'sign_in', userId: user.id, localAreaId: area.id });
	});

	it('gives the same answer for a wrong password and an unknown email, and audits the one aimed at an account', async () => {
		const { db, user, area } = await setup();
		const wrong = await signIn(db, {
			email: user.email,
			password: 'not the password at all',
			client: '1'
		});
		const unknown = await signIn(db, {
			email: 'nobody@area.example',
			password: 'not the password at all',
			client: '1'
		});
		expect(wrong).toEqual({ ok: false, reason: 'invalid' });
		expect(unknown).toEqual({ ok: false, reason: 'invalid' });
		const audit = await events(db);
		expect(audit.map((e) => e.action)).toEqual(['sign_in_failed']);
		expect(audit[0]).toMatchObject({ localAreaId: area.id, userId: user.id });
		expect(JSON.stringify(audit)).not.toContain('not the password');
		expect(JSON.stringify(audit)).not.toContain('nobody@');
	});

	it('lets only five of a hundred parallel guesses at one account be tried at all', async () => {
		const { db, user } = await setup();
		const results = await Promise.all(
			Array.from({ length: 100 }, (_, i) =>
				signIn(db, { email: user.email, password: `parallel guess ${i}`, client: `c${i}` })
			)
		);
		expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(5);
		expect(results.filter((r) => !r.ok && r.reason === 'limited')).toHaveLength(95);
		// Even the right password now waits for the window to pass.
		const right = await signIn(db, { email: user.email, password: user.password, client: 'x' });
		expect(right).toEqual({ ok: false, reason: 'limited' });
	});

	it('writes a bounded number of audit rows however long a flood goes on', async () => {
		const { db, user } = await setup();
		for (let i = 0; i < 40; i++) {
			await signIn(db, { email: user.email, password: `flood ${i}`, client: 'flood' });
			await signIn(db, { email: `junk${i}@nowhere.example`, password: 'x', client: 'flood' });
		}
		const reasons = (await events(db)).map((e) => JSON.parse(e.detail ?? '{}').reason);
		// Five wrong passwords, then one row each time a limit was first exceeded.
		expect(reasons.filter((r) => r === 'wrong_password')).toHaveLength(5);
		expect(reasons.filter((r) => r === 'rate_limited').length).toBeLessThanOrEqual(2);
		expect(await db.selectFrom('rateLimits').selectAll().execute()).not.toHaveLength(0);
	});

	it('keeps no email or address in readable form in the limiter table', async () => {
		const { db, user } = await setup();
		await signIn(db, { email: user.email, password: 'wrong', client: '203.0.113.9' });
		const rows = JSON.stringify(await db.selectFrom('rateLimits').selectAll().execute());
		expect(rows).not.toContain('203.0.113.9');
		expect(rows).not.toContain(user.email);
	});

	it('locks an account after 5 failures, even for the right password, then lets it in after a wait', async () => {
		const { db, user } = await setup();
		const now = new Date('2027-01-01T10:00:00Z');
		for (let i = 0; i < 5; i++) {
			await signIn(
				db,
				{ email: user.email, password: 'wrong guess number ' + i, client: `c${i}` },
				{ now }
			);
		}
		const locked = await signIn(
			db,
			{ email: user.email, password: user.password, client: 'fresh' },
			{ now }
		);
		expect(locked).toEqual({ ok: false, reason: 'limited' });
		const later = new Date(now.getTime() + 5 * 60_000);
		const after = await signIn(
			db,
			{ email: user.email, password: user.password, client: 'fresh' },
			{ now: later }
		);
		expect(after.ok).toBe(true);
	});

	it('limits one client guessing across many accounts', async () => {
		const { db, user } = await setup();
		for (let i = 0; i < 30; i++) {
			await signIn(db, {
				email: `guess${i}@area.example`,
				password: 'wrong guess',
				client: 'attacker'
			});
		}
		const result = await signIn(db, {
			email: user.email,
			password: user.password,
			client: 'attacker'
		});
		expect(result).toEqual({ ok: false, reason: 'limited' });
		const other = await signIn(db, {
			email: user.email,
			password: user.password,
			client: 'someone else'
		});
		expect(other.ok).toBe(true);
	});

	it('refuses a disabled user and an inspector past their end date', async () => {
		const { db, area } = await setup();
		const disabled = await makeUser(db, area.id, { disabledAt: '2027-01-01T00:00:00Z' });
		const inspector = await makeUser(db, area.id, { role: 'inspector', expiresOn: '2027-01-31' });
		const now = new Date('2027-02-01T09:00:00Z');
		for (const u of [disabled, inspector]) {
			const result = await signIn(
				db,
				{ email: u.email, password: u.password, client: '1' },
				{ now }
			);
			expect(result).toEqual({ ok: false, reason: 'inactive' });
		}
		const reasons = (await events(db)).map((e) => JSON.parse(e.detail ?? '{}').reason);
		expect(reasons.sort()).toEqual(['disabled', 'expired']);
	});
});

describe('signIn where an area has turned passwords off', () => {
	async function councilOnly() {
		const db = await createTestDb();
		const area = await makeArea(db);
		const admin = await makeUser(db, area.id, { role: 'admin', email: 'admin@council.example' });
		await saveSignInSettings(
			db,
			{ id: admin.id, localAreaId: area.id },
			signInSettingsSchema.parse({
				enabled: 'on',
				issuer: 'https://login.council.example',
				clientId: 'heard',
				clientSecret: 'secret-value',
				domains: 'council.example',
				newAccounts: 'viewer',
				passwordSignIn: 'on'
			})
		);
		await db.updateTable('areaSignIn').set({ passwordSignIn: 0 }).execute();
		return { db, area, admin };
	}

	it('points everyone with the area’s email domain to council sign-in, account or not', async () => {
		const { db, admin } = await councilOnly();
		for (const email of [admin.email, 'nobody@council.example']) {
			const result = await signIn(db, { email, password: admin.password, client: '1' });
			expect(result, email).toEqual({ ok: false, reason: 'council_only' });
		}
		const failures = (await events(db)).filter((e) => e.action === 'sign_in_failed');
		// Only the try at a real account is written down: junk emails would flood the log.
		expect(failures.map((e) => JSON.parse(e.detail ?? '{}').reason)).toEqual([
			'password_sign_in_off'
		]);
	});

	it('refuses the area’s other users too, but only after their password proved right', async () => {
		const { db, area } = await councilOnly();
		const inspector = await makeUser(db, area.id, {
			email: 'lead@inspectorate.example',
			role: 'inspector',
			expiresOn: '2999-01-01'
		});
		const wrong = await signIn(db, {
			email: inspector.email,
			password: 'not the password at all',
			client: '1'
		});
		expect(wrong).toEqual({ ok: false, reason: 'invalid' });
		const right = await signIn(db, {
			email: inspector.email,
			password: inspector.password,
			client: '1'
		});
		expect(right).toEqual({ ok: false, reason: 'council_only' });
	});

	it('leaves other areas’ password sign-in alone', async () => {
		const { db } = await councilOnly();
		const elsewhere = await makeArea(db);
		const user = await makeUser(db, elsewhere.id, { email: 'sam@elsewhere.example' });
		const result = await signIn(db, { email: user.email, password: user.password, client: '1' });
		expect(result.ok).toBe(true);
	});
});
