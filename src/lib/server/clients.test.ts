import { describe, expect, it } from 'vitest';
import { clientKey, requestClient } from './clients';

const event = (address: string, testClient?: string) => ({
	request: new Request('http://localhost/login', {
		headers: testClient ? { 'x-heard-test-client': testClient } : {}
	}),
	getClientAddress: () => address
});

describe('clientKey', () => {
	it('is stable within the process and does not contain the address', () => {
		const key = clientKey('203.0.113.9');
		expect(key).toMatch(/^[0-9a-f]{64}$/);
		expect(key).toBe(clientKey('203.0.113.9'));
		expect(key).not.toContain('203.0.113.9');
		expect(key).not.toBe(clientKey('203.0.113.10'));
	});
});

describe('requestClient', () => {
	it('keys by a salted hash of the address', () => {
		expect(requestClient(event('203.0.113.7'), {})).toBe(clientKey('203.0.113.7'));
	});

	it('only trusts the test header in end-to-end runs', () => {
		const plain = requestClient(event('127.0.0.1'), {});
		expect(requestClient(event('127.0.0.1', 'test-a'), {})).toBe(plain);
		expect(requestClient(event('127.0.0.1', 'test-a'), { HEARD_E2E: '1' })).not.toBe(plain);
	});
});
