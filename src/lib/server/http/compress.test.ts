import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { compressed } from './compress';

const page = '<!doctype html><p>' + 'Question 1 of 9. '.repeat(200) + '</p>';

function request(acceptEncoding?: string, method = 'GET') {
	return new Request('http://localhost/s/x/p/1', {
		method,
		headers: acceptEncoding ? { 'Accept-Encoding': acceptEncoding } : {}
	});
}

function html(headers: Record<string, string> = {}) {
	return new Response(page, {
		status: 200,
		headers: { 'Content-Type': 'text/html; charset=utf-8', 'Set-Cookie': 'a=1', ...headers }
	});
}

describe('compressed', () => {
	it('gzips a page for a browser that accepts it, keeping status and headers', async () => {
		const response = html();
		response.headers.append('Set-Cookie', 'b=2');
		const out = compressed(request('gzip, deflate, br'), response);
		expect(out.headers.get('Content-Encoding')).toBe('gzip');
		expect(out.headers.get('Vary')).toContain('Accept-Encoding');
		expect(out.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
		const body = Buffer.from(await out.arrayBuffer());
		expect(body.length).toBeLessThan(page.length / 5);
		expect(gunzipSync(body).toString('utf8')).toBe(page);
	});

	it('leaves alone files, encoded bodies, HEAD requests and browsers that do not accept gzip', () => {
		const csv = new Response('a,b\r\n', { headers: { 'Content-Type': 'text/csv' } });
		expect(compressed(request('gzip'), csv)).toBe(csv);
		const encoded = html({ 'Content-Encoding': 'br' });
		expect(compressed(request('gzip'), encoded)).toBe(encoded);
		const head = html();
		expect(compressed(request('gzip', 'HEAD'), head)).toBe(head);
		const plain = html();
		expect(compressed(request(), plain)).toBe(plain);
		expect(compressed(request('identity'), plain)).toBe(plain);
	});
});
