/**
 * The workspace navigation: one entry per section, shown to users whose role the entry's access
 * allows (see auth/roles.ts). Each section's own guards still decide; hiding a link is only a
 * courtesy.
 */
import type { Access } from '$lib/server/auth/roles';

export interface NavEntry {
	href: string;
	label: string;
	access: Access;
}

export const NAV: readonly NavEntry[] = [
	{ href: '/app', label: 'Dashboard', access: { capability: 'readFigures' } },
	{ href: '/app/findings', label: 'Areas of weakness', access: { minRole: 'viewer' } },
	{ href: '/app/plan', label: 'Improvement plan', access: { capability: 'readPlan' } },
	{ href: '/app/surveys', label: 'Questionnaires', access: { minRole: 'viewer' } },
	{ href: '/app/sign-off', label: 'Questionnaires to sign off', access: { capability: 'signOff' } },
	{ href: '/app/comments', label: 'Comments', access: { capability: 'readComments' } },
	{
		href: '/app/representativeness',
		label: 'Representativeness',
		access: { minRole: 'viewer' }
	},
	{ href: '/app/population', label: 'Population', access: { minRole: 'officer' } },
	{ href: '/app/coproduction', label: 'Co-production', access: { capability: 'readPlan' } },
	{ href: '/app/public', label: 'Public page', access: { capability: 'managePublicPage' } },
	{ href: '/app/exports', label: 'Exports', access: { minRole: 'viewer' } },
	{ href: '/app/evidence', label: 'Evidence pack', access: { minRole: 'viewer' } },
	{ href: '/app/users', label: 'Users', access: { minRole: 'admin' } },
	{ href: '/app/audit', label: 'Audit log', access: { minRole: 'admin' } },
	{ href: '/app/settings', label: 'Settings', access: { minRole: 'admin' } }
];
