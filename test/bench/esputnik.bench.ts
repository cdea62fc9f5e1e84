import { NoOp } from 'n8n-nodes-base/dist/nodes/NoOp/NoOp.node';
import type { INodeParameters } from 'n8n-workflow';

import { EsputnikApi } from '../../credentials/EsputnikApi.credentials';
import { Esputnik } from '../../nodes/Esputnik/Esputnik.node';
import { runWorkflow } from '../harness/run-workflow';
import { createEsputnikSimulator, ESPUTNIK_API_KEY } from '../simulators/esputnik';
import { esputnikOrder } from '../support/orders';
import { fromOrder } from '../../nodes/Esputnik/fromOrder';
import { shopifyOrderSchema } from '../../nodes/shared/orders/shopify';
import { SHOPIFY } from '../orders/fixtures';
import { httpRequestNode, httpRequestNodeTypes } from './http-request';
import type { BenchRow, Comparison } from './measure';
import { mark, measure, speedup } from './measure';
import { platformOrder } from './overhead.bench';

const credentialTypes = { esputnikApi: new EsputnikApi() };

const jsonMode: INodeParameters = { resource: 'order', operation: 'upsert', inputMode: 'json', jsonBody: '={{ $json }}' };

/** Shopify orders as the Shopify Trigger outputs them, read by the Shopify Order input mode. */
const shopifyMode: INodeParameters = { resource: 'order', operation: 'upsert', inputMode: 'shopifyOrder' };

type Mode = 'json' | 'fields' | 'shopify';

/** The input items of a mode: eSputnik orders, or Shopify orders (the standard fixture, each with its own id). */
function inputItems(count: number, mode: Mode) {
	return Array.from({ length: count }, (_, n) => (mode === 'shopify' ? platformOrder(SHOPIFY.standard, n) : esputnikOrder(n)));
}

const MODE_NOTES: Record<Mode, string> = {
	json: 'JSON input',
	fields: 'fields with expressions',
	shopify: 'Shopify orders, Shopify Order input mode',
};

/** The same order mapped field by field with expressions, as a user maps a shop's order. */
const fieldsMode: INodeParameters = {
	resource: 'order',
	operation: 'upsert',
	externalOrderId: '={{ $json.externalOrderId }}',
	status: '={{ $json.status }}',
	date: '={{ $json.date }}',
	totalCost: '={{ $json.totalCost }}',
	currency: '={{ $json.currency }}',
	externalCustomerId: '={{ $json.externalCustomerId }}',
	email: '={{ $json.email }}',
	items: {
		item: [
			{ externalItemId: '={{ $json.items[0].externalItemId }}', name: 'Mug', quantity: 2, cost: 19.9, url: 'https://shop.example.com/p/mug' },
			{ externalItemId: 'sku-tea', name: 'Tea', quantity: 1, cost: 5 },
		],
	},
	additionalFields: { shipping: 4.9 },
};

async function withSimulator(latencyMs: number, run: (url: string) => Promise<Omit<BenchRow, 'requests' | 'rateLimited'>>, check: (stored: number) => string) {
	const es = createEsputnikSimulator();
	await es.sim.start();
	try {
		es.sim.latencyMs = latencyMs;
		const row = await run(es.sim.url);
		return {
			...row,
			requests: es.sim.requests.length + es.sim.rateLimited,
			rateLimited: es.sim.rateLimited,
			note: [row.note, check(es.orders.size)].filter(Boolean).join('; '),
		};
	} finally {
		await es.sim.stop();
	}
}

/** Our node: Order → Create or Update, batches of up to 1000. */
export async function ours(count: number, latencyMs: number, mode: Mode = 'json'): Promise<BenchRow> {
	const items = inputItems(count, mode);
	return await withSimulator(
		latencyMs,
		async (url) => {
			const { result, figures } = await measure(() =>
				runWorkflow({
					node: { type: 'esputnik', parameters: { json: jsonMode, fields: fieldsMode, shopify: shopifyMode }[mode] },
					nodeTypes: { esputnik: new Esputnik() },
					credentialTypes,
					credentials: { esputnikApi: { apiKey: ESPUTNIK_API_KEY, baseUrl: `${url}/api` } },
					items,
					timezone: 'Europe/Kyiv',
				}),
			);
			const paired = result.output.every((item, n) => item.pairedItem && (item.pairedItem as { item: number }).item === n && item.json.success === true);
			return {
				runner: 'ours',
				items: count,
				...figures,
				note: `${MODE_NOTES[mode]}; ${result.output.length} outputs${paired ? ', all paired in order' : ', NOT all paired'}; status ${result.status}`,
			};
		},
		(stored) => `${stored} stored`,
	);
}

/**
 * The HTTP Request node: one `POST /v1/orders` with `{"orders": [order]}` per item, default
 * options. It starts the requests of all items at once; Options → Batching only spaces their
 * starts (it does not wait for answers), so no setting makes it send one request at a time.
 */
