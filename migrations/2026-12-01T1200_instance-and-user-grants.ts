import { sql, type Kysely } from 'kysely';
import { isSqlite } from './dialect';

// Frozen in time: never imports app code.
// - instance_settings: facts about the installation that every instance must agree on, such as
//   the fingerprint of the server secret (never the secret itself).
// - users: a `partner` role for members of the parent carer forum and youth group; a grant to
//   take the row-level responses file, which an admin gives one officer at a time; and no
//   password for accounts that only sign in through the council's identity provider.
// SQLite cannot change a CHECK constraint or drop NOT NULL in place, so there the table is
// rebuilt; its only dependant, sessions, loses its rows (everyone signs in again once).

const ROLES = ['admin', 'officer', 'viewer', 'inspector', 'partner'];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('instance_settings')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('value', 'text', (c) => c.notNull())
		.execute();

	if (isSqlite(db)) {
		await db.schema
			.createTable('users_next')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('local_area_id', 'text', (c) => c.notNull().references('local_areas.id'))
			.addColumn('email', 'text', (c) => c.notNull().unique())
			.addColumn('name', 'text', (c) => c.notNull())
			.addColumn('role', 'text', (c) => c.notNull().check(roleCheck()))
			.addColumn('password_hash', 'text')
			.addColumn('can_export_rows', 'integer', (c) => c.notNull().defaultTo(0))
			.addColumn('expires_on', 'text')
			.addColumn('disabled_at', 'text')
			.addColumn('created_at', 'text', (c) => c.notNull())
			.execute();
		await sql`insert into users_next (id, local_area_id, email, name, role, password_hash, expires_on, disabled_at, created_at)
			select id, local_area_id, email, name, role, password_hash, expires_on, disabled_at, created_at from users`.execute(
			db
		);
		await db.schema.dropTable('users').execute();
		await db.schema.alterTable('users_next').renameTo('users').execute();
		await db.schema.createIndex('users_area').on('users').column('local_area_id').execute();
	} else {
		await sql`alter table users drop constraint users_role_check`.execute(db);
		await sql`alter table users add constraint users_role_check check (${roleCheck()})`.execute(db);
		await sql`alter table users alter column password_hash drop not null`.execute(db);
		await db.schema
			.alterTable('users')
			.addColumn('can_export_rows', 'integer', (c) => c.notNull().defaultTo(0))
			.execute();
	}
}

function roleCheck() {
	return sql.raw(`role in (${ROLES.map((r) => `'${r}'`).join(', ')})`);
}
