/** Council sign-in rows: an area's provider, its email domains, and users' subjects at issuers. */
import type { Db } from '../../db';
import type { AreaSignIn, LocalArea, User } from '../../db/schema';

export type AreaSignInRow = AreaSignIn & { domains: string[] };

export async function getAreaSignIn(
	db: Db,
	localAreaId: string
): Promise<AreaSignInRow | undefined> {
	const row = await db
		.selectFrom('areaSignIn')
		.selectAll()
		.where('localAreaId', '=', localAreaId)
		.executeTakeFirst();
	if (!row) return undefined;
	const domains = await db
		.selectFrom('areaSignInDomains')
		.select('domain')
		.where('localAreaId', '=', localAreaId)
		.orderBy('domain')
		.execute();
	return { ...row, domains: domains.map((d) => d.domain) };
}

/** Writes an area's settings and replaces its domains. Call inside a transaction. */
export async function putAreaSignIn(db: Db, row: AreaSignIn, domains: string[]): Promise<void> {
	const { localAreaId, ...rest } = row;
	await db
		.insertInto('areaSignIn')
		.values(row)
		.onConflict((oc) => oc.column('localAreaId').doUpdateSet(rest))
		.execute();
	await db.deleteFrom('areaSignInDomains').where('localAreaId', '=', localAreaId).execute();
	if (domains.length)
		await db
			.insertInto('areaSignInDomains')
			.values(domains.map((domain) => ({ localAreaId, domain })))
			.execute();
}

/** Removes an area's council sign-in (its domains go with it). Call inside a transaction. */
export async function deleteAreaSignIn(db: Db, localAreaId: string): Promise<boolean> {
	await db.deleteFrom('areaSignInDomains').where('localAreaId', '=', localAreaId).execute();
	const result = await db
		.deleteFrom('areaSignIn')
		.where('localAreaId', '=', localAreaId)
		.executeTakeFirst();
	return Number(result.numDeletedRows) > 0;
}

export interface DomainArea {
	localAreaId: string;
	slug: string;
	enabled: number;
	passwordSignIn: number;
}

/** Every area that lists this domain (for sign-in only: the area is not known yet). */
export async function areasForDomain(db: Db, domain: string): Promise<DomainArea[]> {
	return db
		.selectFrom('areaSignInDomains')
		.innerJoin('areaSignIn', 'areaSignIn.localAreaId', 'areaSignInDomains.localAreaId')
		.innerJoin('localAreas', 'localAreas.id', 'areaSignIn.localAreaId')
		.select([
			'areaSignIn.localAreaId',
			'localAreas.slug',
			'areaSignIn.enabled',
			'areaSignIn.passwordSignIn'
		])
		.where('areaSignInDomains.domain', '=', domain)
		.orderBy('localAreas.slug')
		.execute();
}

/** Whether any area offers council sign-in, so the sign-in page offers it at all. */
export async function anyAreaOffersCouncilSignIn(db: Db): Promise<boolean> {
	const row = await db
		.selectFrom('areaSignIn')
		.select('localAreaId')
		.where('enabled', '=', 1)
		.limit(1)
		.executeTakeFirst();
	return row !== undefined;
}

export async function getAreaBySlugForSignIn(
	db: Db,
	slug: string
): Promise<Pick<LocalArea, 'id' | 'slug' | 'name'> | undefined> {
	return db
		.selectFrom('localAreas')
		.select(['id', 'slug', 'name'])
		.where('slug', '=', slug)
		.executeTakeFirst();
}

export async function findUserBySubject(
	db: Db,
	issuer: string,
	subject: string
): Promise<User | undefined> {
	return db
		.selectFrom('userIdentities')
		.innerJoin('users', 'users.id', 'userIdentities.userId')
		.selectAll('users')
		.where('userIdentities.issuer', '=', issuer)
		.where('userIdentities.subject', '=', subject)
		.executeTakeFirst();
}

/** The subject a user is linked to at an issuer, if any. */
export async function subjectOf(
	db: Db,
	userId: string,
	issuer: string
): Promise<string | undefined> {
	const row = await db
		.selectFrom('userIdentities')
		.select('subject')
		.where('userId', '=', userId)
		.where('issuer', '=', issuer)
		.executeTakeFirst();
	return row?.subject;
}

export async function insertIdentity(
	db: Db,
	identity: { issuer: string; subject: string; userId: string; createdAt: string }
): Promise<void> {
	await db.insertInto('userIdentities').values(identity).execute();
}
