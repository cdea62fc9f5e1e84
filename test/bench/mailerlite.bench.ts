import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { MailerLiteEcommerceApi } from '../../credentials/MailerLiteEcommerceApi.credentials';
import { MailerLiteEcommerce } from '../../nodes/MailerLiteEcommerce/MailerLiteEcommerce.node';
import { resetProcessState } from '../../nodes/shared/http/accounts';
import { runWorkflow } from '../harness/run-workflow';
import type { MailerLiteSimulator } from '../simulators/mailerlite';
import { createMailerLiteSimulator, MAILERLITE_TOKEN, mailerLiteRateLimit } from '../simulators/mailerlite';
import { httpRequestNode, httpRequestNodeTypes } from './http-request';
import type { BenchRow, Comparison, Figures, Runner } from './measure';
import { mark, measure, speedup } from './measure';

const nodeTypes = { mailerLiteEcommerce: new MailerLiteEcommerce(), ...httpRequestNodeTypes };
const credentialTypes = { mailerLiteEcommerceApi: new MailerLiteEcommerceApi() };
const credentials = (ml: MailerLiteSimulator) => ({
	mailerLiteEcommerceApi: { apiKey: MAILERLITE_TOKEN, baseUrl: `${ml.sim.url}/api` },
});

/**
 * Runs `job` against a fresh MailerLite simulator that answers after `latencyMs` and enforces
 * MailerLite's 120 requests per rolling minute, and adds the simulator's request counts.
 */
async function onSimulator(
	latencyMs: number,
	job: (
		ml: MailerLiteSimulator,
		shopId: string,
	) => Promise<{ runner: Runner; items: number; figures: Figures; note: string; ids?: unknown[] }>,
): Promise<BenchRow> {
	const ml = createMailerLiteSimulator();
	await ml.sim.start();
	try {
		const shop = ml.seedShop();
		ml.sim.rateLimit = mailerLiteRateLimit();
		const row = await job(ml, shop.id);
		return {
			runner: row.runner,
			items: row.items,
			...row.figures,
			requests: ml.sim.requests.length + ml.sim.rateLimited,
			rateLimited: ml.sim.rateLimited,
			records: row.ids?.length,
			distinct: row.ids ? new Set(row.ids).size : undefined,
			note: row.note,
		};
	} finally {
		await ml.sim.stop();
	}
}

function distinct(ids: unknown[]): string {
	return `${ids.length} orders, ${new Set(ids).size} distinct`;
}

/** Our node: Order → Get Many with Return All (pages of 100, page 1 first, then 10 at a time). */
export async function getManyOurs(count: number, latencyMs: number): Promise<BenchRow> {
	return await onSimulator(latencyMs, async (ml, shopId) => {
		ml.seedOrders(shopId, count);
		ml.sim.latencyMs = latencyMs;
		const { result, figures } = await measure(() =>
			runWorkflow({
				node: {
					type: 'mailerLiteEcommerce',
					parameters: { resource: 'order', operation: 'getAll', shopId: { __rl: true, mode: 'id', value: shopId }, returnAll: true },
				},
				nodeTypes,
				credentialTypes,
				credentials: credentials(ml),
			}),
		);
		const ids = result.output.map((i) => i.json.id);
		return { runner: 'ours', items: count, figures, ids, note: `${distinct(ids)}, one item each; status ${result.status}` };
	});
}

/**
 * The HTTP Request node with its Pagination option as n8n's docs show it: `page` set to
 * `$pageCount + 1` in each request, `limit=100`, complete when `links.next` is null. Pages
 * are fetched one after another; the output is one item per page (a Split Out would follow).
 */
