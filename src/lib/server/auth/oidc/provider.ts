/** An area's provider as sign-in needs it: only when enabled, with the client secret unsealed. */
import type { Db } from '../../db';
import type { NewAccountRole } from '../../db/schema';
import { unseal } from '../../secret';
import { getAreaSignIn } from './repository';

/** The client secret is sealed for its own area: moved to another area's row, it will not open. */
export function clientSecretContext(localAreaId: string): string {
	return `oidc-client-secret:${localAreaId}`;
}

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
		clientSecret: unseal(row.clientSecretSealed, clientSecretContext(localAreaId)),
		domains: row.domains,
		newAccountRole: row.newAccountRole,
		version: row.updatedAt
	};
}
