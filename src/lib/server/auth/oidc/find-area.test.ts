import { describe, expect, it } from 'vitest';
import type { Db } from '../../db';
import { createTestDb } from '$testing/db';
import { makeArea, makeUser } from '$testing/fixtures';
import { councilAreaForEmail, signInOptionsForSlug } from './find-area';
import { signInSettingsSchema } from './input';
import { saveSignInSettings } from './settings';

async function offer(db: Db, domains: string, enabled = 'on') {
	const area = await makeArea(db);
	const admin = await makeUser(db, area.id, { role: 'admin' });
	await saveSignInSettings(
		db,
		{ id: admin.id, localAreaId: area.id },
		signInSettingsSchema.parse({
			enabled,
			issuer: 'https://login.council.example',
			clientId: 'heard',
			clientSecret: 'secret-value',
			domains,
			newAccounts: 'refuse',
			passwordSignIn: 'on'
		})
	);
	return area;
}

describe('finding the area to sign in through', () => {
	it('finds the one area that lists the email’s domain', async () => {
		const db = await createTestDb();
		const north = await offer(db, 'north.example');
		await offer(db, 'south.example');
		expect(await councilAreaForEmail(db, 'Sam@North.example')).toEqual({
			ok: true,
			localAreaId: north.id,
			slug: north.slug
		});
	});

	it('cannot choose between areas sharing a domain, and ignores paused ones', async () => {
		const db = await createTestDb();
		await offer(db, 'nhs.example\nnorth.example');
		await offer(db, 'nhs.example');
		await offer(db, 'paused.example', '');
		expect(await councilAreaForEmail(db, 'sam@nhs.example')).toEqual({
			ok: false,
			reason: 'several'
		});
		expect(await councilAreaForEmail(db, 'sam@paused.example')).toEqual({
			ok: false,
			reason: 'none'
		});
		expect(await councilAreaForEmail(db, 'sam@unknown.example')).toEqual({
			ok: false,
			reason: 'none'
		});
		expect(await councilAreaForEmail(db, 'not-an-email')).toEqual({ ok: false, reason: 'none' });
	});

	it('tells an area’s sign-in link what its staff may use', async () => {
		const db = await createTestDb();
		const area = await offer(db, 'north.example');
		const plain = await makeArea(db);
		expect(await signInOptionsForSlug(db, area.slug)).toMatchObject({
			localAreaId: area.id,
			councilSignIn: true,
			passwordSignIn: true
		});
		expect(await signInOptionsForSlug(db, plain.slug)).toMatchObject({
			councilSignIn: false,
			passwordSignIn: true
		});
		expect(await signInOptionsForSlug(db, 'no-such-area')).toBeUndefined();
	});
});