export async function getManyHttpRequest(count: number, latencyMs: number): Promise<BenchRow> {
	return await onSimulator(latencyMs, async (ml, shopId) => {
		ml.seedOrders(shopId, count);
		ml.sim.latencyMs = latencyMs;
		const { result, figures } = await measure(() =>
			runWorkflow({
				node: httpRequestNode({
					method: 'GET',
					url: `${ml.sim.url}/api/ecommerce/shops/${shopId}/orders`,
					credentialType: 'mailerLiteEcommerceApi',
					qs: { limit: '100' },
					options: {
						pagination: {
							pagination: {
								paginationMode: 'updateAParameterInEachRequest',
								parameters: { parameters: [{ type: 'qs', name: 'page', value: '={{ $pageCount + 1 }}' }] },
								paginationCompleteWhen: 'other',
								completeExpression: '={{ $response.body.links.next === null }}',
							},
						},
					},
				}),
				nodeTypes,
				credentialTypes,
				credentials: credentials(ml),
			}),
		);
		const ids = result.output.flatMap((i) => ((i.json.data as IDataObject[] | undefined) ?? []).map((o) => o.id));
		return {
			runner: 'HTTP Request',
			items: count,
			figures,
			ids,
			note: `${distinct(ids)} in ${result.output.length} page items; status ${result.status}`,
		};
	});
}

const createItems = (count: number) =>
	Array.from({ length: count }, (_, i) => ({ email: `c${i}@example.com`, price: ((i % 90) + 10).toFixed(2) }));

function storedNote(ml: MailerLiteSimulator, shopId: string, status: string): string {
	return `${ml.state.orders.get(shopId)?.size ?? 0} orders stored; status ${status}`;
}

/** Our node's Order → Create of one order per item (e-mail and price from the item). */
const createNode = (shopId: string, productId: string) => ({
	type: 'mailerLiteEcommerce',
	parameters: {
		resource: 'order',
		operation: 'create',
		shopId: { __rl: true, mode: 'id', value: shopId },
		customerEmail: '={{ $json.email }}',
		cartItems: { item: [{ ecommerce_product_id: productId, quantity: 1, price: '={{ $json.price }}' }] },
	},
});

/** The HTTP Request node sending the same order as `createNode`, one `POST …/orders` per item. */
const httpCreateNode = (ml: MailerLiteSimulator, shopId: string, productId: string, options: INodeParameters = {}) =>
	httpRequestNode({
		method: 'POST',
		url: `${ml.sim.url}/api/ecommerce/shops/${shopId}/orders`,
		credentialType: 'mailerLiteEcommerceApi',
		jsonBody: `={{ JSON.stringify({ customer: { email: $json.email }, cart: { items: [{ ecommerce_product_id: "${productId}", quantity: 1, price: Number($json.price) }] } }) }}`,
		options,
	});

/** Our node: Order → Create, one request per item, paced by its 120-per-minute limiter. */
export async function createOurs(count: number, latencyMs: number): Promise<BenchRow> {
	return await onSimulator(latencyMs, async (ml, shopId) => {
		const product = ml.seedProducts(shopId, 1)[0];
		ml.sim.latencyMs = latencyMs;
		const { result, figures } = await measure(() =>
			runWorkflow({
				node: createNode(shopId, product.id),
				nodeTypes,
				credentialTypes,
				credentials: credentials(ml),
				items: createItems(count),
			}),
		);
		return { runner: 'ours', items: count, figures, note: storedNote(ml, shopId, result.status) };
	});
}

/** The HTTP Request node: one `POST …/orders` per item; `batching` as the user set it, if at all. */
export async function createHttpRequest(count: number, latencyMs: number, batching?: { batchSize: number; batchInterval: number }): Promise<BenchRow> {
	return await onSimulator(latencyMs, async (ml, shopId) => {
		const product = ml.seedProducts(shopId, 1)[0];
		ml.sim.latencyMs = latencyMs;
		const options: INodeParameters = batching ? { batching: { batch: batching } } : {};
		const { result, figures } = await measure(() =>
			runWorkflow({
				node: httpCreateNode(ml, shopId, product.id, options),
				nodeTypes,
				credentialTypes,
				credentials: credentials(ml),
				items: createItems(count),
			}),
		);
		const how = batching ? `Batching ${batching.batchSize} item / ${batching.batchInterval} ms` : 'default options';
		return { runner: 'HTTP Request', items: count, figures, note: `${how}; ${storedNote(ml, shopId, result.status)}` };
	});
}

