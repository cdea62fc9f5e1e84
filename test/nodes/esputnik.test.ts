import type { IDataObject, INode, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { EsputnikApi } from '../../credentials/EsputnikApi.credentials';
import { Esputnik } from '../../nodes/Esputnik/Esputnik.node';
import { capturedLogs, runWorkflow } from '../harness/run-workflow';
import { basicPassword, createEsputnikSimulator, ESPUTNIK_API_KEY } from '../simulators/esputnik';
import { serveForTests } from '../harness/serve';

const es = createEsputnikSimulator();
const { sim } = es;

serveForTests(sim, () => es.clear());

interface RunExtra {
	onError?: INode['onError'];
	apiKey?: string;
	timezone?: string;
}

async function run(parameters: INode['parameters'], items: IDataObject[] = [{}], extra: RunExtra = {}) {
	return await runWorkflow({
		node: { type: 'esputnik', parameters, onError: extra.onError },
		nodeTypes: { esputnik: new Esputnik() },
		credentialTypes: { esputnikApi: new EsputnikApi() },
		credentials: { esputnikApi: { apiKey: extra.apiKey ?? ESPUTNIK_API_KEY, baseUrl: `${sim.url}/api` } },
		items,
		timezone: extra.timezone,
	});
}

const jsons = (r: { output: INodeExecutionData[] }) => r.output.map((i) => i.json);
const pairs = (r: { output: INodeExecutionData[] }) => r.output.map((i) => i.pairedItem);
const posts = () => sim.requestsTo('POST', /^\/api\/v1\/orders$/);
const sentOrders = (index = 0) => (posts()[index].json as { orders: IDataObject[] }).orders;

/** A valid order as a shop would hand it over, for JSON input mode. */
function order(n: number, extra: IDataObject = {}): IDataObject {
	return {
		externalOrderId: `ord-${n}`,
		externalCustomerId: `cust-${n}`,
		status: 'DELIVERED',
		date: '2024-05-01T10:00:00+02:00',
		totalCost: 30,
		currency: 'EUR',
		email: `buyer${n}@example.com`,
		shipping: 5,
		items: [{ externalItemId: `sku-${n}`, name: 'Mug', quantity: 1, cost: 25 }],
		...extra,
	};
}

const jsonUpsert = (options: INodeParameters = {}): INodeParameters => ({
	resource: 'order',
	operation: 'upsert',
	inputMode: 'json',
	jsonBody: '={{ JSON.stringify($json) }}',
	options,
});

const fieldsUpsert = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'order',
	operation: 'upsert',
	externalOrderId: '={{ $json.id }}',
	status: 'IN_PROGRESS',
	date: '={{ $json.date }}',
	totalCost: '={{ $json.total }}',
	currency: 'usd',
	email: '={{ $json.email }}',
	phone: '={{ $json.phone }}',
	items: {
		item: [{ externalItemId: '={{ $json.sku }}', name: 'Super Device', quantity: '={{ $json.qty }}', cost: '={{ $json.price }}', url: 'https://shop.example.com/p/1' }],
	},
	additionalFields: { firstName: 'Ann', shipping: 10, discount: 0, additionalInfo: '{"comment":"Leave at the door"}' },
	...extra,
});

