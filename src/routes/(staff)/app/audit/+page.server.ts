import { listActions, pageEvents } from '$lib/server/audit';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';

const PAGE_SIZE = 50;

export const load = async ({ url }) => {
	const user = requireRole('admin');
	const db = getDb();
	const actions = await listActions(db, user.localAreaId);
	const requested = url.searchParams.get('action');
	// Only a known action filters; anything else shows everything rather than an empty page.
	const action = requested && actions.includes(requested) ? requested : null;
	const pageNumber = Math.max(1, Math.floor(Number(url.searchParams.get('page')) || 1));
	const { events, total } = await pageEvents(db, user.localAreaId, {
		action,
		limit: PAGE_SIZE,
		offset: (pageNumber - 1) * PAGE_SIZE
	});
	return {
		events: events.map((e) => ({ ...e, detail: describe(e.detail) })),
		actions,
		action,
		page: pageNumber,
		pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
		total
	};
};

/** The detail JSON as short "key: value" lines for reading. */
function describe(detail: string | null): string[] {
	if (!detail) return [];
	const value = JSON.parse(detail) as Record<string, unknown>;
	return Object.entries(value).map(([key, v]) => {
		if (v && typeof v === 'object' && 'from' in v && 'to' in v) {
			const change = v as { from: unknown; to: unknown };
			return `${key}: ${show(change.from)} → ${show(change.to)}`;
		}
		return `${key}: ${show(v)}`;
	});
}

function show(value: unknown): string {
	if (value === null || value === undefined) return '(none)';
	const text = typeof value === 'string' ? value : JSON.stringify(value);
	return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}