export async function httpRequest(count: number, latencyMs: number): Promise<BenchRow> {
	const items = Array.from({ length: count }, (_, n) => esputnikOrder(n));
	return await withSimulator(
		latencyMs,
		async (url) => {
			const { result, figures } = await measure(() =>
				runWorkflow({
					node: httpRequestNode({
						method: 'POST',
						url: `${url}/api/v1/orders`,
						credentialType: 'esputnikApi',
						jsonBody: '={{ JSON.stringify({ orders: [$json] }) }}',
					}),
					nodeTypes: httpRequestNodeTypes,
					credentialTypes,
					credentials: { esputnikApi: { apiKey: ESPUTNIK_API_KEY, baseUrl: `${url}/api` } },
					items,
					timezone: 'Europe/Kyiv',
				}),
			);
			return { runner: 'HTTP Request', items: count, ...figures, note: `default options; ${result.output.length} outputs; status ${result.status}` };
		},
		(stored) => `${stored} stored`,
	);
}

/**
 * The floor: what no node can beat for the same job. The same orders pass n8n's No Operation node
 * (n8n-core's own cost for the items), then the same bodies go out as plain POSTs of 1000, one after
 * another, at the same latency (the network's cost). Its wall time is the sum of the two. For
 * Shopify orders the bodies are the eSputnik orders made of them, made before the clock starts.
 */
export async function floor(count: number, latencyMs: number, mode: 'json' | 'shopify' = 'json'): Promise<BenchRow> {
	const items = inputItems(count, mode);
	const reader = shopifyOrderSchema();
	const bodies = mode === 'shopify' ? items.map((order) => fromOrder(reader.parse(order))) : undefined;
	return await withSimulator(
		latencyMs,
		async (url) => {
			const { result, figures } = await measure(async () => {
				const run = await runWorkflow({
					node: { type: 'n8n-nodes-base.noOp', parameters: {} },
					nodeTypes: { 'n8n-nodes-base.noOp': new NoOp() },
					credentialTypes: {},
					credentials: {},
					items,
				});
				const orders = bodies ?? run.output.map((item) => item.json);
				for (let i = 0; i < orders.length; i += 1000) {
					const res = await fetch(`${url}/api/v1/orders`, {
						method: 'POST',
						headers: { 'content-type': 'application/json', authorization: `Basic ${btoa(`n8n:${ESPUTNIK_API_KEY}`)}` },
						body: JSON.stringify({ orders: orders.slice(i, i + 1000) }),
					});
					await res.text();
				}
				return run;
			});
			const what = mode === 'shopify' ? 'Shopify orders through the No Operation node, then their eSputnik bodies in' : 'No Operation node, then';
			return { runner: 'floor', items: count, ...figures, note: `${what} ${Math.ceil(count / 1000)} plain POSTs; status ${result.status}` };
		},
		(stored) => `${stored} stored`,
	);
}

export async function comparison(count = 10_000, latencyMs = 150): Promise<Comparison> {
	const json = await ours(count, latencyMs);
	const fields = await ours(count, latencyMs, 'fields');
	const shopify = await ours(count, latencyMs, 'shopify');
	const http = await httpRequest(count, latencyMs);
	const base = await floor(count, latencyMs);
	const shopifyBase = await floor(count, latencyMs, 'shopify');
	const wanted = Math.ceil(count / 1000);
	const overFloor = json.wallMs / Math.max(1, base.wallMs);
	const shopifyOverFloor = shopify.wallMs / Math.max(1, shopifyBase.wallMs);
	return {
		name: `eSputnik Create or Update, ${count.toLocaleString('en')} orders, ${latencyMs} ms latency`,
		target: `${wanted} requests; at least 50× faster than per-item requests; ours ÷ floor ≤ 1.5`,
		rows: [json, fields, shopify, http, base, shopifyBase],
		verdicts: [
			`floor: ours (JSON) ÷ floor = ${overFloor.toFixed(2)} ${mark(overFloor <= 1.5)}; fields ÷ floor = ${(fields.wallMs / Math.max(1, base.wallMs)).toFixed(2)}; ` +
				`Shopify orders ÷ their floor = ${shopifyOverFloor.toFixed(2)} ${mark(shopifyOverFloor <= 1.5)}`,
			`requests: ${json.requests} (JSON), ${fields.requests} (fields), ${shopify.requests} (Shopify orders) against ${http.requests} ` +
				mark([json, fields, shopify].every((row) => row.requests === wanted)),
			`wall: ${speedup(json, http).toFixed(1)}× (JSON), ${speedup(fields, http).toFixed(1)}× (fields) ${mark(speedup(json, http) >= 50)}; ` +
				`CPU: ${(http.cpuMs / json.cpuMs).toFixed(1)}× less (JSON) — the HTTP Request node starts all ${count.toLocaleString('en')} requests at once ` +
				'(Batching only spaces their starts), so it pays the latency about once and the gap is CPU',
		],
	};
}