export async function getManyComparison(count = 10_000, latencyMs = 50): Promise<Comparison> {
	const ours = await getManyOurs(count, latencyMs);
	const http = await getManyHttpRequest(count, latencyMs);
	return {
		name: `MailerLite Get Many, ${count.toLocaleString('en')} orders, ${latencyMs} ms latency, 120/min enforced`,
		target: 'at least 5× faster than fetching pages one after another; exact count, no duplicates',
		rows: [ours, http],
		verdicts: [
			`speed: ${speedup(ours, http).toFixed(1)}× ${mark(speedup(ours, http) >= 5)}`,
			`count: ${ours.records} records, ${ours.distinct} distinct, ${count} stored ${mark(ours.records === count && ours.distinct === count)}`,
		],
	};
}

/**
 * At MailerLite's real window (120 per 60 s): the node's "Max Requests per Minute" option can
 * lower the rate but not shorten the window, so a faster scaled-down run is not possible with
 * user-facing settings; `count` is lowered instead.
 */
export async function createComparison(count = 300, latencyMs = 50): Promise<Comparison> {
	const ours = await createOurs(count, latencyMs);
	const http = await createHttpRequest(count, latencyMs);
	const paced = await createHttpRequest(count, latencyMs, { batchSize: 1, batchInterval: 500 });
	return {
		name: `MailerLite Create, ${count.toLocaleString('en')} orders, ${latencyMs} ms latency, real 120/min window`,
		target: 'ours sends zero requests that get 429; report the HTTP Request node\'s 429s',
		rows: [ours, http, paced],
		verdicts: [
			`ours: ${ours.rateLimited} × 429 ${mark(ours.rateLimited === 0)}; HTTP Request (default): ${http.rateLimited} × 429; HTTP Request paced by hand: ${paced.rateLimited} × 429`,
		],
	};
}

/**
 * One execution per order, all at once (a sale through a Shopify trigger): `count` executions of
 * one item each, run concurrently in this one process as n8n runs them, against the real 120/min
 * window. The limit's own lower bound is the time before its last window opens: the request number
 * 121 cannot go out before the first window has passed, and so on.
 */
export async function burstRow(runner: Runner, count: number, latencyMs: number): Promise<BenchRow> {
	resetProcessState();
	return await onSimulator(latencyMs, async (ml, shopId) => {
		const product = ml.seedProducts(shopId, 1)[0];
		ml.sim.latencyMs = latencyMs;
		const item = (n: number) => [{ email: `burst${n}@example.com`, price: '19.90' }];
		const node = runner === 'ours' ? createNode(shopId, product.id) : httpCreateNode(ml, shopId, product.id);
		const { result, figures } = await measure(
			async () =>
				await Promise.all(
					Array.from({ length: count }, async (_, n) =>
						await runWorkflow({ node, nodeTypes, credentialTypes, credentials: credentials(ml), items: item(n) }),
					),
				),
		);
		const failedRuns = result.filter((r) => r.status !== 'success').length;
		return {
			runner,
			items: count,
			figures,
			note: `${count} executions of 1 order; ${failedRuns} failed; ${storedNote(ml, shopId, failedRuns ? 'error' : 'success')}`,
		};
	});
}

export async function burstComparison(count = 130, latencyMs = 50): Promise<Comparison> {
	const ours = await burstRow('ours', count, latencyMs);
	const http = await burstRow('HTTP Request', count, latencyMs);
	const limit = 120;
	const lowerBoundMs = Math.floor((count - 1) / limit) * 60_000 + latencyMs;
	const ratio = ours.wallMs / lowerBoundMs;
	return {
		name: `MailerLite burst: ${count} single-order executions at once, ${latencyMs} ms latency, real 120/min window`,
		target: 'wall ÷ the limit\'s lower bound ≤ 1.1; zero 429s',
		rows: [ours, http],
		verdicts: [
			`ours: ${(ours.wallMs / 1000).toFixed(1)} s against a lower bound of ${(lowerBoundMs / 1000).toFixed(1)} s = ${ratio.toFixed(3)} ${mark(ratio <= 1.1)}; ${ours.rateLimited} × 429 ${mark(ours.rateLimited === 0)}`,
			`HTTP Request: ${http.rateLimited} × 429 (${http.note})`,
		],
	};
}

