import { sql, type Kysely } from 'kysely';

// Frozen in time: never imports app code.
// population_counts: how many children and young people an area has in each group of one
// breakdown ("margin": primary need, age band, EHC plan or SEN support), entered by an officer or
// imported from the DfE's published figures. They are the denominators of the
// representativeness page and the targets of the weighting. One row per area, margin and
// category; a save replaces rows, so there is no history here (the audit log keeps who changed
// what).

const MARGINS = ['need', 'age-band', 'ehc-plan'];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('population_counts')
		.addColumn('local_area_id', 'text', (c) => c.notNull().references('local_areas.id'))
		.addColumn('margin', 'text', (c) =>
			c.notNull().check(sql.raw(`margin in (${MARGINS.map((m) => `'${m}'`).join(', ')})`))
		)
		.addColumn('category', 'text', (c) => c.notNull())
		.addColumn('count', 'integer', (c) => c.notNull().check(sql`count >= 0`))
		.addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('manual', 'dfe')`))
		.addColumn('source_detail', 'text')
		.addColumn('as_of', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addColumn('updated_by', 'text', (c) => c.references('users.id'))
		.addPrimaryKeyConstraint('population_counts_pk', ['local_area_id', 'margin', 'category'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('population_counts').execute();
}
