/**
 * Email domains an area accepts from its identity provider. Matching is exact (no wildcards, no
 * subdomains): `council.gov.uk` does not let in `evil.council.gov.uk.example` nor
 * `schools.council.gov.uk`, which an admin lists separately if they mean it.
 */

// Labels of letters, digits and inner hyphens, at least two of them, as DNS allows.
const DOMAIN =
	/^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** "@Council.GOV.uk " → "council.gov.uk": how an admin may type one, and how it is stored. */
export function normaliseDomain(text: string): string {
	return text.trim().toLowerCase().replace(/^@/, '');
}

export function isDomain(domain: string): boolean {
	return DOMAIN.test(domain);
}

/** The domain of an email address, lower-cased; null when it has none. */
export function domainOf(email: string): string | null {
	const at = email.lastIndexOf('@');
	if (at < 1 || at === email.length - 1) return null;
	return normaliseDomain(email.slice(at + 1));
}

export function isAllowedDomain(email: string, allowed: readonly string[]): boolean {
	const domain = domainOf(email);
	return domain !== null && allowed.includes(domain);
}
