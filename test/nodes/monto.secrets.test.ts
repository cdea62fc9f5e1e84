import type { IDataObject, INode, INodeParameters } from 'n8n-workflow';

import { MontoApi } from '../../credentials/MontoApi.credentials';
import { Monto } from '../../nodes/Monto/Monto.node';
import { capturedLogs, runWorkflow } from '../harness/run-workflow';
import type { Fault } from '../simulators/base';
import { createMontoSimulator, MONTO_API_KEY } from '../simulators/monto';

/*
 * Monto takes the API key in the URL (`?api_key=…`), so any error that quotes the request URL
 * could carry it. Whatever the server answers, the key must appear in no output item, error
 * message, error description, stored run data or log line (n8n's logger and the console).
 */

const monto = createMontoSimulator();
const { sim } = monto;
const ENCODED_KEY = encodeURIComponent(MONTO_API_KEY);
const variants = [MONTO_API_KEY, ENCODED_KEY, 'Q7x9+Z2', 'Q7x9%2BZ2'];

const consoleLines: string[] = [];
const asText = (value: unknown): string => {
	if (value instanceof Error) return `${value.message}\n${value.stack ?? ''}\n${JSON.stringify(value)}`;
	if (typeof value === 'string') return value;
	try {
		return JSON.stringify(value) ?? String(value);
	} catch {
		return String(value);
	}
};

beforeAll(async () => {
	await sim.start();
	for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
		jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
			consoleLines.push(args.map(asText).join(' '));
		});
	}
});
afterAll(async () => {
	jest.restoreAllMocks();
	await sim.stop();
});
beforeEach(() => {
	sim.reset();
	monto.clear();
	consoleLines.length = 0;
});

async function run(parameters: INodeParameters, items: IDataObject[], onError?: INode['onError'], apiKey = MONTO_API_KEY) {
	return await runWorkflow({
		node: { type: 'monto', parameters: { ...parameters, options: { requestInterval: 0, timeout: 1000 } }, onError },
		nodeTypes: { monto: new Monto() },
		credentialTypes: { montoApi: new MontoApi() },
		credentials: { montoApi: { apiKey, baseUrl: sim.url } },
		items,
	});
}

const upsert: INodeParameters = { resource: 'order', operation: 'upsert', inputMode: 'json', jsonBody: '={{ JSON.stringify($json) }}' };
const getSubscriptions: INodeParameters = { resource: 'order', operation: 'getSubscriptions', orderId: '={{ $json.order_id }}' };
const order = { order_id: 'o-1', customer: { name: 'A', email: 'a@example.com' }, status: 'fulfilled', items: [{ slug: 's' }] };

function expectNoKey(result: Awaited<ReturnType<typeof run>>, key = MONTO_API_KEY) {
	const everything = [
		JSON.stringify(result.run),
		JSON.stringify(result.output),
		result.error?.message ?? '',
		result.error?.description ?? '',
		...result.output.map((i) => `${i.error?.message ?? ''} ${i.error?.description ?? ''}`),
		capturedLogs(),
		...consoleLines,
	].join('\n');
	for (const secret of key === MONTO_API_KEY ? variants : [key, encodeURIComponent(key)]) {
		expect(everything).not.toContain(secret);
	}
	return everything;
}

const echoUrl = `/orders?api_key=${ENCODED_KEY}`;
const faults: Array<[string, Fault]> = [
	['a 500 whose JSON message quotes the URL', { times: 5, status: 500, body: { message: `Server Error at ${echoUrl} (key ${MONTO_API_KEY})` } }],
	['a 500 HTML error page that quotes the URL', { times: 5, status: 500, body: `<html><body>Whoops at https://api.monto.io${echoUrl}</body></html>` }],
	['a 401 that quotes the key', { times: 5, status: 401, body: { message: `Invalid key ${MONTO_API_KEY}` } }],
	['a plain-text 422 that quotes the key', { times: 5, status: 422, body: `api_key=${MONTO_API_KEY} is not allowed here` }],
	['a connection reset', { times: 5, reset: true }],
	['a stalled response (timeout)', { times: 5, delayMs: 1500 }],
];

describe('the Monto API key never leaks', () => {
	it.each(faults)('on %s: node error, message, description, run data and logs are clean', async (_name, fault) => {
		sim.inject({ ...fault });
		const r = await run(upsert, [order]);
		expect(r.status).toBe('error');
		expect(r.error?.message).toMatch(/^\[item 0\] Monto /);
		const text = expectNoKey(r);
		expect(text).not.toContain('[object Object]');
	});

	it.each(faults)('on %s with "On Error: Continue": error items are clean', async (_name, fault) => {
		sim.inject({ ...fault });
		monto.seedSubscriptions('o-1', []);
		const r = await run(getSubscriptions, [order], 'continueRegularOutput');
		expect(r.status).toBe('success');
		expect(r.output).toHaveLength(1);
		expect(r.output[0].json.error).toMatch(/^\[item 0\] Monto /);
		expectNoKey(r);
	});

	it('keeps the key out of a 500 message while still showing the rest of it', async () => {
		sim.inject(faults[0][1]);
		const r = await run(upsert, [order]);
		expect(r.error?.message).toBe('[item 0] Monto 500: Server Error at /orders?api_key=[redacted] (key [redacted])');
	});

	it('names the item and the provider on network failures, and says a POST may have arrived', async () => {
		sim.inject(faults[4][1]);
		const reset = await run(upsert, [order]);
		expect(reset.error?.message).toBe('[item 0] Monto could not be reached: ECONNRESET');
		expect(reset.error?.description).toMatch(/may have reached the provider; it was not repeated/);
		sim.reset();
		sim.inject(faults[5][1]);
		const stalled = await run(upsert, [order]);
		expect(stalled.error?.message).toBe('[item 0] Monto could not be reached: ECONNABORTED');
	});

	it('shows a server error page as "Server error", not as HTML', async () => {
		sim.inject(faults[1][1]);
		const r = await run(upsert, [order]);
		expect(r.error?.message).toBe('[item 0] Monto 500: Server error');
	});

	it('does not leak a wrong key either', async () => {
		const wrong = 'monto-dummy-wrong/key+1';
		const r = await run(upsert, [order], undefined, wrong);
		expect(r.error?.message).toBe('[item 0] Monto 401: Provided access token is invalid or does not have access to this resource.');
		expect(r.error?.description).toBe('Check the API key in the Monto credential.');
		expectNoKey(r, wrong);
	});

	it('puts no key in successful output', async () => {
		monto.seedSubscriptions('o-1', [{ stripe_id: 'sub_1', status: 'active', created_at: '2022-11-15T20:48:15.000000Z' }]);
		const created = await run(upsert, [order]);
		const listed = await run(getSubscriptions, [order]);
		expect(created.status).toBe('success');
		expect(listed.output).toHaveLength(1);
		expectNoKey(created);
		expectNoKey(listed);
	});
});
