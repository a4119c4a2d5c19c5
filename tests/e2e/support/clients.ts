/**
 * Each test speaks to the server as a client of its own, so one test's wrong codes or password
 * guesses never lock out another. The end-to-end server runs as it would behind a reverse proxy
 * (ADDRESS_HEADER=x-forwarded-for, see playwright.config.ts), so a test names its client by the
 * address it puts in that header: a loopback address made from the test's name.
 */
import { createHash } from 'node:crypto';

export function clientAddress(name: string): string {
	const h = createHash('sha256').update(name).digest();
	return `127.${h[0]}.${h[1]}.${Math.max(1, h[2]!)}`;
}

export function clientHeaders(name: string): Record<string, string> {
	return { 'x-forwarded-for': clientAddress(name) };
}
