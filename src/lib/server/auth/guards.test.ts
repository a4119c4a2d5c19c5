import { describe, expect, it } from 'vitest';
import { isHttpError, isRedirect } from '@sveltejs/kit';
import type { Role } from '../db/schema';
import { requireRole, requireUser } from './guards';
import { hasRole } from './roles';
import type { SessionUser } from './session';

function eventFor(role: Role | null, path = '/app/findings?x=1') {
	const user: SessionUser | null = role
		? { id: 'u', localAreaId: 'a', email: 'e@x.test', name: 'E', role, expiresOn: null }
		: null;
	return {
		locals: { user, session: null, language: 'en' as const },
		url: new URL(`http://localhost${path}`)
	};
}

function thrown(fn: () => unknown): unknown {
	try {
		fn();
	} catch (e) {
		return e;
	}
	throw new Error('expected a throw');
}

describe('hasRole', () => {
	it('ranks admin > officer > viewer, with inspector as a viewer', () => {
		const table = (['admin', 'officer', 'viewer', 'inspector'] as const).map((role) => [
			role,
			hasRole(role, 'viewer'),
			hasRole(role, 'officer'),
			hasRole(role, 'admin')
		]);
		expect(table).toEqual([
			['admin', true, true, true],
			['officer', true, true, false],
			['viewer', true, false, false],
			['inspector', true, false, false]
		]);
	});
});

describe('requireUser', () => {
	it('returns the signed-in user', () => {
		expect(requireUser(eventFor('viewer')).role).toBe('viewer');
	});

	it('redirects to sign in, coming back to the page afterwards', () => {
		const e = thrown(() => requireUser(eventFor(null)));
		expect(isRedirect(e) && e.status).toBe(303);
		expect(isRedirect(e) && e.location).toBe('/login?next=%2Fapp%2Ffindings%3Fx%3D1');
	});
});

describe('requireRole', () => {
	it('lets a role at or above the minimum through', () => {
		expect(requireRole('officer', eventFor('admin')).role).toBe('admin');
		expect(requireRole('officer', eventFor('officer')).role).toBe('officer');
		expect(requireRole('viewer', eventFor('inspector')).role).toBe('inspector');
	});

	it('answers 403 below the minimum', () => {
		for (const [role, minimum] of [
			['viewer', 'officer'],
			['inspector', 'officer'],
			['officer', 'admin']
		] as const) {
			const e = thrown(() => requireRole(minimum, eventFor(role)));
			expect(isHttpError(e) && e.status, `${role} → ${minimum}`).toBe(403);
		}
	});

	it('redirects rather than 403 when nobody is signed in', () => {
		expect(isRedirect(thrown(() => requireRole('viewer', eventFor(null))))).toBe(true);
	});
});
