/**
 * Who may do what, in one place. Staff roles rank admin > officer > viewer; an inspector is a
 * viewer whose access ends on a date, so it ranks as a viewer everywhere. Most staff pages ask
 * for a minimum rank (`hasRole`).
 *
 * A partner (a member of the parent carer forum or youth group) ranks below a viewer: it passes
 * no minimum at all, and reaches only the pages that name a capability granted to it below.
 * Capabilities are listed role by role, so reading GRANTS says everything a partner can do.
 * Pure functions, shared by guards and nav.
 */
import type { Role } from '../db/schema';

export type MinimumRole = 'viewer' | 'officer' | 'admin';

export const ROLES: readonly Role[] = ['admin', 'officer', 'viewer', 'inspector', 'partner'];

const RANK: Record<Role, number> = { partner: 0, viewer: 1, inspector: 1, officer: 2, admin: 3 };

export function hasRole(role: Role, minimum: MinimumRole): boolean {
	return RANK[role] >= RANK[minimum];
}

export type Capability =
	/** Published figures: the dashboard, finding, question and questionnaire results pages. */
	| 'readFigures'
	/** Reviewed comments and their themes (officers also see new ones; see comments/service). */
	| 'readComments'
	/** Add a partner's view to a comment theme. */
	| 'reviewThemes'
	/** The improvement plan, the area's partners and the co-production log. */
	| 'readPlan'
	/** Add, change and import actions and partners; keep the co-production log. */
	| 'editPlan'
	/** Draft questionnaires waiting for sign-off, their preview and comments. */
	| 'readDrafts'
	| 'commentOnDrafts'
	/** Sign off a draft on behalf of one's own partner organisation. */
	| 'signOff'
	/** Choose quotes for, preview, publish and withdraw the public page. */
	| 'managePublicPage';

const STAFF: readonly Role[] = ['admin', 'officer', 'viewer', 'inspector'];
const EDITORS: readonly Role[] = ['admin', 'officer'];

const GRANTS: Record<Capability, readonly Role[]> = {
	readFigures: [...STAFF, 'partner'],
	readComments: [...STAFF, 'partner'],
	reviewThemes: ['partner'],
	readPlan: [...STAFF, 'partner'],
	editPlan: EDITORS,
	readDrafts: [...EDITORS, 'partner'],
	commentOnDrafts: [...EDITORS, 'partner'],
	signOff: ['partner'],
	managePublicPage: EDITORS
};

export function can(role: Role, capability: Capability): boolean {
	return GRANTS[capability].includes(role);
}

/** What a nav entry or a page asks of a user: a minimum staff rank, or a named capability. */
export type Access = { minRole: MinimumRole } | { capability: Capability };

export function allows(role: Role, access: Access): boolean {
	return 'minRole' in access ? hasRole(role, access.minRole) : can(role, access.capability);
}

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
	admin: 'Everything an officer can do, plus users and area settings.',
	officer: 'Findings, questionnaires, access codes, comments and exports.',
	viewer: 'Dashboards and aggregate exports only.',
	inspector: 'A viewer whose access ends on a set date.',
	partner:
		'A member of the parent carer forum or youth group: published figures, and questionnaires to sign off.'
};
