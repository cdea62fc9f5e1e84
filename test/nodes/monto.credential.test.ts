import 'reflect-metadata';
import { CredentialTestContext } from 'n8n-core';
import type { ICredentialDataDecryptedObject, ICredentialType } from 'n8n-workflow';

import { MontoApi } from '../../credentials/MontoApi.credentials';
import { PROBE_ORDER_ID } from '../../nodes/Monto/credentialTest';
import { Monto } from '../../nodes/Monto/Monto.node';
import { createMontoSimulator, MONTO_API_KEY } from '../simulators/monto';
import { serveForTests } from '../harness/serve';

const monto = createMontoSimulator();
const { sim } = monto;
serveForTests(sim, () => monto.clear());

/**
 * What n8n's Test button does for a credential whose node names a `testedBy` function: it calls
 * the node's `methods.credentialTest[name]` with n8n-core's CredentialTestContext, whose only
 * request helper is the legacy `request`; here it makes real HTTP requests to the simulator.
 */
async function testCredential(data: ICredentialDataDecryptedObject) {
	const node = new Monto();
	const entry = node.description.credentials!.find((c) => c.name === 'montoApi')!;
	const fn = node.methods.credentialTest[entry.testedBy as keyof typeof node.methods.credentialTest];
	return await fn.call(new CredentialTestContext(), { id: 'c1', name: 'Monto', type: 'montoApi', data });
}

describe('Monto credential Test', () => {
	it('is the node\'s montoApiTest, since the credential has no declarative test', () => {
		expect((new MontoApi() as ICredentialType).test).toBeUndefined();
		expect(new Monto().description.credentials).toEqual([{ name: 'montoApi', required: true, testedBy: 'montoApiTest' }]);
	});

	it('treats 404 (unknown order, key accepted) as success', async () => {
		const result = await testCredential({ apiKey: MONTO_API_KEY, baseUrl: `${sim.url}/` });
		expect(result).toEqual({ status: 'OK', message: 'Connection tested successfully' });
		expect(sim.requests).toHaveLength(1);
		expect(sim.requests[0].method).toBe('GET');
		expect(sim.requests[0].path).toBe(`/orders/${PROBE_ORDER_ID}/subscriptions`);
		expect(sim.requests[0].query).toEqual({ api_key: MONTO_API_KEY });
	});

	it('treats 401 as a rejected key', async () => {
		const result = await testCredential({ apiKey: 'monto-dummy-wrong-key', baseUrl: sim.url });
		expect(result).toEqual({ status: 'Error', message: 'Monto rejected the API key' });
	});

	it('reports 429 and other statuses without the key', async () => {
		sim.inject({ times: 1, status: 429, body: { message: 'Too Many Attempts.' } });
		expect(await testCredential({ apiKey: MONTO_API_KEY, baseUrl: sim.url })).toEqual({
			status: 'Error',
			message: 'Monto answered "Too many requests"; try again in a minute',
		});
		sim.inject({ times: 1, status: 500, body: { message: `Server Error in GET /orders/x/subscriptions?api_key=${encodeURIComponent(MONTO_API_KEY)}` } });
		const result = await testCredential({ apiKey: MONTO_API_KEY, baseUrl: sim.url });
		expect(result.status).toBe('Error');
		expect(result.message).toBe('Monto answered 500: Server Error in GET /orders/x/subscriptions?api_key=[redacted]');
	});

	it('reports an unreachable server without the key', async () => {
		const result = await testCredential({ apiKey: MONTO_API_KEY, baseUrl: 'http://127.0.0.1:9' });
		expect(result).toEqual({ status: 'Error', message: 'Monto could not be reached (ECONNREFUSED)' });
	});

	it('asks for a key before sending anything', async () => {
		expect(await testCredential({ apiKey: ' ', baseUrl: sim.url })).toEqual({ status: 'Error', message: 'Enter the API key' });
		expect(sim.requests).toHaveLength(0);
	});
});
