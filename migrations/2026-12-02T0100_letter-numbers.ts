import type { Kysely } from 'kysely';

// Frozen in time: never imports app code.
// access_codes.letter_number: a code's place in its batch's mail merge (1, 2, 3…), so that an
// officer can send reminder letters to the numbers whose codes are still unused. It says which
// letter a code was printed on, never anything of a response. Codes made before this have none.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('access_codes').addColumn('letter_number', 'integer').execute();
}
