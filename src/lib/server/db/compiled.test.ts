import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from './index';
import { compiledOnce } from './compiled';
import { createTestDb } from '$testing/db';
import { makeArea } from '$testing/fixtures';

let db: Db;
beforeEach(async () => {
	db = await createTestDb();
});

describe('a query compiled once', () => {
	it('answers each call with that call’s values, in whatever order the SQL takes them', async () => {
		const one = await makeArea(db);
		const two = await makeArea(db);
		const areaBy = compiledOnce(2, (db, slug, id) =>
			db
				.selectFrom('localAreas')
				.select(['id', 'isDemo'])
				.where('id', '=', id!)
				.where('slug', '=', slug!)
		);
		expect(await areaBy(db, one.slug, one.id)).toEqual([{ id: one.id, isDemo: 0 }]);
		expect(await areaBy(db, two.slug, two.id)).toEqual([{ id: two.id, isDemo: 0 }]);
		expect(await areaBy(db, one.slug, two.id)).toEqual([]);
		// Inside a transaction too.
		const inside = await db.transaction().execute((trx) => areaBy(trx, two.slug, two.id));
		expect(inside.map((a) => a.id)).toEqual([two.id]);
	});

	it('refuses a query holding a value that is not one of its parameters', async () => {
		const stuck = compiledOnce(1, (db, id) =>
			db.selectFrom('localAreas').select('id').where('id', '=', id!).where('slug', '=', 'essex')
		);
		await expect(stuck(db, 'x')).rejects.toThrow(/its 1 parameters and no other values/);
	});

	it('refuses a call with the wrong number of values', async () => {
		const byId = compiledOnce(1, (db, id) =>
			db.selectFrom('localAreas').select('id').where('id', '=', id!)
		);
		await expect(byId(db)).rejects.toThrow(/Expected 1 parameters, got 0/);
	});
});
