'use strict';
/*
 * One execution per order, many at once, in a real n8n: for each provider an active (published)
 * workflow Webhook → our node, and 100 POSTs to its production webhook URL at the same moment, as a
 * sale or a shop's webhook replay does. Asserted from the simulators and n8n's REST API: every
 * execution succeeded, every order reached the provider exactly once, The Feedback Company issued
 * one token for the whole burst, MailerLite answered no request with 429, and Monto's pacing held
 * across executions.
 */
const path = require('node:path');
const fs = require('node:fs');

const { bringUp } = require('../../scripts/lib/stack');
const { signIn } = require('../../scripts/lib/n8n');
const { cacheDir } = require('../../scripts/lib/runtime');
const { formatDuration } = require('../../scripts/lib/proc');
const { MAILERLITE_DEMO_SHOP_ID } = require('../../scripts/lib/providers');
const { createExample: seedExample } = require('../../nodes/Montly/actions/order/fields');
const { montoRateLimit } = require('../simulators/monto');
const { esputnikOrder } = require('../support/orders');

const RUN_ID = `e2e-burst-${process.pid}`;
const BURST = 100;
const PKG = 'n8n-nodes-order-sync';
const log = (line) => process.stderr.write(`[burst] ${line}\n`);

let up;
let cookie;
const figures = {};

