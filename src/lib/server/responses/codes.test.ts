import { describe, expect, it } from 'vitest';
import {
	CODE_ALPHABET,
	CODE_LENGTH,
	formatCode,
	generateCode,
	hashCode,
	isWellFormedCode,
	normaliseCode
} from './codes';

describe('access codes', () => {
	it('are 10 unambiguous characters, grouped for reading', () => {
		for (let i = 0; i < 200; i++) {
			const code = generateCode();
			expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
			expect(isWellFormedCode(normaliseCode(code))).toBe(true);
		}
		expect(CODE_ALPHABET).not.toMatch(/[ILOU]/);
		expect(CODE_LENGTH).toBe(10);
	});

	it('are read whatever the case, spacing, dashes or look-alike letters', () => {
		const code = 'K7QM2-XRT10';
		for (const typed of [
			'k7qm2xrt10',
			' K7QM2 XRT10 ',
			'k7qm2—xrt1o',
			'K7QM2_XRTl0',
			'k7qm2.xrtIO'
		]) {
			expect(normaliseCode(typed)).toBe('K7QM2XRT10');
		}
		expect(formatCode(normaliseCode(code))).toBe(code);
	});

	it('tell a code from something that cannot be one', () => {
		expect(isWellFormedCode('K7QM2XRT10')).toBe(true);
		expect(isWellFormedCode('K7QM2XRT1')).toBe(false);
		expect(isWellFormedCode('K7QM2XRT100')).toBe(false);
		expect(isWellFormedCode('K7QM2XRTU0')).toBe(false);
		expect(isWellFormedCode('')).toBe(false);
	});

	it('are stored as a hash that does not contain them', () => {
		const hash = hashCode('K7QM2XRT10');
		expect(hash).toMatch(/^[0-9a-f]{64}$/);
		expect(hash).toBe(hashCode(normaliseCode('k7qm2-xrt10')));
		expect(hash).not.toBe(hashCode('K7QM2XRT11'));
	});
});
