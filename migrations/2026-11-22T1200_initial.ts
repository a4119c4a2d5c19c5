import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports app code. Flags are integers and dates ISO text so the
// same migration runs on SQLite and PostgreSQL.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('local_areas')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('slug', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('youth_group', 'text')
		.addColumn('min_base', 'integer', (c) => c.notNull().defaultTo(10))
		.addColumn('min_count', 'integer', (c) => c.notNull().defaultTo(5))
		.addColumn('districts', 'text', (c) => c.notNull().defaultTo('[]'))
		.addColumn('flag_terms', 'text', (c) => c.notNull().defaultTo('[]'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('users')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('local_area_id', 'text', (c) => c.notNull().references('local_areas.id'))
		.addColumn('email', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('role', 'text', (c) =>
			c.notNull().check(sqlIn('role', ['admin', 'officer', 'viewer', 'inspector']))
		)
		.addColumn('password_hash', 'text', (c) => c.notNull())
		.addColumn('expires_on', 'text')
		.addColumn('disabled_at', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('users_area').on('users').column('local_area_id').execute();

	await db.schema
		.createTable('sessions')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

	await db.schema
		.createTable('inspections')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('local_area_id', 'text', (c) => c.notNull().references('local_areas.id'))
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('framework', 'text')
		.addColumn('starts_on', 'text')
		.addColumn('ends_on', 'text')
		.addColumn('outcome', 'text')
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('inspections_area')
		.on('inspections')
		.column('local_area_id')
		.execute();

	await db.schema
		.createTable('findings')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('local_area_id', 'text', (c) => c.notNull().references('local_areas.id'))
		.addColumn('inspection_id', 'text', (c) => c.notNull().references('inspections.id'))
		.addColumn('kind', 'text', (c) =>
			c
				.notNull()
				.check(
					sqlIn('kind', [
						'fundamental_failing',
						'significant_weakness',
						'area_of_concern',
						'area_for_improvement',
						'strength'
					])
				)
		)
		.addColumn('code', 'text', (c) => c.notNull())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('detail', 'text')
		.addColumn('theme', 'text', (c) => c.notNull())
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addUniqueConstraint('findings_code_per_inspection', ['inspection_id', 'code'])
		.execute();
	await db.schema.createIndex('findings_area').on('findings').column('local_area_id').execute();

	await db.schema
		.createTable('waves')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('local_area_id', 'text', (c) => c.notNull().references('local_areas.id'))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('starts_on', 'text', (c) => c.notNull())
		.addColumn('ends_on', 'text')
		.addColumn('position', 'integer', (c) => c.notNull())
		.addUniqueConstraint('waves_name_per_area', ['local_area_id', 'name'])
		.execute();

	await db.schema
		.createTable('surveys')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('local_area_id', 'text', (c) => c.notNull().references('local_areas.id'))
		.addColumn('wave_id', 'text', (c) => c.notNull().references('waves.id'))
		.addColumn('audience', 'text', (c) =>
			c.notNull().check(sqlIn('audience', ['parent_carer', 'young_person']))
		)
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('intro', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) =>
			c.notNull().check(sqlIn('status', ['draft', 'open', 'closed']))
		)
		.addColumn('access_mode', 'text', (c) =>
			c.notNull().check(sqlIn('access_mode', ['code', 'open']))
		)
		.addColumn('opens_on', 'text', (c) => c.notNull())
		.addColumn('closes_on', 'text', (c) => c.notNull())
		.addColumn('results_on', 'text')
		.addColumn('copied_from_id', 'text')
		.addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('opened_at', 'text')
		.addColumn('closed_at', 'text')
		.execute();
	await db.schema
		.createIndex('surveys_area')
		.on('surveys')
		.columns(['local_area_id', 'wave_id'])
		.execute();

	await db.schema
		.createTable('questions')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id').onDelete('cascade'))
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('section', 'text')
		.addColumn('kind', 'text', (c) =>
			c.notNull().check(sqlIn('kind', ['scale', 'single', 'multi', 'yes_no', 'text', 'number']))
		)
		.addColumn('key', 'text', (c) => c.notNull())
		.addColumn('dimension', 'text')
		.addColumn('theme', 'text')
		.addColumn('prompt', 'text', (c) => c.notNull())
		.addColumn('easy_read', 'text')
		.addColumn('hint', 'text')
		.addColumn('required', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('options', 'text', (c) => c.notNull().defaultTo('[]'))
		.addColumn('settings', 'text', (c) => c.notNull().defaultTo('{}'))
		.addUniqueConstraint('questions_key_per_survey', ['survey_id', 'key'])
		.execute();
	await db.schema
		.createIndex('questions_survey')
		.on('questions')
		.columns(['survey_id', 'position'])
		.execute();

	await db.schema
		.createTable('question_findings')
		.addColumn('question_id', 'text', (c) =>
			c.notNull().references('questions.id').onDelete('cascade')
		)
		.addColumn('finding_id', 'text', (c) => c.notNull().references('findings.id'))
		.addPrimaryKeyConstraint('question_findings_pk', ['question_id', 'finding_id'])
		.execute();
	await db.schema
		.createIndex('question_findings_finding')
		.on('question_findings')
		.column('finding_id')
		.execute();

	await db.schema
		.createTable('code_batches')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('local_area_id', 'text', (c) => c.notNull().references('local_areas.id'))
		.addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id'))
		.addColumn('label', 'text', (c) => c.notNull())
		.addColumn('size', 'integer', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('created_by', 'text')
		.execute();
	await db.schema
		.createIndex('code_batches_survey')
		.on('code_batches')
		.column('survey_id')
		.execute();

	// No "used at" column: when a code was used would link it to a response's date order.
	await db.schema
		.createTable('access_codes')
		.addColumn('code_hash', 'text', (c) => c.primaryKey())
		.addColumn('batch_id', 'text', (c) => c.notNull().references('code_batches.id'))
		.addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id'))
		.addColumn('used', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();
	await db.schema
		.createIndex('access_codes_batch')
		.on('access_codes')
		.columns(['batch_id', 'used'])
		.execute();

	await db.schema
		.createTable('drafts')
		.addColumn('key_hash', 'text', (c) => c.primaryKey())
		.addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id'))
		.addColumn('answers', 'text', (c) => c.notNull())
		.addColumn('saved_on', 'text', (c) => c.notNull())
		.addColumn('expires_on', 'text', (c) => c.notNull())
		.execute();

	// A response holds nothing that could say who sent it: no code, session, address or time of day.
	await db.schema
		.createTable('responses')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id'))
		.addColumn('submitted_on', 'text', (c) => c.notNull())
		.addColumn('channel', 'text', (c) => c.notNull().check(sqlIn('channel', ['web', 'paper'])))
		.execute();
	await db.schema.createIndex('responses_survey').on('responses').column('survey_id').execute();

	await db.schema
		.createTable('answers')
		.addColumn('response_id', 'text', (c) =>
			c.notNull().references('responses.id').onDelete('cascade')
		)
		.addColumn('question_id', 'text', (c) => c.notNull().references('questions.id'))
		.addColumn('value', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('answers_pk', ['response_id', 'question_id', 'value'])
		.execute();
	// Covers breakdowns: for one question, each value with the responses that gave it.
	await db.schema
		.createIndex('answers_question_value')
		.on('answers')
		.columns(['question_id', 'value', 'response_id'])
		.execute();

	// Running counts kept in the submission transaction, so charts never scan the answers.
	await db.schema
		.createTable('answer_counts')
		.addColumn('question_id', 'text', (c) =>
			c.notNull().references('questions.id').onDelete('cascade')
		)
		.addColumn('value', 'text', (c) => c.notNull())
		.addColumn('n', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('answer_counts_pk', ['question_id', 'value'])
		.execute();

	await db.schema
		.createTable('comments')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('response_id', 'text', (c) =>
			c.notNull().references('responses.id').onDelete('cascade')
		)
		.addColumn('question_id', 'text', (c) => c.notNull().references('questions.id'))
		.addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id'))
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) =>
			c
				.notNull()
				.defaultTo('new')
				.check(sqlIn('status', ['new', 'reviewed']))
		)
		.addColumn('redacted', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('flags', 'text', (c) => c.notNull().defaultTo('[]'))
		.addColumn('reviewed_on', 'text')
		.addColumn('reviewed_by', 'text')
		.execute();
	await db.schema
		.createIndex('comments_survey')
		.on('comments')
		.columns(['survey_id', 'status'])
		.execute();
	await db.schema.createIndex('comments_response').on('comments').column('response_id').execute();

	await db.schema
		.createTable('comment_themes')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('local_area_id', 'text', (c) => c.notNull().references('local_areas.id'))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
		.addUniqueConstraint('comment_themes_name_per_area', ['local_area_id', 'name'])
		.execute();

	await db.schema
		.createTable('comment_theme_findings')
		.addColumn('theme_id', 'text', (c) =>
			c.notNull().references('comment_themes.id').onDelete('cascade')
		)
		.addColumn('finding_id', 'text', (c) => c.notNull().references('findings.id'))
		.addPrimaryKeyConstraint('comment_theme_findings_pk', ['theme_id', 'finding_id'])
		.execute();

	await db.schema
		.createTable('comment_tags')
		.addColumn('comment_id', 'text', (c) =>
			c.notNull().references('comments.id').onDelete('cascade')
		)
		.addColumn('theme_id', 'text', (c) =>
			c.notNull().references('comment_themes.id').onDelete('cascade')
		)
		.addPrimaryKeyConstraint('comment_tags_pk', ['comment_id', 'theme_id'])
		.execute();

	await db.schema
		.createTable('audit_events')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('local_area_id', 'text')
		.addColumn('user_id', 'text')
		.addColumn('action', 'text', (c) => c.notNull())
		.addColumn('subject_type', 'text')
		.addColumn('subject_id', 'text')
		.addColumn('detail', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('audit_events_area')
		.on('audit_events')
		.columns(['local_area_id', 'created_at'])
		.execute();
}

/** A portable CHECK (column IN (...)) built from fixed words, never from input. */
function sqlIn(column: string, values: string[]) {
	return sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);
}
