/**
 * Roles within one local area. admin > officer > viewer; an inspector is a viewer whose access
 * ends on a date, so it ranks as a viewer everywhere. Pure functions, shared by guards and nav.
 */
import type { Role } from '../db/schema';

export type MinimumRole = 'viewer' | 'officer' | 'admin';

export const ROLES: readonly Role[] = ['admin', 'officer', 'viewer', 'inspector'];

// A partner (parent carer forum, youth group) ranks below a viewer: it sees only the pages that
// grant it access by name, never the staff pages a viewer may read.
const RANK: Record<Role, number> = { partner: 0, viewer: 1, inspector: 1, officer: 2, admin: 3 };

export function hasRole(role: Role, minimum: MinimumRole): boolean {
	return RANK[role] >= RANK[minimum];
}

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
	admin: 'Everything an officer can do, plus users and area settings.',
	officer: 'Findings, questionnaires, access codes, comments and exports.',
	viewer: 'Dashboards and aggregate exports only.',
	inspector: 'A viewer whose access ends on a set date.',
	partner:
		'A member of the parent carer forum or youth group: published figures, and questionnaires to sign off.'
};
