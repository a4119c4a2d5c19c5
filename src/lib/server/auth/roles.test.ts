import { describe, expect, it } from 'vitest';
import { ROLES, can, hasRole, type Capability } from './roles';

const CAPABILITIES: Capability[] = [
	'readFigures',
	'readComments',
	'reviewThemes',
	'readPlan',
	'editPlan',
	'readDrafts',
	'commentOnDrafts',
	'signOff',
	'managePublicPage'
];

describe('who may do what', () => {
	it('gives a partner published figures, reviewed comments, the plan and drafts to sign off, and no staff rank', () => {
		expect(ROLES).toContain('partner');
		expect(CAPABILITIES.filter((c) => can('partner', c))).toEqual([
			'readFigures',
			'readComments',
			'reviewThemes',
			'readPlan',
			'readDrafts',
			'commentOnDrafts',
			'signOff'
		]);
		expect(hasRole('partner', 'viewer')).toBe(false);
	});

	it('lets viewers and inspectors read, officers and admins edit, and only partners sign off', () => {
		const table = ROLES.map((role) => [role, CAPABILITIES.filter((c) => can(role, c)).length]);
		expect(table).toEqual([
			['admin', 7],
			['officer', 7],
			['viewer', 3],
			['inspector', 3],
			['partner', 7]
		]);
		for (const role of ['admin', 'officer', 'viewer', 'inspector'] as const) {
			expect(can(role, 'signOff'), role).toBe(false);
			expect(can(role, 'reviewThemes'), role).toBe(false);
		}
		expect(can('viewer', 'editPlan')).toBe(false);
		expect(can('viewer', 'readDrafts')).toBe(false);
	});
});
