/** Words for stored values, shared by the server (validation) and the pages (display). */
import type { FindingKind, InspectionKind, Role } from '$lib/server/db/schema';

export const INSPECTION_KINDS: readonly { value: InspectionKind; label: string }[] = [
	{ value: 'initial', label: 'Initial inspection' },
	{ value: 'revisit', label: 'Revisit' },
	{ value: 'monitoring', label: 'Monitoring visit' },
	{ value: 'other', label: 'Other' }
];

export const FINDING_KINDS: readonly { value: FindingKind; label: string }[] = [
	{ value: 'fundamental_failing', label: 'Fundamental failing' },
	{ value: 'significant_weakness', label: 'Significant weakness' },
	{ value: 'area_of_concern', label: 'Area of concern' },
	{ value: 'area_for_improvement', label: 'Area for improvement' },
	{ value: 'strength', label: 'Strength' }
];

export const ROLE_LABELS: Record<Role, string> = {
	admin: 'Admin',
	officer: 'Officer',
	viewer: 'Viewer',
	inspector: 'Inspector',
	partner: 'Partner'
};

export function inspectionKindLabel(kind: string): string {
	return INSPECTION_KINDS.find((k) => k.value === kind)?.label ?? kind;
}

export function findingKindLabel(kind: string): string {
	return FINDING_KINDS.find((k) => k.value === kind)?.label ?? kind;
}
