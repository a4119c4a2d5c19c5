import { Migrator, type Kysely } from 'kysely';
import { migrations } from '../../../../migrations';

/** Runs every pending migration. The same function serves start-up, `npm run migrate` and tests. */
export async function migrateToLatest(
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	db: Kysely<any>,
	/** PostgreSQL: the schema to keep the migration tables in, when it is not the default one. */
	schema?: string
): Promise<string[]> {
	const migrator = new Migrator({
		db: db.withoutPlugins(),
		provider: { getMigrations: async () => migrations },
		...(schema ? { migrationTableSchema: schema } : {})
	});
	const { error, results } = await migrator.migrateToLatest();
	const failed = results?.find((r) => r.status === 'Error');
	if (error || failed) {
		throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
	}
	return (results ?? []).map((r) => r.migrationName);
}
