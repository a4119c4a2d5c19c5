/**
 * Demo access codes are derived from the survey's place in the demo, not random, so that
 * `npm start` can print unused ones and the end-to-end tests can use them. Real batches use
 * generateCode(); these exist only in demo local areas.
 */
import { hmac } from '@oslojs/crypto/hmac';
import { SHA256 } from '@oslojs/crypto/sha2';
import { CODE_ALPHABET, CODE_LENGTH, formatCode } from '../responses/codes';

const DEMO_KEY = new TextEncoder().encode('heard demo codes: not secret, demo only');

export function demoCode(seed: string, index: number): string {
	const mac = hmac(SHA256, DEMO_KEY, new TextEncoder().encode(`${seed}:${index}`));
	return formatCode([...mac.slice(0, CODE_LENGTH)].map((b) => CODE_ALPHABET[b % 32]).join(''));
}

/** A generator of demo codes for one survey batch, for createBatch(). */
export function demoCodeMaker(seed: string): () => string {
	let index = 0;
	return () => demoCode(seed, index++);
}

/** Seed for the demo codes of one batch; the end-to-end tests derive codes from it too. */
export function demoBatchSeed(slug: string, waveIndex: number, batchIndex: number): string {
	return `${slug}/wave-${waveIndex}/batch-${batchIndex}`;
}
