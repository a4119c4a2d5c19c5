/** `npm run migrate`: apply every pending migration to DATABASE_URL (default data/heard.db). */
import { createDb } from '../lib/server/db';
import { migrateToLatest } from '../lib/server/db/migrator';

const db = createDb();
try {
	const applied = await migrateToLatest(db);
	console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
} finally {
	await db.destroy();
}
