/**
 * Who the provider says signed in: subject, email and whether the email is verified. Read from
 * the ID token, or from the UserInfo response when the ID token carries no email (providers that
 * follow the spec strictly put scope claims there); openid-client has already checked that the
 * UserInfo subject is the ID token's.
 */
export interface Identity {
	issuer: string;
	subject: string;
	email: string | null;
	emailVerified: boolean;
	name: string | null;
}

type Claims = Record<string, unknown>;

function text(value: unknown): string | null {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/**
 * Verified means `email_verified: true`, exactly. Microsoft Entra ID never sends that claim; its
 * optional `xms_edov` claim ("email domain owner verified") says the tenant owns the email's
 * domain, which is what matching by email needs, so it counts too.
 */
function isVerified(claims: Claims): boolean {
	return claims.email_verified === true || claims.xms_edov === true;
}

export function identityFrom(issuer: string, idToken: Claims, userInfo?: Claims): Identity {
	const subject = text(idToken.sub);
	if (!subject) throw new TypeError('An ID token always has a subject');
	const source = text(idToken.email) || !userInfo ? idToken : userInfo;
	const email = text(source.email);
	const joined = [text(source.given_name), text(source.family_name)].filter(Boolean).join(' ');
	return {
		issuer,
		subject,
		email: email ? email.toLowerCase() : null,
		emailVerified: email !== null && isVerified(source),
		name: text(source.name) ?? (joined || null)
	};
}
