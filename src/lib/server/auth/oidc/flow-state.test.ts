import { describe, expect, it } from 'vitest';
import { FLOW_MINUTES, openPending, sealPending, type PendingSignIn } from './flow-state';

const startedAt = Date.parse('2027-01-01T09:00:00Z');
const pending: PendingSignIn = {
	localAreaId: 'area-1',
	slug: 'north-shire',
	state: 'state-'.padEnd(43, 's'),
	nonce: 'nonce-'.padEnd(43, 'n'),
	codeVerifier: 'v'.repeat(43),
	next: '/app/findings',
	startedAt
};

describe('pending sign-in', () => {
	it('comes back as it went, and its sealed form shows none of it', () => {
		const sealed = sealPending(pending);
		expect(openPending(sealed, startedAt + 60_000)).toEqual(pending);
		for (const part of [pending.state, pending.nonce, pending.codeVerifier, 'north-shire'])
			expect(sealed).not.toContain(part);
	});

	it('is refused once altered, missing, or not sealed by this server', () => {
		const sealed = sealPending(pending);
		const flipped = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA');
		expect(openPending(flipped, startedAt)).toBeNull();
		expect(openPending(undefined, startedAt)).toBeNull();
		expect(openPending('', startedAt)).toBeNull();
		expect(
			openPending(Buffer.from(JSON.stringify(pending)).toString('base64url'), startedAt)
		).toBeNull();
	});

	it('lasts ten minutes, and one from the future is refused', () => {
		const sealed = sealPending(pending);
		expect(openPending(sealed, startedAt + FLOW_MINUTES * 60_000)).not.toBeNull();
		expect(openPending(sealed, startedAt + FLOW_MINUTES * 60_000 + 1)).toBeNull();
		expect(openPending(sealed, startedAt - 1)).toBeNull();
	});
});
