/** A small seeded random generator (mulberry32), so the demo data is the same on every machine. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Pick an index with the given weights. */
export function pickWeighted(random: () => number, weights: readonly number[]): number {
	const total = weights.reduce((a, b) => a + b, 0);
	let r = random() * total;
	for (let i = 0; i < weights.length; i++) {
		r -= weights[i]!;
		if (r < 0) return i;
	}
	return weights.length - 1;
}

/** A number from a string, to seed generators per area and wave. */
export function hashSeed(text: string): number {
	let h = 2166136261;
	for (const c of text) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
	return h >>> 0;
}
