import type { Kysely } from 'kysely';

// Frozen in time: never imports app code.
// responses.language: the language the family answered in ('en', 'cy', 'ur'…), so that results
// can be broken down by it (suppressed like every breakdown). Paper responses and those stored
// before this were answered in English.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('responses')
		.addColumn('language', 'text', (col) => col.notNull().defaultTo('en'))
		.execute();
}
