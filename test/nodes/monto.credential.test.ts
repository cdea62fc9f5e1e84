import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { MontoApi, PROBE_ORDER_ID, REJECTED_KEY_MESSAGES } from '../../credentials/MontoApi.credentials';
import { Monto } from '../../nodes/Monto/Monto.node';
import { testCredential as runCredentialTest } from '../harness/credential-test';
import { createMontoSimulator, MONTO_API_KEY } from '../simulators/monto';
import { serveForTests } from '../harness/serve';

const monto = createMontoSimulator();
const { sim } = monto;
serveForTests(sim, () => monto.clear());

/**
 * What n8n's Test button does for the credential's declarative `test`: the request runs through
 * n8n-core's RoutingNode with the credential's `authenticate` (the key as `api_key`), and the
 * rules are applied to Monto's answer as n8n's CredentialsTester applies them (harness).
 */
async function testCredential(data: ICredentialDataDecryptedObject) {
	const { status, message } = await runCredentialTest(new MontoApi(), data);
	return { status, message };
}

describe('Monto credential Test', () => {
	it('is a declarative test of the credential (no node credentialTest function, no legacy request helper)', () => {
		const credential = new MontoApi();
		expect(credential.test?.request).toMatchObject({
			url: `/orders/${PROBE_ORDER_ID}/subscriptions`,
			ignoreHttpStatusErrors: true,
		});
		expect(new Monto().description.credentials).toEqual([{ name: 'montoApi', required: true }]);
		expect((new Monto() as { methods?: unknown }).methods).toBeUndefined();
	});

	it('treats 404 (unknown order, key accepted) as success', async () => {
		const result = await testCredential({ apiKey: MONTO_API_KEY, baseUrl: `${sim.url}/` });
		expect(result).toEqual({ status: 'OK', message: 'Connection tested successfully' });
		expect(sim.requests).toHaveLength(1);
		expect(sim.requests[0].method).toBe('GET');
		expect(sim.requests[0].path).toBe(`/orders/${PROBE_ORDER_ID}/subscriptions`);
		expect(sim.requests[0].query).toEqual({ api_key: MONTO_API_KEY });
	});

	it('treats 200 (an order with that id exists) as success', async () => {
		monto.seedSubscriptions(PROBE_ORDER_ID, []);
		expect(await testCredential({ apiKey: MONTO_API_KEY, baseUrl: sim.url })).toEqual({
			status: 'OK',
			message: 'Connection tested successfully',
		});
	});

	it('treats 401 as a rejected key', async () => {
		const result = await testCredential({ apiKey: 'monto-dummy-wrong-key', baseUrl: sim.url });
		expect(result).toEqual({ status: 'Error', message: 'Monto rejected the API key' });
		expect(sim.requests).toHaveLength(1);
		expect(sim.requests[0].query).toEqual({ api_key: 'monto-dummy-wrong-key' });
	});

	it.each(REJECTED_KEY_MESSAGES)('treats a 401 saying "%s" as a rejected key', async (text) => {
		sim.inject({ times: 1, status: 401, body: { message: text } });
		expect(await testCredential({ apiKey: MONTO_API_KEY, baseUrl: sim.url })).toEqual({
			status: 'Error',
			message: 'Monto rejected the API key',
		});
	});

	it('reports 429 and a server error without the key', async () => {
		sim.inject({ times: 1, status: 429, body: { message: 'Too Many Attempts.' } });
		expect(await testCredential({ apiKey: MONTO_API_KEY, baseUrl: sim.url })).toEqual({
			status: 'Error',
			message: 'Monto answered "Too many requests"; try again in a minute',
		});
		sim.inject({ times: 1, status: 500, body: { message: 'Server Error' } });
		const result = await testCredential({ apiKey: MONTO_API_KEY, baseUrl: sim.url });
		expect(result).toEqual({ status: 'Error', message: 'Monto answered with a server error' });
		expect(JSON.stringify(result)).not.toContain(MONTO_API_KEY);
	});

	it('reports an unreachable server without the key', async () => {
		const result = await testCredential({ apiKey: MONTO_API_KEY, baseUrl: 'http://127.0.0.1:9' });
		expect(result.status).toBe('Error');
		expect(result.message).not.toContain(MONTO_API_KEY);
		expect(result.message).not.toContain(encodeURIComponent(MONTO_API_KEY));
	});
});
