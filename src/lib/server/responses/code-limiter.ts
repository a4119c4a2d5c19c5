/**
 * Slows down guessing of access codes: after a few wrong codes from one client, every try is
 * refused for a while. The tally lives only in this process's memory and is keyed by
 * `requestClient` (a salted hash), so no address is ever logged, stored or kept in readable form.
 */

export const WRONG_CODE_LIMIT = 5;
export const WRONG_CODE_WINDOW_MS = 10 * 60 * 1000;

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
