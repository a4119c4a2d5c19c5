/**
 * The workspace navigation: one entry per section, shown to users whose role is at least
 * `minRole`. Each section's own guards still decide; hiding a link is only a courtesy.
 */
export interface NavEntry {
	href: string;
	label: string;
	minRole: 'viewer' | 'officer' | 'admin';
}

export const NAV: readonly NavEntry[] = [
	{ href: '/app', label: 'Dashboard', minRole: 'viewer' },
	{ href: '/app/findings', label: 'Areas of weakness', minRole: 'viewer' },
	{ href: '/app/surveys', label: 'Questionnaires', minRole: 'viewer' },
	{ href: '/app/comments', label: 'Comments', minRole: 'viewer' },
	{ href: '/app/representativeness', label: 'Representativeness', minRole: 'viewer' },
	{ href: '/app/population', label: 'Population', minRole: 'officer' },
	{ href: '/app/exports', label: 'Exports', minRole: 'viewer' },
	{ href: '/app/evidence', label: 'Evidence pack', minRole: 'viewer' },
	{ href: '/app/users', label: 'Users', minRole: 'admin' },
	{ href: '/app/audit', label: 'Audit log', minRole: 'admin' },
	{ href: '/app/settings', label: 'Settings', minRole: 'admin' }
];
