/**
 * Slows down guessing of access codes: after a few wrong codes from one client, every try is
 * refused for a while. The tally lives only in this process's memory and is keyed by a salted
 * hash of the client address, so no address is ever logged, stored or kept in readable form.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';

export const WRONG_CODE_LIMIT = 5;
export const WRONG_CODE_WINDOW_MS = 10 * 60 * 1000;

// A fresh salt per process: the keys mean nothing once the process ends.
const SALT = crypto.getRandomValues(new Uint8Array(16));

/** A key for a client that cannot be turned back into its address. */
export function clientKey(address: string): string {
	const bytes = new TextEncoder().encode(address);
	const salted = new Uint8Array(SALT.length + bytes.length);
	salted.set(SALT);
	salted.set(bytes, SALT.length);
	return encodeHexLowerCase(sha256(salted));
}

interface Tally {
	wrong: number;
	resetAt: number;
}

export class WrongTryLimiter {
	readonly #tallies = new Map<string, Tally>();

	constructor(
		readonly limit = WRONG_CODE_LIMIT,
		readonly windowMs = WRONG_CODE_WINDOW_MS,
		private readonly now: () => number = Date.now
	) {}

	/** Seconds to wait before trying again, or 0 when the client may try now. */
	waitSeconds(key: string): number {
		const tally = this.#current(key);
		if (!tally || tally.wrong < this.limit) return 0;
		return Math.ceil((tally.resetAt - this.now()) / 1000);
	}

	/** Count a wrong code. The window starts at the first wrong try. */
	recordWrong(key: string): void {
		const tally = this.#current(key);
		if (tally) tally.wrong += 1;
		else this.#tallies.set(key, { wrong: 1, resetAt: this.now() + this.windowMs });
		this.#sweep();
	}

	/** How many clients are being counted (the map is swept, so this stays small). */
	get tracked(): number {
		return this.#tallies.size;
	}

	#current(key: string): Tally | undefined {
		const tally = this.#tallies.get(key);
		if (tally && tally.resetAt <= this.now()) {
			this.#tallies.delete(key);
			return undefined;
		}
		return tally;
	}

	// Forget finished windows now and then so the map cannot grow without bound.
	#sweep(): void {
		if (this.#tallies.size < 1000) return;
		const now = this.now();
		for (const [key, tally] of this.#tallies) if (tally.resetAt <= now) this.#tallies.delete(key);
	}
}

/** The limiter the code page uses (one per server process). */
export const wrongCodes = new WrongTryLimiter();
