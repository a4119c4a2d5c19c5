/**
 * Council sign-in from start to finish: sending someone to their area's provider, and on their
 * return checking everything and finding their account. Audited like password sign-in: `sign_in`
 * with the method, and `sign_in_failed` with a reason — but only once an area is known, so junk
 * requests to the callback from nowhere write nothing.
 */
import { recordEvent } from '../../audit';
import type { Db } from '../../db';
import type { User } from '../../db/schema';
import { matchAccount } from './accounts';
import { providerConfiguration } from './discovery';
import { domainOf } from './domains';
import { authorizationRequest, redeemCallback } from './flow';
import type { PendingSignIn } from './flow-state';
import { loadProvider } from './provider';
import type { FailureReason } from './reasons';

export type BeginOutcome =
	| { ok: true; url: URL; pending: PendingSignIn }
	| { ok: false; reason: 'not_offered' | 'unreachable' };

export async function beginCouncilSignIn(
	db: Db,
	area: { localAreaId: string; slug: string },
	options: { redirectUri: string; next: string },
	now = Date.now()
): Promise<BeginOutcome> {
	const provider = await loadProvider(db, area.localAreaId);
	if (!provider) return { ok: false, reason: 'not_offered' };
	let request;
	try {
		request = await authorizationRequest(await providerConfiguration(provider, now), options);
	} catch {
		return { ok: false, reason: 'unreachable' };
	}
	const { url, ...checks } = request;
	const pending = {
		localAreaId: area.localAreaId,
		slug: area.slug,
		next: options.next,
		startedAt: now,
		...checks
	};
	return { ok: true, url, pending };
}

export type FinishOutcome = { ok: true; user: User } | { ok: false; reason: FailureReason };

export async function finishCouncilSignIn(
	db: Db,
	pending: PendingSignIn | null,
	callbackUrl: URL,
	now = new Date()
): Promise<FinishOutcome> {
	if (!pending) return { ok: false, reason: 'expired_flow' };
	const localAreaId = pending.localAreaId;
	const refuse = async (
		reason: FailureReason,
		extra: { user?: User; detail?: Record<string, unknown> } = {}
	): Promise<FinishOutcome> => {
		await recordEvent(db, {
			localAreaId,
			userId: extra.user?.id ?? null,
			action: 'sign_in_failed',
			subjectType: extra.user ? 'user' : null,
			subjectId: extra.user?.id ?? null,
			detail: { method: 'oidc', reason, ...extra.detail }
		});
		return { ok: false, reason };
	};

	const provider = await loadProvider(db, localAreaId);
	if (!provider) return refuse('not_offered');
	let config;
	try {
		config = await providerConfiguration(provider, now.getTime());
	} catch {
		return refuse('unreachable');
	}
	const callback = await redeemCallback(config, callbackUrl, pending);
	if (!callback.ok) return refuse(callback.reason);

	const identity = callback.identity;
	const match = await matchAccount(db, provider, identity, now);
	if (!match.ok) {
		// The domain says which rule refused someone; their address is not kept.
		const domain = identity.email ? domainOf(identity.email) : null;
		return refuse(match.reason, {
			user: match.user,
			detail: match.reason === 'domain_not_allowed' ? { domain } : {}
		});
	}
	await recordEvent(db, {
		localAreaId,
		userId: match.user.id,
		action: 'sign_in',
		subjectType: 'user',
		subjectId: match.user.id,
		detail: { method: 'oidc', matchedBy: match.matchedBy }
	});
	return { ok: true, user: match.user };
}
