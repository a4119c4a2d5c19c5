/**
 * The markers that replace a figure, as in the question bank's `suppression` block. Shared by
 * the suppression function on the server and the pages that explain the markers.
 */
export type Marker = '[c]' | '[u]' | '[x]' | '[z]';

export const MARKERS: Record<Marker, string> = {
	'[c]': 'suppressed to protect confidentiality',
	'[u]': 'low reliability: base under 30 or interval wider than plus or minus 15 points',
	'[x]': 'not available',
	'[z]': 'not applicable'
};
