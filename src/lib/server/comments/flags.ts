/**
 * Likely personal data in free text, so reviewers see those comments first and can redact them.
 * A hint, not a guarantee: an officer reads every comment before it leaves the team.
 */
export type FlagKind = 'name' | 'email' | 'phone' | 'postcode' | 'term';

export interface Flag {
	kind: FlagKind;
	start: number;
	end: number;
}

const PATTERNS: { kind: FlagKind; pattern: RegExp; group?: number }[] = [
	// A name straight after "my son", "my daughter" and the like.
	{
		kind: 'name',
		pattern: /\b(?:my|our) (?:son|daughter|child|boy|girl|grandson|granddaughter) ([A-Z][a-z]+)/g,
		group: 1
	},
	{ kind: 'email', pattern: /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g },
	{ kind: 'phone', pattern: /(?:\+44\s?|\b0)(?:\d\s?){9,10}\b/g },
	{ kind: 'postcode', pattern: /\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b/gi }
];

/** Places in the text that look like personal data. `terms` are the area's own (school names). */
export function findPersonalData(body: string, terms: readonly string[] = []): Flag[] {
	const flags: Flag[] = [];
	for (const { kind, pattern, group } of PATTERNS) {
		for (const match of body.matchAll(pattern)) {
			// A phone number may end in the space before the next word: keep that space out.
			const text = (group ? match[group]! : match[0]).trimEnd();
			const start = match.index + match[0].indexOf(text);
			flags.push({ kind, start, end: start + text.length });
		}
	}
	for (const term of terms) {
		for (const span of occurrences(body, term.trim())) flags.push({ kind: 'term', ...span });
	}
	return flags.sort((a, b) => a.start - b.start);
}

/**
 * Every place `phrase` occurs in `body`, whatever its case, as offsets into `body` itself.
 * Matched by a case-insensitive pattern rather than on a lower-cased copy, whose length can
 * differ ("İ" lower-cases to two characters) and would leave part of a name unredacted.
 */
export function occurrences(body: string, phrase: string): { start: number; end: number }[] {
	if (!phrase) return [];
	const pattern = new RegExp(phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'giu');
	return [...body.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

export const REDACTED = '[redacted]';

/** Replace each flagged span with [redacted]. The original is not kept anywhere. */
export function redactSpans(
	body: string,
	spans: readonly { start: number; end: number }[]
): string {
	let result = '';
	let at = 0;
	for (const span of [...spans].sort((a, b) => a.start - b.start)) {
		if (span.start < at) continue; // overlapping spans: the first wins
		result += body.slice(at, span.start) + REDACTED;
		at = span.end;
	}
	return result + body.slice(at);
}
