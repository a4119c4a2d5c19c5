/** Staff accounts. Every read by id is keyed by local area too, so another area's user is "not found". */
import type { Db } from '../db';
import type { Role, User } from '../db/schema';

/** Emails are compared lower-cased and trimmed, however they were typed. */
export function normaliseEmail(email: string): string {
	return email.trim().toLowerCase();
}

/** For sign-in only: the one lookup that is not scoped to an area (the area is not known yet). */
export async function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
	return db
		.selectFrom('users')
		.selectAll()
		.where('email', '=', normaliseEmail(email))
		.executeTakeFirst();
}

export async function getUser(db: Db, localAreaId: string, id: string): Promise<User | undefined> {
	return db
		.selectFrom('users')
		.selectAll()
		.where('localAreaId', '=', localAreaId)
		.where('id', '=', id)
		.executeTakeFirst();
}

export type UserSummary = Omit<User, 'passwordHash'>;

export async function listUsers(db: Db, localAreaId: string): Promise<UserSummary[]> {
	return db
		.selectFrom('users')
		.select([
			'id',
			'localAreaId',
			'email',
			'name',
			'role',
			'canExportRows',
			'partnerId',
			'expiresOn',
			'disabledAt',
			'createdAt'
		])
		.where('localAreaId', '=', localAreaId)
		.orderBy('disabledAt', (ob) => ob.asc().nullsFirst())
		.orderBy('name')
		.execute();
}

export async function countActiveAdmins(db: Db, localAreaId: string): Promise<number> {
	const row = await db
		.selectFrom('users')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('localAreaId', '=', localAreaId)
		.where('role', '=', 'admin')
		.where('disabledAt', 'is', null)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

export async function emailTaken(db: Db, email: string): Promise<boolean> {
	return (await findUserByEmail(db, email)) !== undefined;
}

export async function insertUser(db: Db, user: User): Promise<void> {
	await db.insertInto('users').values(user).execute();
}

export async function updateUser(
	db: Db,
	localAreaId: string,
	id: string,
	patch: Partial<{
		role: Role;
		expiresOn: string | null;
		disabledAt: string | null;
		passwordHash: string;
		name: string;
		partnerId: string | null;
		canExportRows: 0 | 1;
	}>
): Promise<void> {
	await db
		.updateTable('users')
		.set(patch)
		.where('localAreaId', '=', localAreaId)
		.where('id', '=', id)
		.execute();
}

/** Whether a partner organisation belongs to the area (a partner user may only join its own). */
export async function partnerInArea(db: Db, localAreaId: string, partnerId: string) {
	const row = await db
		.selectFrom('partners')
		.select('id')
		.where('localAreaId', '=', localAreaId)
		.where('id', '=', partnerId)
		.executeTakeFirst();
	return row !== undefined;
}
