import { describe, expect, it } from 'vitest';
import { WrongTryLimiter } from './code-limiter';

function limiter() {
	let now = 1_000_000;
	const tries = new WrongTryLimiter(5, 10 * 60 * 1000, () => now);
	return { tries, advance: (ms: number) => (now += ms) };
}

describe('WrongTryLimiter', () => {
	it('lets a client try until the fifth wrong code, then makes them wait the window out', () => {
		const { tries } = limiter();
		for (let i = 0; i < 4; i++) {
			tries.recordWrong('a');
			expect(tries.waitSeconds('a')).toBe(0);
		}
		tries.recordWrong('a');
		expect(tries.waitSeconds('a')).toBe(600);
	});

	it('counts each client on its own', () => {
		const { tries } = limiter();
		for (let i = 0; i < 5; i++) tries.recordWrong('a');
		expect(tries.waitSeconds('a')).toBeGreaterThan(0);
		expect(tries.waitSeconds('b')).toBe(0);
	});

	it('forgets wrong codes once the window has passed', () => {
		const { tries, advance } = limiter();
		for (let i = 0; i < 5; i++) tries.recordWrong('a');
		advance(9 * 60 * 1000);
		expect(tries.waitSeconds('a')).toBe(60);
		advance(60 * 1000);
		expect(tries.waitSeconds('a')).toBe(0);
		tries.recordWrong('a');
		expect(tries.waitSeconds('a')).toBe(0);
	});

	it('does not keep finished windows for ever', () => {
		const { tries, advance } = limiter();
		for (let i = 0; i < 1000; i++) tries.recordWrong(`client-${i}`);
		expect(tries.tracked).toBe(1000);
		advance(11 * 60 * 1000);
		tries.recordWrong('late');
		expect(tries.tracked).toBe(1);
		for (let i = 0; i < 5; i++) tries.recordWrong('client-0');
		expect(tries.waitSeconds('client-0')).toBe(600);
	});
});