const rest = async (method, p, body) => {
	const res = await fetch(`${up.url}/rest${p}`, {
		method,
		headers: { cookie, 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await res.text();
	if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${text.slice(0, 500)}`);
	return text ? JSON.parse(text).data : undefined;
};

const sim = (key) => up.sims.running.find((r) => r.provider.key === key);
const credential = (key) => {
	const { credential: c } = sim(key).provider;
	return { [c.type]: { id: c.id, name: c.name } };
};

/** Webhook (responds when the last node finished) → our node. */
function webhookWorkflow(key, type, parameters) {
	const webhook = {
		id: `wh-${key}`,
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: `burst-${key}-${process.pid}`,
		parameters: { httpMethod: 'POST', path: `burst-${key}-${process.pid}`, responseMode: 'lastNode', options: {} },
	};
	const node = { id: `node-${key}`, name: 'Order', type: `${PKG}.${type}`, typeVersion: 1, position: [300, 0], parameters, credentials: credential(key) };
	return {
		name: `Burst ${key}`,
		nodes: [webhook, node],
		connections: { Webhook: { main: [[{ node: 'Order', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

const cases = [
	{
		key: 'mailerlite',
		type: 'mailerLiteEcommerce',
		parameters: {
			resource: 'order',
			operation: 'create',
			shopId: { __rl: true, mode: 'id', value: MAILERLITE_DEMO_SHOP_ID },
			customerEmail: '={{ $json.body.email }}',
			cartItems: { item: [{ ecommerce_product_id: 'SKU-1', variant: '', quantity: 1, price: 10 }] },
			additionalFields: { status: 'complete' },
		},
		body: (n) => ({ email: `buyer${n}@example.com` }),
		idOf: (req) => req.json?.customer?.email,
		write: (req) => req.method === 'POST' && /\/orders$/.test(req.path),
	},
	{
		key: 'esputnik',
		type: 'esputnik',
		parameters: { resource: 'order', operation: 'upsert', inputMode: 'json', jsonBody: '={{ JSON.stringify($json.body) }}' },
		body: (n) => esputnikOrder(n),
		idOf: (req) => req.json?.orders?.[0]?.externalOrderId,
		write: (req) => req.method === 'POST' && /\/v1\/orders$/.test(req.path),
	},
	{
		key: 'feedbackcompany',
		type: 'feedbackCompany',
		parameters: {
			resource: 'order',
			operation: 'create',
			external_id: '={{ $json.body.orderId }}',
			customerEmail: '={{ $json.body.email }}',
			customerFullname: 'Ann Example',
			sendInvitation: true,
			delay: { value: { unit: 'days', amount: 3 } },
			reminder: { value: { unit: 'days', amount: 10 } },
		},
		body: (n) => ({ orderId: `ORD-${n}`, email: `buyer${n}@example.com` }),
		idOf: (req) => req.json?.external_id,
		write: (req) => req.method === 'POST' && /\/orders$/.test(req.path),
	},
	{
		key: 'monto',
		type: 'monto',
		parameters: {
			resource: 'order',
			operation: 'upsert',
			orderId: '={{ $json.body.orderId }}',
			customerName: 'Ann Example',
			customerEmail: '={{ $json.body.email }}',
			status: 'fulfilled',
			itemSlugs: 'first-product',
			// The simulator below allows 10 requests a second; 150 ms apart is under it only if every
			// execution shares the pacing.
			options: { requestInterval: 150 },
		},
		body: (n) => ({ orderId: `o-${n}`, email: `buyer${n}@example.com` }),
		idOf: (req) => req.json?.order_id,
		write: (req) => req.method === 'POST' && /\/orders$/.test(req.path),
	},
	{
		key: 'montly',
		type: 'montly',
		parameters: { resource: 'order', operation: 'create', inputMode: 'json', jsonBody: '={{ JSON.stringify($json.body) }}' },
		body: (n) => ({ data: { ...seedExample.data, attributes: { ...seedExample.data.attributes, orderId: `M-${n}` } } }),
		idOf: (req) => req.json?.data?.attributes?.orderId,
		write: (req) => req.method === 'POST' && req.path === '/v1/orders',
	},
];

beforeAll(async () => {
	up = await bringUp({ instance: RUN_ID, log });
	cookie = await signIn(up.url, up.login);
	for (const c of cases) {
		const created = await rest('POST', '/workflows', webhookWorkflow(c.key, c.type, c.parameters));
		await rest('POST', `/workflows/${created.id}/activate`, { versionId: created.versionId });
		c.workflowId = created.id;
		c.url = `${up.url}/webhook/burst-${c.key}-${process.pid}`;
	}
	// Production webhooks are registered asynchronously after activation.
	for (const c of cases) {
		for (let i = 0; ; i++) {
			const res = await fetch(c.url, { method: 'OPTIONS' }).catch(() => undefined);
			if (res && res.status !== 404) break;
			if (i > 100) throw new Error(`${c.url} was never registered`);
			await new Promise((r) => setTimeout(r, 200));
		}
	}
	sim('monto').sim.rateLimit = montoRateLimit(10, 1000);
}, 30 * 60_000);

afterAll(async () => {
	await up?.stop();
	fs.rmSync(path.join(cacheDir(), 'instances', RUN_ID), { recursive: true, force: true });
	log(`figures: ${JSON.stringify(figures)}`);
});

/** Every execution of the workflow, once none is still running. */
async function executionsOf(workflowId, expected) {
	for (let i = 0; ; i++) {
		const data = await rest('GET', `/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}&limit=${expected + 50}`);
		const results = data.results ?? data;
		const done = results.filter((e) => !['running', 'new', 'waiting'].includes(e.status));
		if (done.length >= expected || i > 150) return results;
		await new Promise((r) => setTimeout(r, 200));
	}
}

describe.each(cases)(`$key: ${BURST} webhook POSTs at once to an active workflow`, (c) => {
	it('every execution succeeds and every order reaches the provider exactly once', async () => {
		const s = sim(c.key).sim;
		s.reset();
		const started = Date.now();
		const responses = await Promise.all(
			Array.from({ length: BURST }, async (_, n) => {
				const res = await fetch(c.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(c.body(n)) });
				return { status: res.status, text: await res.text() };
			}),
		);
		const wall = Date.now() - started;
		const failed = responses.filter((r) => r.status !== 200);
		expect(failed.map((r) => r.text.slice(0, 200))).toEqual([]);

		const executions = await executionsOf(c.workflowId, BURST);
		expect(executions).toHaveLength(BURST);
		expect(executions.filter((e) => e.status !== 'success').map((e) => `${e.id}: ${e.status}`)).toEqual([]);

		const writes = s.requests.filter(c.write);
		const ids = writes.map(c.idOf);
		expect(new Set(ids).size).toBe(BURST);
		expect(ids).toHaveLength(BURST);
		expect(s.rateLimited).toBe(0);
		const tokens = s.requests.filter((r) => r.path.endsWith('/oauth2/token')).length;
		if (c.key === 'feedbackcompany') expect(tokens).toBe(1);
		figures[c.key] = { wallMs: wall, wall: formatDuration(wall), executions: executions.length, requests: writes.length, tokenRequests: tokens, rateLimited: s.rateLimited };
	}, 10 * 60_000);
});
