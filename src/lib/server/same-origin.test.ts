import { describe, expect, it } from 'vitest';
import { isForgedFormPost } from './same-origin';

const url = new URL('https://heard.example/s/abc/code');

function post(headers: Record<string, string>, method = 'POST') {
	return new Request(url, {
		method,
		headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
		body: 'code=x'
	});
}

describe('isForgedFormPost', () => {
	it('accepts a form posted from our own page with no referrer (Origin: null)', () => {
		expect(isForgedFormPost(post({ origin: 'null', 'sec-fetch-site': 'same-origin' }), url)).toBe(
			false
		);
	});

	it('refuses forms posted from other sites, even when they hide their origin', () => {
		expect(isForgedFormPost(post({ origin: 'null', 'sec-fetch-site': 'cross-site' }), url)).toBe(
			true
		);
		expect(isForgedFormPost(post({ 'sec-fetch-site': 'same-site' }), url)).toBe(true);
		expect(isForgedFormPost(post({ origin: 'https://evil.example' }), url)).toBe(true);
		expect(isForgedFormPost(post({ origin: 'null' }), url)).toBe(true);
		expect(isForgedFormPost(post({}), url)).toBe(true);
	});

	it('accepts clients without Fetch Metadata that send our exact origin', () => {
		expect(isForgedFormPost(post({ origin: 'https://heard.example' }), url)).toBe(false);
	});

	it('leaves reads and non-form bodies to other checks', () => {
		expect(isForgedFormPost(new Request(url), url)).toBe(false);
		const json = new Request(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: '{}'
		});
		expect(isForgedFormPost(json, url)).toBe(false);
	});
});
