import { describe, expect, it } from 'vitest';
import { createTestDb } from '../testing/db';
import { makeArea, makeUser } from '../testing/fixtures';
import { signInSettingsSchema } from './oidc/input';
import { saveSignInSettings } from './oidc/settings';
import { RefillingTokenBucket } from './rate-limit';
import { signIn, type SignInLimits } from './sign-in';

function freshLimits(): SignInLimits {
	return {
		account: new RefillingTokenBucket(5, 60),
		client: new RefillingTokenBucket(30, 10)
	};
}

async function setup() {
	const db = await createTestDb();
	const area = await makeArea(db);
	const user = await makeUser(db, area.id, { email: 'officer@area.example' });
	return { db, area, user, limits: freshLimits() };
}

const events = (db: Awaited<ReturnType<typeof createTestDb>>) =>
	db.selectFrom('auditEvents').selectAll().orderBy('createdAt').execute();

describe('signIn', () => {
	it('signs in with the right password, whatever the case of the email, and audits it', async () => {
		const { db, user, area, limits } = await setup();
		const result = await signIn(
			db,
			{ email: ' Officer@Area.example ', password: user.password, client: '1' },
			{ limits }
		);
		expect(result.ok && result.user.id).toBe(user.id);
		const [event] = await events(db);
		expect(event).toMatchObject({ action: 'sign_in', userId: user.id, localAreaId: area.id });
	});

	it('gives the same answer for a wrong password and an unknown email, and audits both without the password', async () => {
		const { db, user, area, limits } = await setup();
		const wrong = await signIn(
			db,
			{ email: user.email, password: 'not the password at all', client: '1' },
			{ limits }
		);
		const unknown = await signIn(
			db,
			{ email: 'nobody@area.example', password: 'not the password at all', client: '1' },
			{ limits }
		);
		expect(wrong).toEqual({ ok: false, reason: 'invalid' });
		expect(unknown).toEqual({ ok: false, reason: 'invalid' });
		const audit = await events(db);
		expect(audit.map((e) => e.action)).toEqual(['sign_in_failed', 'sign_in_failed']);
		expect(audit[0]).toMatchObject({ localAreaId: area.id, userId: user.id });
		expect(audit[1]).toMatchObject({ localAreaId: null, userId: null });
		expect(JSON.stringify(audit)).not.toContain('not the password');
		expect(JSON.stringify(audit)).not.toContain('nobody@');
	});

	it('locks an account after 5 failures, even for the right password, then lets it in after a wait', async () => {
		const { db, user, limits } = await setup();
		const now = new Date('2027-01-01T10:00:00Z');
		for (let i = 0; i < 5; i++) {
			await signIn(
				db,
				{ email: user.email, password: 'wrong guess number ' + i, client: `c${i}` },
				{ now, limits }
			);
		}
		const locked = await signIn(
			db,
			{ email: user.email, password: user.password, client: 'fresh' },
			{ now, limits }
		);
		expect(locked).toEqual({ ok: false, reason: 'limited' });
		const later = new Date(now.getTime() + 60_000);
		const after = await signIn(
			db,
			{ email: user.email, password: user.password, client: 'fresh' },
			{ now: later, limits }
		);
		expect(after.ok).toBe(true);
	});

	it('limits one client guessing across many accounts', async () => {
		const { db, user, limits } = await setup();
		for (let i = 0; i < 30; i++) {
			await signIn(
				db,
				{ email: `guess${i}@area.example`, password: 'wrong guess', client: 'attacker' },
				{ limits }
			);
		}
		const result = await signIn(
			db,
			{ email: user.email, password: user.password, client: 'attacker' },
			{ limits }
		);
		expect(result).toEqual({ ok: false, reason: 'limited' });
		const other = await signIn(
			db,
			{ email: user.email, password: user.password, client: 'someone else' },
			{ limits }
		);
		expect(other.ok).toBe(true);
	});

	it('refuses a disabled user and an inspector past their end date', async () => {
		const { db, area, limits } = await setup();
		const disabled = await makeUser(db, area.id, { disabledAt: '2027-01-01T00:00:00Z' });
		const inspector = await makeUser(db, area.id, { role: 'inspector', expiresOn: '2027-01-31' });
		const now = new Date('2027-02-01T09:00:00Z');
		for (const u of [disabled, inspector]) {
			const result = await signIn(
				db,
				{ email: u.email, password: u.password, client: '1' },
				{ now, limits }
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
		return { db, area, admin, limits: freshLimits() };
	}

	it('points everyone with the area’s email domain to council sign-in, account or not', async () => {
		const { db, admin, limits } = await councilOnly();
		for (const email of [admin.email, 'nobody@council.example']) {
			const result = await signIn(db, { email, password: admin.password, client: '1' }, { limits });
			expect(result, email).toEqual({ ok: false, reason: 'council_only' });
		}
		const failures = (await events(db)).filter((e) => e.action === 'sign_in_failed');
		expect(failures.map((e) => JSON.parse(e.detail ?? '{}').reason)).toEqual([
			'password_sign_in_off',
			'password_sign_in_off'
		]);
	});

	it('refuses the area’s other users too, but only after their password proved right', async () => {
		const { db, area, limits } = await councilOnly();
		const inspector = await makeUser(db, area.id, {
			email: 'lead@inspectorate.example',
			role: 'inspector',
			expiresOn: '2999-01-01'
		});
		const wrong = await signIn(
			db,
			{ email: inspector.email, password: 'not the password at all', client: '1' },
			{ limits }
		);
		expect(wrong).toEqual({ ok: false, reason: 'invalid' });
		const right = await signIn(
			db,
			{ email: inspector.email, password: inspector.password, client: '1' },
			{ limits }
		);
		expect(right).toEqual({ ok: false, reason: 'council_only' });
	});

	it('leaves other areas’ password sign-in alone', async () => {
		const { db, limits } = await councilOnly();
		const elsewhere = await makeArea(db);
		const user = await makeUser(db, elsewhere.id, { email: 'sam@elsewhere.example' });
		const result = await signIn(
			db,
			{ email: user.email, password: user.password, client: '1' },
			{ limits }
		);
		expect(result.ok).toBe(true);
	});
});
