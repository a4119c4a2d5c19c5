import type { Kysely } from 'kysely';

// Frozen in time: never imports app code.
// Totals per question come from the running answer_counts table, and breakdowns read one
// questionnaire's responses and look each up in the answers' primary key (response, question),
// which is as fast. The (question, value, response) index then serves nothing, yet every
// submission had to write some 40 extra pages to keep it (30 answers in 30 places): measured on
// 100,000 responses it cut the submission rate by two thirds. So it goes.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('answers_question_value').ifExists().execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema
		.createIndex('answers_question_value')
		.on('answers')
		.columns(['question_id', 'value', 'response_id'])
		.execute();
}
