/**
 * Finding the area whose provider someone should use: from a typed work email (its domain) or
 * from the area's own sign-in link (`/login?area=<slug>`). A domain several areas share (an NHS
 * trust's, say) cannot choose between them, so those people need their area's link.
 */
import type { Db } from '../../db';
import { domainOf } from './domains';
import { areasForDomain, getAreaBySlugForSignIn, getAreaSignIn } from './repository';

export type AreaChoice =
	{ ok: true; localAreaId: string; slug: string } | { ok: false; reason: 'none' | 'several' };

export async function councilAreaForEmail(db: Db, email: string): Promise<AreaChoice> {
	const domain = domainOf(email);
	if (!domain) return { ok: false, reason: 'none' };
	const areas = (await areasForDomain(db, domain)).filter((a) => a.enabled === 1);
	if (areas.length === 0) return { ok: false, reason: 'none' };
	if (areas.length > 1) return { ok: false, reason: 'several' };
	return { ok: true, localAreaId: areas[0]!.localAreaId, slug: areas[0]!.slug };
}

export interface AreaSignInOptions {
	localAreaId: string;
	slug: string;
	name: string;
	councilSignIn: boolean;
	passwordSignIn: boolean;
}

/** How an area's staff may sign in, for its sign-in link; undefined for an unknown slug. */
export async function signInOptionsForSlug(
	db: Db,
	slug: string
): Promise<AreaSignInOptions | undefined> {
	const area = await getAreaBySlugForSignIn(db, slug);
	if (!area) return undefined;
	const settings = await getAreaSignIn(db, area.id);
	return {
		localAreaId: area.id,
		slug: area.slug,
		name: area.name,
		councilSignIn: settings?.enabled === 1,
		passwordSignIn: settings ? settings.passwordSignIn === 1 : true
	};
}
