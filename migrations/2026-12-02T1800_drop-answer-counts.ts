import type { Kysely } from 'kysely';

// Frozen in time: never imports app code.
// Figures are counted from the answers when a publication is made, and no page reads running
// totals any more, so the answer_counts table (written in every release) goes: one write fewer
// per answer, and no second copy of the answers' totals to keep in step.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('answer_counts').execute();
}