describe('eSputnik Order → Create or Update', () => {
	it('sends fields-mode items in one request with HTTP Basic auth and the documented body', async () => {
		const r = await run(fieldsUpsert(), [
			{ id: 100500, date: '2024-05-01T10:00:00+02:00', total: '1000', email: 'ann@example.com', phone: '+380 94 258 3691', sku: 200600, qty: 1, price: 990 },
			{ id: 'B-2', date: '2024-05-02T08:30:00Z', total: 60, email: 'bob@example.com', phone: '', sku: 'S-9', qty: 2, price: '25' },
		]);
		expect(r.error).toBeUndefined();
		expect(posts()).toHaveLength(1);
		const req = posts()[0];
		expect(basicPassword(req)).toBe(ESPUTNIK_API_KEY);
		expect(req.headers['content-type']).toMatch(/^application\/json/);
		expect(req.json).toEqual({
			orders: [
				{
					externalOrderId: '100500',
					status: 'IN_PROGRESS',
					date: '2024-05-01T10:00:00+02:00',
					totalCost: 1000,
					currency: 'USD',
					email: 'ann@example.com',
					phone: '380942583691',
					firstName: 'Ann',
					shipping: 10,
					discount: 0,
					additionalInfo: { comment: 'Leave at the door' },
					items: [{ externalItemId: '200600', name: 'Super Device', quantity: 1, cost: 990, url: 'https://shop.example.com/p/1' }],
				},
				{
					externalOrderId: 'B-2',
					status: 'IN_PROGRESS',
					date: '2024-05-02T08:30:00Z',
					totalCost: 60,
					currency: 'USD',
					email: 'bob@example.com',
					firstName: 'Ann',
					shipping: 10,
					discount: 0,
					additionalInfo: { comment: 'Leave at the door' },
					items: [{ externalItemId: 'S-9', name: 'Super Device', quantity: 2, cost: 25, url: 'https://shop.example.com/p/1' }],
				},
			],
		});
		expect(jsons(r)).toEqual([
			{ success: true, ...sentOrders()[0] },
			{ success: true, ...sentOrders()[1] },
		]);
		expect(pairs(r)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(es.orders.get('100500')?.sends).toBe(1);
		expect(es.events).toEqual(['orderIN_PROGRESS', 'orderIN_PROGRESS']);
	});

	it('sends 2,500 items in exactly 3 requests of 1000, 1000 and 500 orders, with 2,500 paired outputs in order', async () => {
		const items = Array.from({ length: 2500 }, (_, n) => order(n));
		const r = await run(jsonUpsert(), items);
		expect(r.error).toBeUndefined();
		expect(sim.requests).toHaveLength(3);
		expect(posts().map((p) => (p.json as { orders: unknown[] }).orders.length)).toEqual([1000, 1000, 500]);
		const sentIds = posts().flatMap((p) => (p.json as { orders: IDataObject[] }).orders.map((o) => o.externalOrderId));
		expect(sentIds).toEqual(items.map((i) => i.externalOrderId));
		expect(r.output).toHaveLength(2500);
		expect(r.output.every((item, n) => (item.pairedItem as { item: number }).item === n && item.json.externalOrderId === `ord-${n}` && item.json.success === true)).toBe(true);
		expect(es.orders.size).toBe(2500);
	});

	it('runs the README example: a Shopify order mapped by expression, with Shopify status mapping', async () => {
		const jsonBody = `={{ {
  externalOrderId: $json.id,
  externalCustomerId: $json.customer?.id,
  email: $json.email,
  phone: $json.phone,
  status: $json.cancelled_at ? 'cancelled' : $json.fulfillment_status,
  date: $json.created_at,
  totalCost: $json.total_price,
  currency: $json.currency,
  shipping: $json.total_shipping_price_set?.shop_money?.amount,
  discount: $json.total_discounts,
  taxes: $json.total_tax,
  items: $json.line_items.map(l => ({ externalItemId: l.variant_id ?? l.id, name: l.name, quantity: l.quantity, cost: l.price }))
} }}`;
		const shopify = {
			id: 5551234567,
			email: 'ann@example.com',
			phone: null,
			created_at: '2024-05-01T10:00:00-04:00',
			cancelled_at: null,
			fulfillment_status: null,
			total_price: '54.71',
			total_discounts: '5.00',
			total_tax: '4.81',
			currency: 'USD',
			customer: { id: 207119551 },
			total_shipping_price_set: { shop_money: { amount: '5.00' } },
			line_items: [
				{ id: 1, variant_id: 39072856, name: 'Mug', quantity: 2, price: '19.95' },
				{ id: 2, variant_id: null, name: 'Tea', quantity: 1, price: '10.00' },
			],
		};
		const r = await run({ ...jsonUpsert({ statusMapping: 'shopify' }), jsonBody }, [shopify, { ...shopify, id: 2, fulfillment_status: 'fulfilled' }]);
		expect(r.error).toBeUndefined();
		expect(sentOrders()[0]).toEqual({
			externalOrderId: '5551234567',
			externalCustomerId: '207119551',
			email: 'ann@example.com',
			status: 'INITIALIZED',
			date: '2024-05-01T10:00:00-04:00',
			totalCost: 54.71,
			currency: 'USD',
			shipping: 5,
			discount: 5,
			taxes: 4.81,
			items: [
				{ externalItemId: '39072856', name: 'Mug', quantity: 2, cost: 19.95 },
				{ externalItemId: '2', name: 'Tea', quantity: 1, cost: 10 },
			],
		});
		expect(sentOrders()[1].status).toBe('DELIVERED');
	});

	it('never puts more than 1000 orders in a request, whatever the batch size option says', async () => {
		const r = await run(jsonUpsert({ batchSize: 5000 }), Array.from({ length: 1001 }, (_, n) => order(n)));
		expect(r.status).toBe('success');
		expect(posts().map((p) => (p.json as { orders: unknown[] }).orders.length)).toEqual([1000, 1]);
	});

	it('honours a smaller batch size', async () => {
		const r = await run(jsonUpsert({ batchSize: 2 }), [order(1), order(2), order(3)]);
		expect(r.status).toBe('success');
		expect(posts().map((p) => (p.json as { orders: unknown[] }).orders.length)).toEqual([2, 1]);
	});

	it('gives a date without an offset the workflow time zone explicitly', async () => {
		const r = await run(
			jsonUpsert(),
			[
				order(1, { date: '2024-07-01T10:00:00' }),
				order(2, { date: '2024-01-15 08:05' }),
				order(3, { date: '2024-07-01' }),
				order(4, { date: '2024-07-01T10:00:00.250' }),
				order(5, { date: '2024-07-01T10:00:00+0530' }),
				order(6, { date: '2017-05-14T10:11:10.7022176+03:00' }),
			],
			{ timezone: 'America/New_York' },
		);
		expect(r.error).toBeUndefined();
		expect(sentOrders().map((o) => o.date)).toEqual([
			'2024-07-01T10:00:00-04:00',
			'2024-01-15T08:05:00-05:00',
			'2024-07-01T00:00:00-04:00',
			'2024-07-01T10:00:00.250-04:00',
			'2024-07-01T10:00:00+05:30',
			'2017-05-14T10:11:10.7022176+03:00',
		]);
		// The simulator reads offset-less dates in the account's zone (Kyiv); the node never sends one.
		expect(es.orders.get('ord-1')!.occurredAt.toUTC().toISO()).toBe('2024-07-01T14:00:00.000Z');
	});

	it('accepts a luxon DateTime from an expression such as $now', async () => {
		const r = await run({ ...fieldsUpsert(), date: '={{ $now }}' }, [{ id: 1, total: 1000, email: 'a@example.com', sku: 1, qty: 1, price: 990 }], {
			timezone: 'Europe/Berlin',
		});
		expect(r.error).toBeUndefined();
		expect(sentOrders()[0].date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?[+-]0[12]:00$/);
	});

	it('takes the item itself for a JSON body of {{ $json }}, exactly as n8n would resolve it', async () => {
		// `{{ $json }}` skips n8n's per-item expression resolution (see readBody); the result must not differ.
		const items = [order(0), order(1, { phone: '+380 94 258 3691', storeId: null }), order(2, { currency: '' })];
		const bodies: unknown[] = [];
		const outputs: unknown[] = [];
		for (const jsonBody of ['={{ $json }}', '={{$json}}', '={{ JSON.stringify($json) }}', '={{ { ...$json } }}']) {
			sim.requests.length = 0;
			const r = await run({ ...jsonUpsert(), jsonBody }, items, { onError: 'continueRegularOutput' });
			bodies.push(posts().map((q) => q.json));
			outputs.push(jsons(r));
		}
		expect(bodies[0]).toEqual([{ orders: [expect.objectContaining({ externalOrderId: 'ord-0' }), expect.objectContaining({ externalOrderId: 'ord-1' })] }]);
		for (const other of bodies.slice(1)) expect(other).toEqual(bodies[0]);
		for (const other of outputs.slice(1)) expect(other).toEqual(outputs[0]);
		// The input items are not changed by the node.
		expect(items[1]).toEqual(order(1, { phone: '+380 94 258 3691', storeId: null }));
	});

	describe('validation before sending', () => {
		it('names the item and the field, and sends nothing when any item is invalid', async () => {
			const r = await run(jsonUpsert(), [order(0), order(1), order(2), order(3, { email: 'not-an-email' }), order(4)]);
			expect(r.status).toBe('error');
			expect(r.error?.message).toBe('[item 3] Email (email): "not-an-email" is not a valid e-mail address');
			expect(sim.requests).toHaveLength(0);
		});

		it.each([
			['externalOrderId', { externalOrderId: '' }, '[item 0] External Order ID (externalOrderId): is required'],
			['status', { status: 'shipped' }, '[item 0] Status (status): "shipped" must be one of INITIALIZED, IN_PROGRESS, DELIVERED, CANCELLED, ABANDONED_SHOPPING_CART (or choose a Status Mapping in Options)'],
			['date', { date: 'yesterday' }, '[item 0] Date (date): "yesterday" must be an ISO 8601 date and time, e.g. 2024-05-01T10:00:00+02:00'],
			['date missing', { date: undefined }, '[item 0] Date (date): is required'],
			['totalCost', { totalCost: 'ten' }, '[item 0] Total Cost (totalCost): "ten" must be a number'],
			['currency', { currency: 'euro' }, '[item 0] Currency (currency): "euro" must be a three-letter ISO 4217 code, e.g. USD'],
			['phone', { phone: '12' }, '[item 0] Phone (phone): "12" must be a phone number of 5 to 15 digits'],
			['item quantity', { items: [{ externalItemId: 'a', name: 'Mug', quantity: 0, cost: 25 }] }, '[item 0] Items (items[0].quantity): 0 must be more than 0'],
			['item name', { items: [{ externalItemId: 'a', quantity: 1, cost: 25 }] }, '[item 0] Items (items[0].name): is required'],
			['item url', { items: [{ externalItemId: 'a', name: 'Mug', quantity: 1, cost: 25, url: 'ftp://x' }] }, '[item 0] Items (items[0].url): "ftp://x" is not a valid URL (http:// or https://)'],
		])('rejects a bad %s', async (_name, patch, message) => {
			const r = await run(jsonUpsert(), [order(0, patch as IDataObject)]);
			expect(r.error?.message).toBe(message);
			expect(sim.requests).toHaveLength(0);
		});

		it('requires one of externalCustomerId, email and phone', async () => {
			const r = await run(jsonUpsert(), [order(0), order(1, { externalCustomerId: null, email: '', phone: undefined })]);
			expect(r.error?.message).toBe(
				'[item 1] External Customer ID (externalCustomerId): Give at least one of externalCustomerId, email or phone: without one eSputnik cannot link the order to a contact',
			);
			expect(sim.requests).toHaveLength(0);
			const ok = await run(jsonUpsert(), [order(1, { externalCustomerId: null, email: null, phone: '380942583691' })]);
			expect(ok.status).toBe('success');
		});

		it('rejects an order whose items, shipping and discount do not add up to totalCost unless the check is off', async () => {
			const wrong = order(0, { totalCost: 31 });
			const r = await run(jsonUpsert(), [wrong]);
			expect(r.error?.message).toBe(
				'[item 0] Total Cost (totalCost): Item costs 25.00 + shipping 5.00 − discount 0.00 do not add up to 31.00. Correct the amounts, or turn off Options → Check Total Cost',
			);
			expect(sim.requests).toHaveLength(0);

			const off = await run(jsonUpsert({ checkTotalCost: false }), [wrong]);
			expect(off.status).toBe('success');
			expect(jsons(off)).toEqual([{ success: true, ...wrong }]);
			expect(sentOrders()[0].totalCost).toBe(31);
		});

		it('accepts totals with unit or line costs, discount and taxes', async () => {
			const items = [
				{ externalItemId: 'a', name: 'Mug', quantity: 3, cost: 19.9 },
				{ externalItemId: 'b', name: 'Tea', quantity: 1, cost: 0.3 },
			];
			const r = await run(jsonUpsert(), [
				order(0, { items, shipping: 4.99, discount: 5, totalCost: 20.19 }),
				order(1, { items, shipping: 4.99, discount: 5, totalCost: 59.99 }),
				order(2, { items, shipping: 0, taxes: 12, discount: 0, totalCost: 72 }),
				order(3, { items: undefined, totalCost: 12345 }),
			]);
			expect(r.error).toBeUndefined();
			expect(sentOrders()).toHaveLength(4);
		});

		it('explains the {"orders": [...]} wrapper instead of listing missing fields', async () => {
			const r = await run(jsonUpsert(), [{ orders: [order(0)] }]);
			expect(r.error?.message).toBe('[item 0] orders: Give one order per item, not the {"orders": [...]} wrapper');
			expect(sim.requests).toHaveLength(0);
		});

		it('with "On Error: Continue", turns invalid items into paired error items and sends the rest', async () => {
			const r = await run(jsonUpsert(), [order(0), order(1, { currency: '' }), order(2), order(3, { date: 'soon' })], {
				onError: 'continueRegularOutput',
			});
			expect(r.status).toBe('success');
			expect(posts()).toHaveLength(1);
			expect(sentOrders().map((o) => o.externalOrderId)).toEqual(['ord-0', 'ord-2']);
			expect(jsons(r)).toEqual([
				{ success: true, ...order(0) },
				{ error: '[item 1] Currency (currency): is required', details: { description: 'Nothing was sent for this item.' } },
				{ success: true, ...order(2) },
				{ error: '[item 3] Date (date): "soon" must be an ISO 8601 date and time, e.g. 2024-05-01T10:00:00+02:00', details: { description: 'Nothing was sent for this item.' } },
			]);
			expect(pairs(r)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		});
	});

	describe('status mapping', () => {
		const statuses = (r: { output: INodeExecutionData[] }) => jsons(r).map((o) => o.status);

		it('maps Shopify fulfilment statuses as Yespo\'s Shopify app does', async () => {
			const input = ['FULFILLED', 'partial', 'PARTIALLY_FULFILLED', 'in_progress', 'PENDING_FULFILLMENT', 'cancelled', 'REQUEST_DECLINED', 'UNFULFILLED', 'ON_HOLD', null, 'delivered'];
			const r = await run(jsonUpsert({ statusMapping: 'shopify' }), input.map((status, n) => order(n, { status })));
			expect(r.error).toBeUndefined();
			expect(statuses(r)).toEqual(['DELIVERED', 'IN_PROGRESS', 'IN_PROGRESS', 'IN_PROGRESS', 'IN_PROGRESS', 'CANCELLED', 'CANCELLED', 'INITIALIZED', 'INITIALIZED', 'INITIALIZED', 'DELIVERED']);
			expect(sentOrders().map((o) => o.status)).toEqual(statuses(r));
		});

		it('maps WooCommerce order statuses as Yespo\'s WooCommerce plugin does', async () => {
			const input = ['completed', 'processing', 'on-hold', 'wc-failed', 'cancelled', 'trash', 'refunded', 'pending', 'checkout-draft', 'ABANDONED_SHOPPING_CART'];
			const r = await run(jsonUpsert({ statusMapping: 'wooCommerce' }), input.map((status, n) => order(n, { status })));
			expect(r.error).toBeUndefined();
			expect(statuses(r)).toEqual(['DELIVERED', 'IN_PROGRESS', 'IN_PROGRESS', 'CANCELLED', 'CANCELLED', 'CANCELLED', 'CANCELLED', 'INITIALIZED', 'INITIALIZED', 'ABANDONED_SHOPPING_CART']);
		});

		it('maps a status given by expression in fields mode', async () => {
			const r = await run({ ...fieldsUpsert(), status: '={{ $json.wooStatus }}', options: { statusMapping: 'wooCommerce' } }, [
				{ id: 1, date: '2024-05-01T10:00:00Z', total: 1000, email: 'a@example.com', sku: 1, qty: 1, price: 990, wooStatus: 'completed' },
			]);
			expect(r.error).toBeUndefined();
			expect(sentOrders()[0].status).toBe('DELIVERED');
		});

		it('without a mapping keeps the five statuses in any letter case and rejects platform statuses', async () => {
			const ok = await run(jsonUpsert(), [order(0, { status: 'delivered' })]);
			expect(sentOrders()[0].status).toBe('DELIVERED');
			expect(ok.status).toBe('success');
			const bad = await run(jsonUpsert(), [order(0, { status: 'completed' })]);
			expect(bad.error?.message).toMatch(/^\[item 0\] Status \(status\): "completed" must be one of/);
		});
	});

	describe('failed orders in the response', () => {
		it.each(['array', 'map'] as const)(
			'with "On Error: Continue", reports failedOrders (%s shape) on their own items and the rest as saved',
			async (shape) => {
				es.config.failedOrdersShape = shape;
				es.config.reject.set('ord-1', 'Contact is blocked');
				es.config.reject.set('ord-3', 'Currency not enabled');
				const r = await run(jsonUpsert(), [order(0), order(1), order(2), order(3)], { onError: 'continueRegularOutput' });
				expect(r.status).toBe('success');
				expect(posts()).toHaveLength(1);
				const description =
					'eSputnik did not save 2 of the 4 orders of this request: item 1 (ord-1): Contact is blocked; item 3 (ord-3): Currency not enabled. The other orders were saved.';
				expect(jsons(r)).toEqual([
					{ success: true, ...order(0) },
					{ error: '[item 1] externalOrderId ord-1: eSputnik did not save this order: Contact is blocked', details: { description } },
					{ success: true, ...order(2) },
					{ error: '[item 3] externalOrderId ord-3: eSputnik did not save this order: Currency not enabled', details: { description } },
				]);
				expect(pairs(r)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
				expect([...es.orders.keys()]).toEqual(['ord-0', 'ord-2']);
			},
		);

		it('without it, fails the node naming the failed orders, after the first batch', async () => {
			es.config.reject.set('ord-2', 'Contact is blocked');
			es.config.reject.set('ord-4', 'Invalid phone');
			const r = await run(jsonUpsert({ batchSize: 5 }), Array.from({ length: 8 }, (_, n) => order(n)));
			expect(r.status).toBe('error');
			expect(r.error?.message).toBe(
				'[item 2] externalOrderId ord-2: eSputnik did not save this order: Contact is blocked Items 0–1, 3 were sent; items 2, 4–7 were not.',
			);
			expect(r.error?.description).toBe(
				'eSputnik did not save 2 of the 5 orders of this request: item 2 (ord-2): Contact is blocked; item 4 (ord-4): Invalid phone. The other orders were saved.',
			);
			expect(posts()).toHaveLength(1);
		});
	});

	describe('request failures', () => {
		it('shows a plain-text 400 body as the message, never [object Object], naming the items of the request', async () => {
			sim.inject({ times: 1, status: 400, body: 'Field "date" has invalid format' });
			const r = await run(jsonUpsert(), [order(0), order(1)]);
			expect(r.status).toBe('error');
			expect(r.error?.message).toBe('[items 0–1] eSputnik 400: Field "date" has invalid format');
			expect(JSON.stringify(r.run.data.resultData.error)).not.toContain('[object Object]');
			expect(posts()).toHaveLength(0);
		});

		it('reports a request failure on every item of the batch with "On Error: Continue"', async () => {
			sim.inject({ times: 1, status: 400, body: 'Bad request' });
			const r = await run(jsonUpsert({ batchSize: 2 }), [order(0), order(1), order(2)], { onError: 'continueRegularOutput' });
			expect(r.status).toBe('success');
			expect(jsons(r)).toEqual([
				{ error: '[items 0–1] eSputnik 400: Bad request', details: { httpCode: '400' } },
				{ error: '[items 0–1] eSputnik 400: Bad request', details: { httpCode: '400' } },
				{ success: true, ...order(2) },
			]);
			expect(pairs(r)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		});

		it('retries a reset connection, then reports it on every item of the batch', async () => {
			// An upsert keyed by externalOrderId was repeated, so the error must not say it was not.
			const reset = 'socket hang up';
			sim.inject({ times: 5, reset: true });
			const r = await run(jsonUpsert(), [order(0), order(1)], { onError: 'continueRegularOutput' });
			expect(r.status).toBe('success');
			expect(jsons(r)).toEqual([
				{ error: '[items 0–1] eSputnik could not be reached: ECONNRESET (after 5 attempts)', details: { description: reset } },
				{ error: '[items 0–1] eSputnik could not be reached: ECONNRESET (after 5 attempts)', details: { description: reset } },
			]);
			expect(posts()).toHaveLength(0);
		});

		it('fails with 401 on a wrong key, with a hint and without the key', async () => {
			const r = await run(jsonUpsert(), [order(0)], { apiKey: 'esputnik-dummy-wrong-key' });
			expect(r.status).toBe('error');
			expect(r.error?.message).toBe('[item 0] eSputnik 401: Unauthorized');
			expect(r.error?.description).toMatch(/Check the API key/);
			expect(JSON.stringify(r.run)).not.toContain('esputnik-dummy-wrong-key');
			expect(capturedLogs()).not.toContain('esputnik-dummy-wrong-key');
		});

		it('retries a 429 after Retry-After without sending the orders twice', async () => {
			sim.inject({ times: 1, status: 429, body: 'Too many requests', headers: { 'retry-after': '1' } });
			const started = Date.now();
			const r = await run(jsonUpsert(), [order(0), order(1)]);
			expect(r.status).toBe('success');
			expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
			expect(posts()).toHaveLength(1);
			expect(es.orders.get('ord-0')?.sends).toBe(1);
		});

		it('retries a 5xx, because an upsert by externalOrderId cannot duplicate an order', async () => {
			sim.inject({ times: 1, status: 503, body: 'Service unavailable' });
			const r = await run(jsonUpsert(), [order(0)]);
			expect(r.status).toBe('success');
			expect(posts()).toHaveLength(1);
			expect(es.orders.size).toBe(1);
		});

		it('treats "Duplicated request" as already saved', async () => {
			es.config.duplicateWindowMs = 60_000;
			const first = await run(jsonUpsert(), [order(0)]);
			expect(first.status).toBe('success');
			const again = await run(jsonUpsert(), [order(0)]);
			expect(again.status).toBe('success');
			expect(jsons(again)).toEqual([{ success: true, duplicatedRequest: true, ...order(0) }]);
			expect(es.orders.get('ord-0')?.sends).toBe(1);
		});

		it('passes on an asyncSessionId the response carries', async () => {
			es.config.sessionIds = true;
			const r = await run(jsonUpsert(), [order(0)]);
			expect(jsons(r)).toEqual([{ success: true, ...order(0), asyncSessionId: 'sim-session-1' }]);
		});
	});
});

describe('eSputnik Order → Delete', () => {
	const seed = async (orders: IDataObject[]) => {
		const r = await run(jsonUpsert({ checkTotalCost: false }), orders);
		expect(r.status).toBe('success');
		sim.reset();
	};

	it('deletes by externalOrderId, returning deleted: true per item', async () => {
		await seed([order(1), order(2), order(3)]);
		const r = await run({ resource: 'order', operation: 'delete', deleteBy: 'externalOrderId', externalOrderId: '={{ $json.id }}' }, [
			{ id: 'ord-1' },
			{ id: 'ord/3?x=1' },
		]);
		expect(r.error).toBeUndefined();
		expect(sim.requests.map((q) => [q.method, q.rawUrl])).toEqual([
			['DELETE', '/api/v1/orders?externalOrderId=ord-1'],
			['DELETE', '/api/v1/orders?externalOrderId=ord%2F3%3Fx%3D1'],
		]);
		expect(basicPassword(sim.requests[0])).toBe(ESPUTNIK_API_KEY);
		expect(jsons(r)).toEqual([
			{ deleted: true, externalOrderId: 'ord-1' },
			{ deleted: true, externalOrderId: 'ord/3?x=1' },
		]);
		expect(pairs(r)).toEqual([{ item: 0 }, { item: 1 }]);
		await es.settleDeletes();
		expect([...es.orders.keys()]).toEqual(['ord-2', 'ord-3']);
	});

	it('deletes a time range, sent in UTC as yyyy-MM-ddTHH:mm:ss', async () => {
		await seed([
			order(1, { date: '2024-05-01T09:00:00+02:00' }),
			order(2, { date: '2024-05-02T09:00:00+02:00' }),
			order(3, { date: '2024-04-30T21:30:00Z' }),
		]);
		const r = await run(
			{ resource: 'order', operation: 'delete', deleteBy: 'timeRange', from: '2024-05-01T00:00:00', to: '2024-05-01T23:59:59' },
			[{}],
			{ timezone: 'Europe/Kyiv' },
		);
		expect(r.error).toBeUndefined();
		expect(sim.requests[0].query).toEqual({ from: '2024-04-30T21:00:00', to: '2024-05-01T20:59:59' });
		expect(jsons(r)).toEqual([{ deleted: true, from: '2024-04-30T21:00:00', to: '2024-05-01T20:59:59' }]);
		await es.settleDeletes();
		expect([...es.orders.keys()]).toEqual(['ord-2']);
	});

	it.each([
		['a window over 24 hours', '2024-05-01T00:00:00Z', '2024-05-02T00:00:01Z', '[item 0] To (to): The window 2024-05-01T00:00:00 – 2024-05-02T00:00:01 UTC is longer than 24 hours; eSputnik deletes at most 24 hours per request'],
		['to before from', '2024-05-02T00:00:00Z', '2024-05-01T00:00:00Z', '[item 0] To (to): "2024-05-01T00:00:00Z" must be after From (2024-05-02T00:00:00 UTC)'],
		['a missing from', '', '2024-05-01T00:00:00Z', '[item 0] From (from): is required'],
		['an unreadable to', '2024-05-01T00:00:00Z', 'tomorrow', '[item 0] To (to): "tomorrow" must be an ISO 8601 date and time, e.g. 2024-05-01T00:00:00Z'],
	])('rejects %s without sending anything', async (_name, from, to, message) => {
		const r = await run({ resource: 'order', operation: 'delete', deleteBy: 'timeRange', from: '={{ $json.from }}', to: '={{ $json.to }}' }, [
			{ from, to },
		]);
		expect(r.error?.message).toBe(message);
		expect(sim.requests).toHaveLength(0);
	});

	it('accepts exactly 24 hours', async () => {
		const r = await run({ resource: 'order', operation: 'delete', deleteBy: 'timeRange', from: '2024-05-01T00:00:00Z', to: '2024-05-02T00:00:00Z' });
		expect(r.status).toBe('success');
		expect(sim.requests).toHaveLength(1);
	});

	it('requires the externalOrderId and continues per item on errors', async () => {
		sim.inject({ times: 1, status: 400, body: 'Order id is too long', match: (q) => q.query.externalOrderId === 'bad' });
		const r = await run(
			{ resource: 'order', operation: 'delete', deleteBy: 'externalOrderId', externalOrderId: '={{ $json.id }}' },
			[{ id: 'ord-1' }, { id: '' }, { id: 'bad' }],
			{ onError: 'continueRegularOutput' },
		);
		expect(r.status).toBe('success');
		expect(jsons(r)).toEqual([
			{ deleted: true, externalOrderId: 'ord-1' },
			{ error: '[item 1] externalOrderId: Required', details: { description: 'Nothing was sent for this item.' } },
			{ error: '[item 2] eSputnik 400: Order id is too long', details: { httpCode: '400' } },
		]);
		expect(pairs(r)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(sim.requests.map((q) => q.query.externalOrderId)).toEqual(['ord-1']);
	});
});

describe('eSputnik simulator contract', () => {
	const post = async (orders: unknown, password = ESPUTNIK_API_KEY) =>
		await fetch(`${sim.url}/api/v1/orders`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', Authorization: `Basic ${Buffer.from(`any:${password}`).toString('base64')}` },
			body: JSON.stringify({ orders }),
		});

	it('rejects more than 1000 orders in one request with a plain-text 400', async () => {
		const response = await post(Array.from({ length: 1001 }, (_, n) => order(n)));
		expect(response.status).toBe(400);
		expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
		expect(await response.text()).toBe('Too many orders in one request: 1001. The maximum is 1000.');
		expect(es.orders.size).toBe(0);
	});

	it('accepts exactly 1000, with any user name, and rejects a wrong key with 401', async () => {
		expect((await post(Array.from({ length: 1000 }, (_, n) => order(n)))).status).toBe(200);
		expect(es.orders.size).toBe(1000);
		const denied = await post([order(1)], 'wrong');
		expect(denied.status).toBe(401);
		expect(await denied.text()).toBe('Unauthorized');
	});
});
