import { describe, expect, it } from 'vitest';
import { formatDate } from './dates';

describe('formatDate', () => {
	it('writes dates the GOV.UK way, whatever the server’s time zone', () => {
		expect(formatDate('2026-06-04')).toBe('4 June 2026');
		expect(formatDate('2027-01-31T23:59:00Z')).toBe('31 January 2027');
	});
});
