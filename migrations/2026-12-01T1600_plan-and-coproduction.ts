import { sql, type Kysely } from 'kysely';

// Frozen in time: never imports app code. Portable between SQLite and PostgreSQL.
// - partners: the organisations of an area's SEND partnership (council, ICB, NHS providers,
//   parent carer forum, youth group); partner users belong to one of them.
// - actions: the improvement plan, each linked to findings and owned by one partner, with a
//   dated history of RAG status updates.
// - inspections: the framework becomes a code (the 2023 area SEND framework or the 2016
//   written-statement-of-action regime), an outcome code checked against it, and the dates that
//   follow from it. The old free-text framework is mapped where it can be and kept as "other"
//   otherwise; the free-text outcome stays as the officer's summary.
// - the co-production log, sign-offs and comments on draft questionnaires, partners' reviews of
//   comment themes, and the public "You said, we did" page with the quotes chosen for it.

const PARTNER_KINDS = [
	'council',
	'icb',
	'nhs_provider',
	'parent_carer_forum',
	'youth_group',
	'education',
	'other'
];
const STATUSES = ['not_started', 'on_track', 'at_risk', 'off_track', 'done'];
const LEVELS = ['informing', 'consulting', 'engaging', 'co_producing'];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('partners')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('local_area_id', 'text', (c) => c.notNull().references('local_areas.id'))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull().check(sqlIn('kind', PARTNER_KINDS)))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addUniqueConstraint('partners_name_per_area', ['local_area_id', 'name'])
		.execute();

	await db.schema
		.alterTable('users')
		.addColumn('partner_id', 'text', (c) => c.references('partners.id'))
		.execute();

	await db.schema.alterTable('inspections').addColumn('outcome_kind', 'text').execute();
	await db.schema.alterTable('inspections').addColumn('plan_due_on', 'text').execute();
	await db.schema.alterTable('inspections').addColumn('monitoring_on', 'text').execute();
	await db.schema.alterTable('inspections').addColumn('next_full_on', 'text').execute();
	const framework = sql<string>`lower(framework)`;
	await db
		.updateTable('inspections')
		.set({ framework: 'area_send_2023' })
		.where(framework, 'like', '%2023%')
		.execute();
	await db
		.updateTable('inspections')
		.set({ framework: 'local_area_send_2016' })
		.where((eb) =>
			eb.or([eb(framework, 'like', '%2016%'), eb(framework, 'like', '%written statement%')])
		)
		.execute();
	await db
		.updateTable('inspections')
		.set({ framework: 'other' })
		.where('framework', 'is not', null)
		.where('framework', 'not in', ['area_send_2023', 'local_area_send_2016'])
		.execute();
	await db
		.updateTable('inspections')
		.set({ outcome_kind: 'wsoa_required' })
		.where('framework', '=', 'local_area_send_2016')
		.where(sql<string>`lower(outcome)`, 'like', '%written statement of action required%')
		.execute();

	await db.schema
		.createTable('actions')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('local_area_id', 'text', (c) => c.notNull().references('local_areas.id'))
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('description', 'text', (c) => c.notNull())
		.addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id'))
		.addColumn('lead', 'text', (c) => c.notNull())
		.addColumn('starts_on', 'text', (c) => c.notNull())
		.addColumn('due_on', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('actions_area').on('actions').column('local_area_id').execute();

	await db.schema
		.createTable('action_findings')
		.addColumn('action_id', 'text', (c) => c.notNull().references('actions.id').onDelete('cascade'))
		.addColumn('finding_id', 'text', (c) => c.notNull().references('findings.id'))
		.addPrimaryKeyConstraint('action_findings_pk', ['action_id', 'finding_id'])
		.execute();
	await db.schema
		.createIndex('action_findings_finding')
		.on('action_findings')
		.column('finding_id')
		.execute();

	await db.schema
		.createTable('action_updates')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('action_id', 'text', (c) => c.notNull().references('actions.id').onDelete('cascade'))
		.addColumn('status', 'text', (c) => c.notNull().check(sqlIn('status', STATUSES)))
		.addColumn('note', 'text', (c) => c.notNull())
		.addColumn('updated_on', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('created_by', 'text')
		.execute();
	await db.schema
		.createIndex('action_updates_action')
		.on('action_updates')
		.columns(['action_id', 'updated_on'])
		.execute();

	await db.schema
		.createTable('coproduction_activities')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('local_area_id', 'text', (c) => c.notNull().references('local_areas.id'))
		.addColumn('held_on', 'text', (c) => c.notNull())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('what_changed', 'text', (c) => c.notNull())
		.addColumn('level', 'text', (c) => c.notNull().check(sqlIn('level', LEVELS)))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('created_by', 'text')
		.execute();
	await db.schema
		.createIndex('coproduction_activities_area')
		.on('coproduction_activities')
		.columns(['local_area_id', 'held_on'])
		.execute();

	await db.schema
		.createTable('coproduction_partners')
		.addColumn('activity_id', 'text', (c) =>
			c.notNull().references('coproduction_activities.id').onDelete('cascade')
		)
		.addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id'))
		.addPrimaryKeyConstraint('coproduction_partners_pk', ['activity_id', 'partner_id'])
		.execute();

	await db.schema
		.createTable('survey_signoffs')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id').onDelete('cascade'))
		.addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id'))
		.addColumn('user_id', 'text')
		.addColumn('signed_on', 'text', (c) => c.notNull())
		.addColumn('note', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addUniqueConstraint('survey_signoffs_once', ['survey_id', 'partner_id'])
		.execute();

	await db.schema
		.createTable('survey_comments')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id').onDelete('cascade'))
		.addColumn('user_id', 'text')
		.addColumn('partner_id', 'text', (c) => c.references('partners.id'))
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('survey_comments_survey')
		.on('survey_comments')
		.column('survey_id')
		.execute();

	await db.schema
		.createTable('theme_reviews')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('theme_id', 'text', (c) =>
			c.notNull().references('comment_themes.id').onDelete('cascade')
		)
		.addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id'))
		.addColumn('user_id', 'text')
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('reviewed_on', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('theme_reviews_theme')
		.on('theme_reviews')
		.column('theme_id')
		.execute();

	// One row per area once its page has been published; `content` is the snapshot shown to the
	// public, cleared when the page is withdrawn.
	await db.schema
		.createTable('public_pages')
		.addColumn('local_area_id', 'text', (c) => c.primaryKey().references('local_areas.id'))
		.addColumn('content', 'text')
		.addColumn('published_at', 'text')
		.addColumn('published_by', 'text')
		.addColumn('withdrawn_at', 'text')
		.execute();

	await db.schema
		.createTable('public_quotes')
		.addColumn('comment_id', 'text', (c) =>
			c.primaryKey().references('comments.id').onDelete('cascade')
		)
		.addColumn('local_area_id', 'text', (c) => c.notNull().references('local_areas.id'))
		.addColumn('finding_id', 'text', (c) => c.notNull().references('findings.id'))
		.addColumn('chosen_by', 'text')
		.addColumn('chosen_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('public_quotes_area')
		.on('public_quotes')
		.column('local_area_id')
		.execute();
}

/** A portable CHECK (column IN (...)) built from fixed words, never from input. */
function sqlIn(column: string, values: string[]) {
	return sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);
}
