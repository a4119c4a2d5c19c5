import type { Kysely } from 'kysely';

// Frozen in time: never imports app code.
// Publications: a questionnaire's figures computed once, suppressed once, and stored with the
// day they were made and the responses they cover. Staff pages, files and the public page read
// them; nothing reads live counts. `sequence` numbers a questionnaire's publications, and is
// unique, so two instances deciding at once to publish cannot both do it.
// - publication_parts: the suppressed figures, in parts a page reads separately (the
//   questions, each breakdown, the response rates...), as JSON;
// - publication_files: files made with the publication (the row-level responses file), in
//   chunks, so a download is a straight stream;
// - basis: sealed with the server secret, what the next publication needs to protect the
//   difference between the two (never shown).

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('publications')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('local_area_id', 'text', (c) => c.notNull().references('local_areas.id'))
		.addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id'))
		.addColumn('sequence', 'integer', (c) => c.notNull())
		.addColumn('made_on', 'text', (c) => c.notNull())
		.addColumn('responses', 'integer', (c) => c.notNull())
		.addColumn('final', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('rules', 'text', (c) => c.notNull())
		.addColumn('basis', 'text', (c) => c.notNull())
		.addUniqueConstraint('publications_sequence', ['survey_id', 'sequence'])
		.execute();
	await db.schema
		.createIndex('publications_area')
		.on('publications')
		.columns(['local_area_id', 'survey_id', 'sequence'])
		.execute();

	await db.schema
		.createTable('publication_parts')
		.addColumn('publication_id', 'text', (c) =>
			c.notNull().references('publications.id').onDelete('cascade')
		)
		.addColumn('part', 'text', (c) => c.notNull())
		.addColumn('content', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('publication_parts_pk', ['publication_id', 'part'])
		.execute();

	await db.schema
		.createTable('publication_files')
		.addColumn('publication_id', 'text', (c) =>
			c.notNull().references('publications.id').onDelete('cascade')
		)
		.addColumn('file', 'text', (c) => c.notNull())
		.addColumn('chunk', 'integer', (c) => c.notNull())
		.addColumn('content', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('publication_files_pk', ['publication_id', 'file', 'chunk'])
		.execute();
}
