import type { Kysely } from 'kysely';

// Frozen in time: never imports app code.
// The responses file reads a questionnaire's responses in pages of ids (keyset pagination), so
// it needs them in id order within the questionnaire; this index gives that without sorting
// every response on every page. It starts with survey_id, so it also serves every lookup the
// old single-column index did, which is dropped to keep submissions from maintaining both.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createIndex('responses_survey_id')
		.on('responses')
		.columns(['survey_id', 'id'])
		.execute();
	await db.schema.dropIndex('responses_survey').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.createIndex('responses_survey').on('responses').column('survey_id').execute();
	await db.schema.dropIndex('responses_survey_id').execute();
}
