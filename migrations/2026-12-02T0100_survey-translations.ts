import { type Kysely } from 'kysely';

// Frozen in time: never imports app code.
// survey_translations: a questionnaire's own words (title, introduction, prompts, hints,
// options, easy-read wording) in another language, one row per string key such as
// `question.<key>.prompt`. The journey's fixed words live in the app's dictionaries, not here.
// A language is offered to families only when every key of the questionnaire has a row, so the
// table is read whole per (survey, language) and keyed that way.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('survey_translations')
		.addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id').onDelete('cascade'))
		.addColumn('language', 'text', (c) => c.notNull())
		.addColumn('string_key', 'text', (c) => c.notNull())
		.addColumn('text', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('survey_translations_pk', ['survey_id', 'language', 'string_key'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('survey_translations').execute();
}
