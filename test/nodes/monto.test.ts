import type { IDataObject, INode, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { MontoApi } from '../../credentials/MontoApi.credentials';
import { Monto } from '../../nodes/Monto/Monto.node';
import { runWorkflow } from '../harness/run-workflow';
import { createMontoSimulator, MONTO_API_KEY, montoRateLimit } from '../simulators/monto';
import { serveForTests } from '../harness/serve';

const monto = createMontoSimulator();
const { sim } = monto;

serveForTests(sim, () => monto.clear());

interface RunExtra {
	onError?: INode['onError'];
	apiKey?: string;
}

async function run(parameters: INodeParameters, items: IDataObject[] = [{}], extra: RunExtra = {}) {
	return await runWorkflow({
		node: { type: 'monto', parameters, onError: extra.onError },
		nodeTypes: { monto: new Monto() },
		credentialTypes: { montoApi: new MontoApi() },
		credentials: { montoApi: { apiKey: extra.apiKey ?? MONTO_API_KEY, baseUrl: sim.url } },
		items,
	});
}

const jsons = (r: { output: INodeExecutionData[] }) => r.output.map((i) => i.json);
const pairs = (r: { output: INodeExecutionData[] }) => r.output.map((i) => i.pairedItem);
/** No pacing unless a test is about pacing: the default 2 s would make every test slow. */
const fast = { requestInterval: 0 };

const fieldsUpsert = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'order',
	operation: 'upsert',
	orderId: '={{ $json.id }}',
	customerName: '={{ $json.name }}',
	customerEmail: '={{ $json.email }}',
	status: 'fulfilled',
	itemSlugs: '={{ $json.slugs }}',
	options: fast,
	...extra,
});

const jsonUpsert = (options: INodeParameters = fast): INodeParameters => ({
	resource: 'order',
	operation: 'upsert',
	inputMode: 'json',
	jsonBody: '={{ JSON.stringify($json) }}',
	options,
});

const body = (n: number, extra: IDataObject = {}): IDataObject => ({
	order_id: `o-${n}`,
	customer: { name: `Buyer ${n}`, email: `buyer${n}@example.com` },
	status: 'pending',
	items: [{ slug: 'first-product' }],
	...extra,
});

