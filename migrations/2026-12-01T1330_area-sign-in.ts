import { sql, type Kysely } from 'kysely';

// Frozen in time: never imports app code.
// - area_sign_in: one area's OpenID Connect provider (issuer, client id, the client secret sealed
//   under the server secret, never in clear), what to do with a new email, and whether password
//   sign-in stays allowed. No row: the area signs in with passwords only.
// - area_sign_in_domains: the email domains an area accepts from its provider, one row each, so
//   the sign-in page can find an area from a typed work email with an indexed lookup. A domain
//   may belong to several areas (NHS partners share one); the page then needs the area's link.
// - user_identities: the provider's subject for a user, per issuer, stored on the first match by
//   email so later sign-ins match by subject and a reassigned email address cannot take over an
//   account already linked to someone else.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('area_sign_in')
		.addColumn('local_area_id', 'text', (c) => c.primaryKey().references('local_areas.id'))
		.addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('issuer', 'text', (c) => c.notNull())
		.addColumn('client_id', 'text', (c) => c.notNull())
		.addColumn('client_secret_sealed', 'text', (c) => c.notNull())
		.addColumn('new_account_role', 'text', (c) =>
			c.check(sql`new_account_role is null or new_account_role in ('viewer', 'officer')`)
		)
		.addColumn('password_sign_in', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('area_sign_in_domains')
		.addColumn('local_area_id', 'text', (c) =>
			c.notNull().references('area_sign_in.local_area_id').onDelete('cascade')
		)
		.addColumn('domain', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('area_sign_in_domains_pk', ['local_area_id', 'domain'])
		.execute();
	await db.schema
		.createIndex('area_sign_in_domains_domain')
		.on('area_sign_in_domains')
		.column('domain')
		.execute();

	await db.schema
		.createTable('user_identities')
		.addColumn('issuer', 'text', (c) => c.notNull())
		.addColumn('subject', 'text', (c) => c.notNull())
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('user_identities_pk', ['issuer', 'subject'])
		.addUniqueConstraint('user_identities_user_issuer', ['user_id', 'issuer'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('user_identities').execute();
	await db.schema.dropTable('area_sign_in_domains').execute();
	await db.schema.dropTable('area_sign_in').execute();
}
