/**
 * The guard of every export route: the file's minimum role, from the catalogue. An attempt by a
 * signed-in user below it is audited before the guard refuses it (403).
 */
import { requireRole, requireUser } from '../auth/guards';
import { hasRole } from '../auth/roles';
import type { SessionUser } from '../auth/session';
import type { Db } from '../db';
import { fileInfo, type FileKey } from './files';
import { recordRefusal } from './service';

export async function requireFileRole(
	db: Db,
	key: FileKey,
	subject: { type: string; id: string } | null = null
): Promise<SessionUser> {
	const user = requireUser();
	const minimum = fileInfo(key).minRole;
	if (!hasRole(user.role, minimum)) await recordRefusal(db, user, key, subject);
	return requireRole(minimum);
}
