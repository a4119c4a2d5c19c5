import { Migrator, type Kysely } from 'kysely';
import { migrations } from '../../../../migrations';

/** Runs every pending migration. The same function serves start-up, `npm run migrate` and tests. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
	const migrator = new Migrator({
		db: db.withoutPlugins(),
		provider: { getMigrations: async () => migrations }
	});
	const { error, results } = await migrator.migrateToLatest();
	const failed = results?.find((r) => r.status === 'Error');
	if (error || failed) {
		throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
	}
	return (results ?? []).map((r) => r.migrationName);
}
