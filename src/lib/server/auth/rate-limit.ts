/**
 * Refilling token buckets for sign-in. Kept in memory: Heard runs as one Node process per local
 * area deployment, so one map sees every attempt; a restart forgets the counts, which costs an
 * attacker nothing they could not get by waiting a few minutes, and argon2 already makes each
 * guess slow. Running several processes would need a shared store instead.
 * Client addresses are kept only as salted hashes, never written to disk or logged.
 */
export class RefillingTokenBucket<Key> {
	private storage = new Map<Key, { count: number; refilledAt: number }>();

	constructor(
		readonly max: number,
		readonly refillIntervalSeconds: number
	) {}

	private refilled(key: Key, now: number): { count: number; refilledAt: number } {
		const bucket = this.storage.get(key);
		if (!bucket) return { count: this.max, refilledAt: now };
		const refill = Math.floor((now - bucket.refilledAt) / (this.refillIntervalSeconds * 1000));
		if (refill <= 0) return bucket;
		const count = Math.min(bucket.count + refill, this.max);
		// Keep the part-interval already waited, unless the bucket is full again.
		const refilledAt =
			count === this.max ? now : bucket.refilledAt + refill * this.refillIntervalSeconds * 1000;
		return { count, refilledAt };
	}

	/** Whether `cost` tokens are there, without taking them. */
	check(key: Key, cost = 1, now = Date.now()): boolean {
		return this.refilled(key, now).count >= cost;
	}

	/** Takes `cost` tokens if there are enough; returns whether it did. */
	consume(key: Key, cost = 1, now = Date.now()): boolean {
		const bucket = this.refilled(key, now);
		if (bucket.count < cost) {
			this.storage.set(key, bucket);
			return false;
		}
		const next = { count: bucket.count - cost, refilledAt: bucket.refilledAt };
		if (next.count >= this.max) this.storage.delete(key);
		else this.storage.set(key, next);
		this.prune(now);
		return true;
	}

	reset(key: Key): void {
		this.storage.delete(key);
	}

	/** Drops buckets that have refilled completely, so the map cannot grow without bound. */
	private prune(now: number): void {
		if (this.storage.size < 10_000) return;
		for (const [key, bucket] of this.storage) {
			const full = bucket.refilledAt + this.max * this.refillIntervalSeconds * 1000 <= now;
			if (full) this.storage.delete(key);
		}
	}
}

/**
 * Failed sign-ins allowed per account: 5 at once, then one more every minute. Keyed by the email
 * typed, whether or not it exists, so the limit itself says nothing about which emails are real.
 */
export const accountSignInBucket = new RefillingTokenBucket<string>(5, 60);

/** Failed sign-ins allowed per client address: 30 at once, then one every 10 seconds. */
export const clientSignInBucket = new RefillingTokenBucket<string>(30, 10);
