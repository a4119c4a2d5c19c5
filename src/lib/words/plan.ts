/**
 * Words for the improvement plan, shared by the server (validation, import) and the pages.
 * A status is always shown with its word and its RAG rating in words, never by colour alone.
 */
import type { ActionStatus, PartnerKind } from '$lib/server/db/schema';

export interface StatusWords {
	value: ActionStatus;
	label: string;
	/** The RAG rating boards read, in words. */
	rag: string;
	/** The tag's look (a colour as well as the words). */
	tag: 'grey' | 'green' | 'amber' | 'red' | 'blue';
}

export const STATUSES: readonly StatusWords[] = [
	{ value: 'not_started', label: 'Not started', rag: 'Not started', tag: 'grey' },
	{ value: 'on_track', label: 'On track', rag: 'Green', tag: 'green' },
	{ value: 'at_risk', label: 'At risk', rag: 'Amber', tag: 'amber' },
	{ value: 'off_track', label: 'Off track', rag: 'Red', tag: 'red' },
	{ value: 'done', label: 'Done', rag: 'Complete', tag: 'blue' }
];

/** A status as a choice in a form: "At risk (amber)". */
export function statusOption(s: StatusWords): string {
	return s.rag === s.label || s.rag === 'Complete'
		? s.label
		: `${s.label} (${s.rag.toLowerCase()})`;
}

export const STATUS_VALUES = STATUSES.map((s) => s.value) as [ActionStatus, ...ActionStatus[]];

export function statusWords(status: ActionStatus): StatusWords {
	return STATUSES.find((s) => s.value === status)!;
}

export const PARTNER_KINDS: readonly { value: PartnerKind; label: string }[] = [
	{ value: 'council', label: 'Council' },
	{ value: 'icb', label: 'Integrated care board' },
	{ value: 'nhs_provider', label: 'NHS provider' },
	{ value: 'parent_carer_forum', label: 'Parent carer forum' },
	{ value: 'youth_group', label: 'Youth group' },
	{ value: 'education', label: 'School or college' },
	{ value: 'other', label: 'Other organisation' }
];

export const PARTNER_KIND_VALUES = PARTNER_KINDS.map((k) => k.value) as [
	PartnerKind,
	...PartnerKind[]
];

export function partnerKindLabel(kind: string): string {
	return PARTNER_KINDS.find((k) => k.value === kind)?.label ?? kind;
}

/**
 * The largest plan file that can be imported: about a thousand actions, and well under the
 * server's limit on a request's body (adapter-node's BODY_SIZE_LIMIT, 512 KB by default).
 */
export const MAX_IMPORT_KB = 200;
