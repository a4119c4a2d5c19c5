import { describe, expect, it } from 'vitest';
import { RefillingTokenBucket } from './rate-limit';

describe('RefillingTokenBucket', () => {
	const t0 = 1_000_000;

	it('allows max at once, then refuses', () => {
		const bucket = new RefillingTokenBucket<string>(3, 60);
		expect([1, 2, 3].map(() => bucket.consume('a', 1, t0))).toEqual([true, true, true]);
		expect(bucket.check('a', 1, t0)).toBe(false);
		expect(bucket.consume('a', 1, t0)).toBe(false);
	});

	it('keeps keys apart', () => {
		const bucket = new RefillingTokenBucket<string>(1, 60);
		expect(bucket.consume('a', 1, t0)).toBe(true);
		expect(bucket.consume('a', 1, t0)).toBe(false);
		expect(bucket.consume('b', 1, t0)).toBe(true);
	});

	it('refills one token per interval, up to max', () => {
		const bucket = new RefillingTokenBucket<string>(2, 60);
		bucket.consume('a', 1, t0);
		bucket.consume('a', 1, t0);
		expect(bucket.check('a', 1, t0 + 59_999)).toBe(false);
		expect(bucket.check('a', 1, t0 + 60_000)).toBe(true);
		expect(bucket.consume('a', 1, t0 + 60_000)).toBe(true);
		expect(bucket.consume('a', 1, t0 + 60_000)).toBe(false);
		// A long wait refills to max, never beyond.
		const later = t0 + 60 * 60_000;
		expect(bucket.consume('a', 1, later)).toBe(true);
		expect(bucket.consume('a', 1, later)).toBe(true);
		expect(bucket.consume('a', 1, later)).toBe(false);
	});

	it('keeps the part of an interval already waited', () => {
		const bucket = new RefillingTokenBucket<string>(1, 60);
		bucket.consume('a', 1, t0);
		expect(bucket.consume('a', 1, t0 + 30_000)).toBe(false);
		// The failed attempt half-way through does not restart the clock.
		expect(bucket.consume('a', 1, t0 + 60_000)).toBe(true);
	});

	it('check does not take tokens, reset gives them back', () => {
		const bucket = new RefillingTokenBucket<string>(1, 60);
		expect(bucket.check('a', 1, t0)).toBe(true);
		expect(bucket.check('a', 1, t0)).toBe(true);
		bucket.consume('a', 1, t0);
		expect(bucket.check('a', 1, t0)).toBe(false);
		bucket.reset('a');
		expect(bucket.check('a', 1, t0)).toBe(true);
	});
});