describe('Monto Order → Create or Update', () => {
	it('sends the documented body with the key in api_key and outputs success for the empty 200', async () => {
		const r = await run(fieldsUpsert(), [
			{ id: 'abc', name: 'John Doe', email: 'john@example.com', slugs: 'first-product, second-product' },
			{ id: 42, name: 'Ann', email: 'ann@example.com', slugs: ['mug'] },
		]);
		expect(r.error).toBeUndefined();
		const posts = sim.requestsTo('POST', /^\/orders$/);
		expect(posts).toHaveLength(2);
		expect(posts[0].query).toEqual({ api_key: MONTO_API_KEY });
		expect(posts[0].headers['content-type']).toMatch(/^application\/json/);
		expect(posts[0].json).toEqual({
			order_id: 'abc',
			customer: { name: 'John Doe', email: 'john@example.com' },
			status: 'fulfilled',
			items: [{ slug: 'first-product' }, { slug: 'second-product' }],
		});
		expect(posts[1].json).toEqual({
			order_id: '42',
			customer: { name: 'Ann', email: 'ann@example.com' },
			status: 'fulfilled',
			items: [{ slug: 'mug' }],
		});
		expect(jsons(r)).toEqual([
			{ success: true, ...(posts[0].json as IDataObject) },
			{ success: true, ...(posts[1].json as IDataObject) },
		]);
		expect(pairs(r)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(monto.reviewEmails).toEqual([
			{ orderId: 'abc', email: 'john@example.com' },
			{ orderId: '42', email: 'ann@example.com' },
		]);
	});

	it('takes the documented body in JSON mode, lower-cases the status and defaults it to pending', async () => {
		const r = await run(jsonUpsert(), [body(1, { status: 'FULFILLED' }), body(2, { status: undefined })]);
		expect(r.error).toBeUndefined();
		expect(sim.requests.map((q) => (q.json as IDataObject).status)).toEqual(['fulfilled', 'pending']);
		expect(jsons(r).map((o) => [o.success, o.order_id, o.status])).toEqual([
			[true, 'o-1', 'fulfilled'],
			[true, 'o-2', 'pending'],
		]);
	});

	it('overwrites an order sent again with the same order_id (pending, then fulfilled)', async () => {
		await run(jsonUpsert(), [body(1)]);
		expect(monto.reviewEmails).toEqual([]);
		await run(jsonUpsert(), [body(1, { status: 'fulfilled' })]);
		expect(monto.orders.size).toBe(1);
		expect(monto.orders.get('o-1')?.status).toBe('fulfilled');
		expect(monto.reviewEmails).toEqual([{ orderId: 'o-1', email: 'buyer1@example.com' }]);
	});

	it.each([
		['order_id', { order_id: '' }, '[item 1] Order ID (order_id): is required'],
		['customer email', { customer: { name: 'A', email: 'nope' } }, '[item 1] Customer Email (customer.email): "nope" is not a valid e-mail address'],
		['customer name', { customer: { email: 'a@example.com' } }, '[item 1] Customer Name (customer.name): is required'],
		['status', { status: 'shipped' }, '[item 1] Status (status): "shipped" must be pending or fulfilled'],
		['items', { items: [] }, '[item 1] Item Slugs (items): [] must have at least one item slug: Monto shows the product of each slug in its review e-mail'],
		['slug', { items: [{ slug: ' ' }] }, '[item 1] Item Slugs (items[0].slug): is required'],
		['undocumented field', { price: 10 }, '[item 1] price: 10 is not a field this operation accepts'],
	])('rejects a bad %s before sending anything at all', async (_name, patch, message) => {
		const r = await run(jsonUpsert(), [body(0), body(1, patch as IDataObject)]);
		expect(r.status).toBe('error');
		expect(r.error?.message).toBe(message);
		expect(sim.requests).toHaveLength(0);
	});

	it('continues per item with "On Error: Continue"', async () => {
		const r = await run(fieldsUpsert(), [
			{ id: 'a', name: 'A', email: 'a@example.com', slugs: 'x' },
			{ id: 'b', name: 'B', email: 'b@', slugs: 'x' },
			{ id: 'c', name: 'C', email: 'c@example.com', slugs: '' },
			{ id: 'd', name: 'D', email: 'd@example.com', slugs: 'y' },
		], { onError: 'continueRegularOutput' });
		expect(r.status).toBe('success');
		expect(jsons(r)).toEqual([
			{ success: true, order_id: 'a', customer: { name: 'A', email: 'a@example.com' }, status: 'fulfilled', items: [{ slug: 'x' }] },
			{ error: '[item 1] Customer Email (customer.email): "b@" is not a valid e-mail address', details: { description: 'Nothing was sent for this item.' } },
			{ error: '[item 2] Item Slugs (items): [] must have at least one item slug: Monto shows the product of each slug in its review e-mail', details: { description: 'Nothing was sent for this item.' } },
			{ success: true, order_id: 'd', customer: { name: 'D', email: 'd@example.com' }, status: 'fulfilled', items: [{ slug: 'y' }] },
		]);
		expect(pairs(r)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(sim.requests.map((q) => (q.json as IDataObject).order_id)).toEqual(['a', 'd']);
	});

	it('does not repeat a POST after a server error (a fulfilled order may already have started an e-mail)', async () => {
		sim.inject({ times: 1, status: 502, body: { message: 'Bad gateway' }, afterHandler: true });
		const r = await run(jsonUpsert(), [body(1, { status: 'fulfilled' })]);
		expect(r.status).toBe('error');
		expect(r.error?.message).toBe('[item 0] Monto 502: Bad gateway');
		expect(sim.requests).toHaveLength(1);
		expect(monto.reviewEmails).toHaveLength(1);
	});
});

describe('Monto Order → Get Subscriptions', () => {
	const subs = [
		{ stripe_id: 'sub_1', status: 'trialing', created_at: '2022-11-15T20:48:15.000000Z' },
		{ stripe_id: 'sub_2', status: 'active', created_at: '2022-11-16T09:00:00.000000Z' },
	];

	it('outputs one item per subscription, paired with its input item', async () => {
		monto.seedSubscriptions('wf-1', subs);
		monto.seedSubscriptions('wf 2/x', [subs[1]]);
		monto.seedSubscriptions('wf-3', []);
		const r = await run({ resource: 'order', operation: 'getSubscriptions', orderId: '={{ $json.id }}', options: fast }, [
			{ id: 'wf-1' },
			{ id: 'wf 2/x' },
			{ id: 'wf-3' },
		]);
		expect(r.error).toBeUndefined();
		expect(sim.requests.map((q) => q.path)).toEqual(['/orders/wf-1/subscriptions', '/orders/wf%202%2Fx/subscriptions', '/orders/wf-3/subscriptions']);
		expect(sim.requests[0].query).toEqual({ api_key: MONTO_API_KEY });
		expect(jsons(r)).toEqual([
			{ order_id: 'wf-1', ...subs[0] },
			{ order_id: 'wf-1', ...subs[1] },
			{ order_id: 'wf 2/x', ...subs[1] },
		]);
		expect(pairs(r)).toEqual([{ item: 0 }, { item: 0 }, { item: 1 }]);
	});

	it('reports an unknown order (404) on its item', async () => {
		monto.seedSubscriptions('wf-1', subs);
		const r = await run({ resource: 'order', operation: 'getSubscriptions', orderId: '={{ $json.id }}', options: fast }, [{ id: 'missing' }, { id: 'wf-1' }], {
			onError: 'continueRegularOutput',
		});
		expect(r.status).toBe('success');
		expect(jsons(r)[0]).toEqual({ error: '[item 0] Monto 404: Order not found.', details: { httpCode: '404' } });
		expect(jsons(r).slice(1).map((o) => o.stripe_id)).toEqual(['sub_1', 'sub_2']);
		expect(pairs(r)).toEqual([{ item: 0 }, { item: 1 }, { item: 1 }]);
	});

	it('fails on a body without a subscriptions list instead of returning nothing', async () => {
		sim.inject({ times: 1, status: 200, body: { data: [] } });
		const r = await run({ resource: 'order', operation: 'getSubscriptions', orderId: 'x', options: fast });
		expect(r.error?.message).toBe('[item 0] Monto answered without a subscriptions list');
	});
});

describe('Monto pacing and 429', () => {
	const gaps = () => sim.requests.slice(1).map((q, i) => q.at - sim.requests[i].at);

	it('paces requests about one per 2 s by default', async () => {
		monto.seedSubscriptions('a', []);
		const r = await run({ resource: 'order', operation: 'getSubscriptions', orderId: 'a' }, [{}, {}]);
		expect(r.status).toBe('success');
		expect(gaps()[0]).toBeGreaterThanOrEqual(2000);
	});

	it('a configured pace keeps a bulk run under the limit: no 429 at all', async () => {
		sim.rateLimit = montoRateLimit(2, 1000);
		const r = await run(jsonUpsert({ requestInterval: 550 }), Array.from({ length: 6 }, (_, n) => body(n)));
		expect(r.status).toBe('success');
		expect(sim.rateLimited).toBe(0);
		expect(sim.requests).toHaveLength(6);
		expect(Math.min(...gaps())).toBeGreaterThanOrEqual(550);
	});

	it('without pacing, 429s are retried after Retry-After and every order arrives exactly once', async () => {
		sim.rateLimit = montoRateLimit(2, 1000);
		const started = Date.now();
		const r = await run(jsonUpsert({ requestInterval: 0 }), Array.from({ length: 5 }, (_, n) => body(n)));
		expect(r.status).toBe('success');
		expect(sim.rateLimited).toBeGreaterThan(0);
		expect(sim.requests.map((q) => (q.json as IDataObject).order_id)).toEqual(['o-0', 'o-1', 'o-2', 'o-3', 'o-4']);
		expect(jsons(r).every((o) => o.success === true)).toBe(true);
		expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
	});

	it('a 429 is not counted as a failed attempt: 8 in a row, then the order is stored once', async () => {
		sim.inject({ times: 8, status: 429, body: { message: 'Too Many Attempts.' }, headers: { 'retry-after': '0' } });
		const r = await run(jsonUpsert(), [body(1)]);
		expect(r.status).toBe('success');
		expect(sim.faults).toHaveLength(0); // all 8 injected 429s were answered
		expect(sim.requests.map((q) => (q.json as IDataObject).order_id)).toEqual(['o-1']);
	});

	it('fails at once, naming the rate limit, when Retry-After is beyond the Rate Limit Patience', async () => {
		sim.inject({ times: 1, status: 429, body: { message: 'Too Many Attempts.' }, headers: { 'retry-after': '3600' } });
		const started = Date.now();
		const r = await run(jsonUpsert(), [body(1)]);
		expect(r.status).toBe('error');
		expect(r.error?.message).toBe(
			'[item 0] Monto rate limit: the account must wait another 3600 s, longer than the Rate Limit Patience (10 min) allows (429: Too Many Attempts.)',
		);
		expect(r.error?.description).toMatch(/Rate Limit Patience/);
		expect(r.error?.description).toMatch(/Min Time Between Requests/);
		expect(Date.now() - started).toBeLessThan(5000);
		expect(sim.requests).toHaveLength(0);
	});

	it('waits for the limit within the patience, then fails naming it: Retry-After 2 s with 3 s of patience', async () => {
		sim.inject({ times: 5, status: 429, body: { message: 'Too Many Attempts.' }, headers: { 'retry-after': '2' } });
		const started = Date.now();
		const r = await run(jsonUpsert({ requestInterval: 0, rateLimitPatience: 0.05 }), [body(1)]);
		expect(r.status).toBe('error');
		expect(r.error?.message).toMatch(/^\[item 0\] Monto rate limit: .*Rate Limit Patience \(3 s\)/);
		expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
		expect(Date.now() - started).toBeLessThan(5000);
		expect(sim.requests).toHaveLength(0);
	});

});

describe('Monto: several n8n processes on one account learn from its 429s', () => {
	it('3 processes × 8 orders at once, each paced for itself, over a limit of 6 per 3 s: none fails, each order once', async () => {
		sim.rateLimit = montoRateLimit(6, 3000);
		const copies: Array<{ node: typeof Monto; api: typeof MontoApi }> = [{ node: Monto, api: MontoApi }];
		for (let i = 0; i < 2; i++) {
			jest.isolateModules(() => {
				/* eslint-disable @typescript-eslint/no-require-imports */
				copies.push({
					node: (require('../../nodes/Monto/Monto.node') as { Monto: typeof Monto }).Monto,
					api: (require('../../credentials/MontoApi.credentials') as { MontoApi: typeof MontoApi }).MontoApi,
				});
				/* eslint-enable @typescript-eslint/no-require-imports */
			});
		}
		const started = Date.now();
		const runs = await Promise.all(
			Array.from({ length: 24 }, async (_, n) => {
				const copy = copies[n % 3];
				return await runWorkflow({
					node: { type: 'monto', parameters: jsonUpsert({ requestInterval: 200 }) },
					nodeTypes: { monto: new copy.node() },
					credentialTypes: { montoApi: new copy.api() },
					credentials: { montoApi: { apiKey: MONTO_API_KEY, baseUrl: sim.url } },
					items: [body(n)],
				});
			}),
		);
		const elapsed = Date.now() - started;
		// eslint-disable-next-line no-console -- the measured figures
		console.log(`[rate limit] Monto, 3 processes × 8 orders over 6 per 3 s: ${sim.rateLimited} × 429, wall ${(elapsed / 1000).toFixed(1)} s`);
		expect(runs.filter((r) => r.status !== 'success').map((r) => r.error?.message)).toEqual([]);
		const ids = sim.requests.map((q) => (q.json as IDataObject).order_id);
		expect(ids).toHaveLength(24);
		expect(new Set(ids).size).toBe(24);
		// Each process alone would send 5 a second: the account refused some and every process waited.
		expect(sim.rateLimited).toBeGreaterThan(0);
		expect(elapsed).toBeGreaterThanOrEqual(9000);
	}, 60_000);
});
