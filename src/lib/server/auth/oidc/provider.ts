/** An area's provider as sign-in needs it: only when enabled, with the client secret unsealed. */
import type { Db } from '../../db';
import type { NewAccountRole } from '../../db/schema';
import { unseal } from '../../secret';
import { getAreaSignIn } from './repository';

export interface ProviderSettings {
	localAreaId: string;
	issuer: string;
	clientId: string;
	clientSecret: string;
	domains: string[];
	newAccountRole: NewAccountRole | null;
	/** Changes whenever the admin saves, so cached provider metadata is not reused across edits. */
	version: string;
}

export async function loadProvider(
	db: Db,
	localAreaId: string
): Promise<ProviderSettings | undefined> {
	const row = await getAreaSignIn(db, localAreaId);
	if (!row || row.enabled !== 1) return undefined;
	return {
		localAreaId,
		issuer: row.issuer,
		clientId: row.clientId,
		clientSecret: unseal(row.clientSecretSealed),
		domains: row.domains,
		newAccountRole: row.newAccountRole,
		version: row.updatedAt
	};
}
