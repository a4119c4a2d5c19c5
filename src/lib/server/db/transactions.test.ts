import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDb, type Db } from '.';
import { migrateToLatest } from './migrator';

let dir: string | undefined;
let db: Db | undefined;
afterEach(async () => {
	await db?.destroy();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('SQLite transactions beside another connection', () => {
	it('hold the write lock from the start, so one that reads and then writes is never refused', async () => {
		dir = mkdtempSync(join(tmpdir(), 'heard-tx-'));
		const file = join(dir, 'heard.db');
		db = createDb(`file:${file}`);
		await migrateToLatest(db);
		// Another process's connection (a command-line tool, say), which never waits.
		const other = new Database(file);
		other.pragma('busy_timeout = 0');
		let otherWrote = false;
		await db.transaction().execute(async (trx) => {
			await trx.selectFrom('localAreas').select('id').execute();
			try {
				other.prepare(`insert into instance_settings (key, value) values ('x', 'y')`).run();
				otherWrote = true;
			} catch (error) {
				expect((error as { code: string }).code).toMatch(/^SQLITE_BUSY/);
			}
			// With a plain BEGIN the other write gets in, and this one is refused outright.
			await trx
				.insertInto('localAreas')
				.values({ id: 'a1', slug: 'a1', name: 'Area one', createdAt: '2026-01-01T00:00:00Z' })
				.execute();
		});
		other.close();
		expect(otherWrote).toBe(false);
		const stored = await db.selectFrom('localAreas').select('id').where('id', '=', 'a1').execute();
		expect(stored).toHaveLength(1);
	});
});