/**
 * Another n8n process's copy of our MailerLite node: the package's modules loaded afresh (their own
 * limiters and per-account state), as every queue-mode worker loads them. n8n's own modules stay
 * shared; they keep no state of ours.
 */
function freshNodeType(): MailerLiteEcommerce {
	const root = require.resolve('../../nodes/MailerLiteEcommerce/MailerLiteEcommerce.node').replace(/nodes[\\/]MailerLiteEcommerce[\\/].*$/, '');
	for (const key of Object.keys(require.cache)) {
		if (key.startsWith(root) && /^(nodes|credentials)[\\/]/.test(key.slice(root.length))) delete require.cache[key];
	}
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const fresh = require('../../nodes/MailerLiteEcommerce/MailerLiteEcommerce.node') as { MailerLiteEcommerce: typeof MailerLiteEcommerce };
	return new fresh.MailerLiteEcommerce();
}

/**
 * `processes` n8n processes (queue-mode workers) on one MailerLite account, `perProcess`
 * single-order executions each, all at once, against the real 120/min window. Ours: each process
 * has its own limiter and follows the account's X-RateLimit-Remaining. The HTTP Request node has
 * no state to share, so its processes are the same as one.
 */
export async function processesRow(runner: Runner, processes: number, perProcess: number, latencyMs: number): Promise<BenchRow> {
	resetProcessState();
	const copies = Array.from({ length: processes }, (_, i) => (i === 0 ? nodeTypes.mailerLiteEcommerce : freshNodeType()));
	return await onSimulator(latencyMs, async (ml, shopId) => {
		const product = ml.seedProducts(shopId, 1)[0];
		ml.sim.latencyMs = latencyMs;
		const count = processes * perProcess;
		const item = (n: number) => [{ email: `burst${n}@example.com`, price: '19.90' }];
		const node = runner === 'ours' ? createNode(shopId, product.id) : httpCreateNode(ml, shopId, product.id);
		const { result, figures } = await measure(
			async () =>
				await Promise.all(
					Array.from({ length: count }, async (_, n) =>
						await runWorkflow({
							node,
							nodeTypes: { ...nodeTypes, mailerLiteEcommerce: copies[n % processes] },
							credentialTypes,
							credentials: credentials(ml),
							items: item(n),
						}),
					),
				),
		);
		const failedRuns = result.filter((r) => r.status !== 'success').length;
		return {
			runner,
			items: count,
			figures,
			note: `${processes} processes × ${perProcess} executions of 1 order; ${failedRuns} failed; ${storedNote(ml, shopId, failedRuns ? 'error' : 'success')}`,
		};
	});
}

export async function processesComparison(processes = 3, perProcess = 130, latencyMs = 50): Promise<Comparison> {
	const ours = await processesRow('ours', processes, perProcess, latencyMs);
	const http = await processesRow('HTTP Request', processes, perProcess, latencyMs);
	const count = processes * perProcess;
	const lowerBoundMs = Math.floor((count - 1) / 120) * 60_000 + latencyMs;
	const ratio = (row: BenchRow) => (row.wallMs / lowerBoundMs).toFixed(3);
	return {
		name: `MailerLite, ${processes} n8n processes × ${perProcess} single-order executions at once on one account, ${latencyMs} ms latency, real 120/min window`,
		target: '0 failed; 429s ≤ 5 % of the orders; wall ÷ the limit\'s lower bound ≤ 1.15',
		rows: [ours, http],
		verdicts: [
			`ours: ${ours.rateLimited} × 429 ${mark((ours.rateLimited ?? 0) <= count * 0.05)}; wall ${(ours.wallMs / 1000).toFixed(1)} s ÷ ${(lowerBoundMs / 1000).toFixed(1)} s = ${ratio(ours)} ${mark(ours.wallMs / lowerBoundMs <= 1.15)} (${ours.note})`,
			`HTTP Request: ${http.rateLimited} × 429; wall ÷ bound ${ratio(http)} (${http.note})`,
		],
	};
}
