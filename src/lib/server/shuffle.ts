import { randomInt } from 'node:crypto';

/** Fisher–Yates in place with an unbiased cryptographic generator: no order survives. */
export function shuffle<T>(items: T[]): T[] {
	for (let i = items.length - 1; i > 0; i--) {
		const j = randomInt(i + 1);
		[items[i], items[j]] = [items[j]!, items[i]!];
	}
	return items;
}
