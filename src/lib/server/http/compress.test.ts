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
		const out = await compressed(request('gzip, deflate, br'), response);
		expect(out.headers.get('Content-Encoding')).toBe('gzip');
		expect(out.headers.get('Vary')).toContain('Accept-Encoding');
		expect(out.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
		const body = Buffer.from(await out.arrayBuffer());
		expect(body.length).toBeLessThan(page.length / 5);
		expect(gunzipSync(body).toString('utf8')).toBe(page);
	});

	it('says how long the gzipped page is', async () => {
		const out = await compressed(request('gzip'), html());
		const body = Buffer.from(await out.arrayBuffer());
		expect(out.headers.get('Content-Length')).toBe(String(body.length));
	});

	it('leaves alone files, encoded bodies, HEAD requests and browsers that do not accept gzip', async () => {
		const csv = new Response('a,b\r\n', { headers: { 'Content-Type': 'text/csv' } });
		expect(await compressed(request('gzip'), csv)).toBe(csv);
		const encoded = html({ 'Content-Encoding': 'br' });
		expect(await compressed(request('gzip'), encoded)).toBe(encoded);
		const head = html();
		expect(await compressed(request('gzip', 'HEAD'), head)).toBe(head);
		const plain = html();
		expect(await compressed(request(), plain)).toBe(plain);
		expect(await compressed(request('identity'), plain)).toBe(plain);
	});
});
