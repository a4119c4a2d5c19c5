import { sql, type Kysely } from 'kysely';
import { isSqlite } from './dialect';

// Frozen in time: never imports app code.
// Storage that a copy of the database cannot turn against a family:
// - drafts are keyed and encrypted by a secret only the family's browser (or resume link) holds;
//   the old drafts were keyed by the access code, so they are dropped (a family with one starts
//   again, which is the point: the code alone must not reach their answers);
// - access_codes.draft_id says that a code's family has a draft somewhere, so typing the code on
//   a second device can say so and offer to discard it, never to read it;
// - pending_responses holds sent responses sealed with the server secret until enough of them
//   can be released together in random order, so no transaction id, row order or log links a
//   spent code to its response;
// - paper_entries holds a typed-in paper response until a second officer approves it;
// - rate_limits is the limiter shared by every instance, keyed by HMACs that expire in minutes.
// On SQLite the response tables become WITHOUT ROWID tables, stored in the order of their random
// keys rather than in arrival order. PostgreSQL has no such choice, and needs none: responses
// reach its tables only in shuffled, released groups.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('drafts').execute();
	await db.schema
		.createTable('drafts')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id'))
		.addColumn('sealed', 'text', (c) => c.notNull())
		.addColumn('expires_on', 'text', (c) => c.notNull())
		.modifyEnd(withoutRowid(db))
		.execute();
	await db.schema.createIndex('drafts_expiry').on('drafts').column('expires_on').execute();

	await db.schema.alterTable('access_codes').addColumn('draft_id', 'text').execute();

	await db.schema
		.createTable('pending_responses')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id'))
		.addColumn('sealed', 'text', (c) => c.notNull())
		.modifyEnd(withoutRowid(db))
		.execute();
	await db.schema
		.createIndex('pending_responses_survey')
		.on('pending_responses')
		.column('survey_id')
		.execute();

	await db.schema
		.createTable('paper_entries')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('local_area_id', 'text', (c) => c.notNull().references('local_areas.id'))
		.addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id'))
		.addColumn('entered_by', 'text', (c) => c.notNull())
		.addColumn('entered_on', 'text', (c) => c.notNull())
		.addColumn('sealed', 'text', (c) => c.notNull())
		.modifyEnd(withoutRowid(db))
		.execute();
	await db.schema
		.createIndex('paper_entries_survey')
		.on('paper_entries')
		.column('survey_id')
		.execute();

	await db.schema
		.createTable('rate_limits')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('hits', 'integer', (c) => c.notNull())
		.addColumn('window_ends_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('rate_limits_expiry')
		.on('rate_limits')
		.column('window_ends_at')
		.execute();

	if (isSqlite(db)) await rebuildResponseTablesWithoutRowid(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function withoutRowid(db: Kysely<any>) {
	return isSqlite(db) ? sql`without rowid` : sql``;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function rebuildResponseTablesWithoutRowid(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('responses_next')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id'))
		.addColumn('submitted_on', 'text', (c) => c.notNull())
		.addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('web', 'paper')`))
		.modifyEnd(sql`without rowid`)
		.execute();
	await db.schema
		.createTable('answers_next')
		.addColumn('response_id', 'text', (c) =>
			c.notNull().references('responses_next.id').onDelete('cascade')
		)
		.addColumn('question_id', 'text', (c) => c.notNull().references('questions.id'))
		.addColumn('value', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('answers_pk', ['response_id', 'question_id', 'value'])
		.modifyEnd(sql`without rowid`)
		.execute();
	await db.schema
		.createTable('comments_next')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('response_id', 'text', (c) =>
			c.notNull().references('responses_next.id').onDelete('cascade')
		)
		.addColumn('question_id', 'text', (c) => c.notNull().references('questions.id'))
		.addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id'))
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) =>
			c
				.notNull()
				.defaultTo('new')
				.check(sql`status in ('new', 'reviewed')`)
		)
		.addColumn('redacted', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('flags', 'text', (c) => c.notNull().defaultTo('[]'))
		.addColumn('reviewed_on', 'text')
		.addColumn('reviewed_by', 'text')
		.modifyEnd(sql`without rowid`)
		.execute();
	await db.schema
		.createTable('comment_tags_next')
		.addColumn('comment_id', 'text', (c) =>
			c.notNull().references('comments_next.id').onDelete('cascade')
		)
		.addColumn('theme_id', 'text', (c) =>
			c.notNull().references('comment_themes.id').onDelete('cascade')
		)
		.addPrimaryKeyConstraint('comment_tags_pk', ['comment_id', 'theme_id'])
		.modifyEnd(sql`without rowid`)
		.execute();

	// Copied in key order, so not even the copy keeps the old arrival order.
	await sql`insert into responses_next select id, survey_id, submitted_on, channel from responses order by id`.execute(
		db
	);
	await sql`insert into answers_next select response_id, question_id, value from answers order by response_id, question_id, value`.execute(
		db
	);
	await sql`insert into comments_next select id, response_id, question_id, survey_id, body, status, redacted, flags, reviewed_on, reviewed_by from comments order by id`.execute(
		db
	);
	await sql`insert into comment_tags_next select comment_id, theme_id from comment_tags order by comment_id, theme_id`.execute(
		db
	);

	// Children first, so dropping a parent cascades to nothing.
	for (const table of ['comment_tags', 'comments', 'answers', 'responses']) {
		await db.schema.dropTable(table).execute();
	}
	for (const table of ['responses', 'answers', 'comments', 'comment_tags']) {
		await db.schema.alterTable(`${table}_next`).renameTo(table).execute();
	}

	await db.schema
		.createIndex('responses_survey_id')
		.on('responses')
		.columns(['survey_id', 'id'])
		.execute();
	await db.schema
		.createIndex('comments_survey')
		.on('comments')
		.columns(['survey_id', 'status'])
		.execute();
	await db.schema.createIndex('comments_response').on('comments').column('response_id').execute();
}
