import { describe, expect, it } from 'vitest';
import { domainOf, isAllowedDomain, isDomain, normaliseDomain } from './domains';

describe('email domains', () => {
	it('normalises what an admin types', () => {
		expect(normaliseDomain('  @Lancashire.GOV.uk ')).toBe('lancashire.gov.uk');
	});

	it('knows a domain from something else', () => {
		for (const good of ['lancashire.gov.uk', 'nhs.net', 'a-b.example', 'x1.y2.example'])
			expect(isDomain(good), good).toBe(true);
		for (const bad of [
			'localhost',
			'-x.example',
			'x-.example',
			'a..b',
			'a b.example',
			'a@b.example',
			''
		])
			expect(isDomain(bad), bad).toBe(false);
	});

	it('takes the domain after the last @, lower-cased', () => {
		expect(domainOf('Sam.Jones@Lancashire.GOV.UK')).toBe('lancashire.gov.uk');
		expect(domainOf('"odd@name"@council.example')).toBe('council.example');
		expect(domainOf('no-at-sign')).toBeNull();
		expect(domainOf('@council.example')).toBeNull();
		expect(domainOf('sam@')).toBeNull();
	});

	it('matches exactly: no subdomains, no look-alike suffixes or prefixes', () => {
		const allowed = ['lancashire.gov.uk'];
		expect(isAllowedDomain('sam@lancashire.gov.uk', allowed)).toBe(true);
		expect(isAllowedDomain('sam@LANCASHIRE.gov.uk', allowed)).toBe(true);
		for (const email of [
			'sam@schools.lancashire.gov.uk',
			'sam@lancashire.gov.uk.attacker.example',
			'sam@evil-lancashire.gov.uk',
			'sam@lancashire.gov',
			'lancashire.gov.uk@attacker.example'
		])
			expect(isAllowedDomain(email, allowed), email).toBe(false);
	});
});
