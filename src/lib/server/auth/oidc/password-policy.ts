/**
 * Whether password sign-in is allowed, for an area that may have turned it off. Asked twice by
 * password sign-in: first by the typed email's domain, before any password is checked, so people
 * of such an area are sent to the council button whether or not they have an account (a domain's
 * setting is no secret: the council button shows it too); then by the account's own area, after
 * the password proved right, for its users whose email is outside the listed domains.
 */
import type { Db } from '../../db';
import { domainOf } from './domains';
import { areasForDomain, getAreaSignIn } from './repository';

/** True when every area that lists this email's domain has password sign-in off. */
export async function passwordsOffForEmail(db: Db, email: string): Promise<boolean> {
	const domain = domainOf(email);
	if (!domain) return false;
	const areas = await areasForDomain(db, domain);
	return areas.length > 0 && areas.every((a) => a.passwordSignIn === 0);
}

export async function passwordSignInAllowed(db: Db, localAreaId: string): Promise<boolean> {
	const settings = await getAreaSignIn(db, localAreaId);
	return !settings || settings.passwordSignIn === 1;
}
