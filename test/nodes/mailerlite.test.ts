import type { IDataObject, INode } from 'n8n-workflow';

import { MailerLiteEcommerceApi } from '../../credentials/MailerLiteEcommerceApi.credentials';
import { MailerLiteEcommerce } from '../../nodes/MailerLiteEcommerce/MailerLiteEcommerce.node';
import { capturedLogs, runWorkflow } from '../harness/run-workflow';
import type { MailerLiteSimulator } from '../simulators/mailerlite';
import { createMailerLiteSimulator, MAILERLITE_TOKEN, mailerLiteRateLimit } from '../simulators/mailerlite';
import { serveForTests } from '../harness/serve';

const ml: MailerLiteSimulator = createMailerLiteSimulator();
const { sim } = ml;
let shopId: string;

serveForTests(sim, () => {
	sim.rateLimit = mailerLiteRateLimit();
	for (const map of Object.values(ml.state)) if (map instanceof Map) map.clear();
	shopId = ml.seedShop({ name: 'Test shop' }).id;
});

const shopRl = (id = shopId) => ({ __rl: true, mode: 'id', value: id });

async function run(
	parameters: INode['parameters'],
	items: IDataObject[] = [{}],
	extra: { onError?: INode['onError']; apiKey?: string } = {},
) {
	return await runWorkflow({
		node: { type: 'mailerLiteEcommerce', parameters, onError: extra.onError },
		nodeTypes: { mailerLiteEcommerce: new MailerLiteEcommerce() },
		credentialTypes: { mailerLiteEcommerceApi: new MailerLiteEcommerceApi() },
		credentials: {
			mailerLiteEcommerceApi: { apiKey: extra.apiKey ?? MAILERLITE_TOKEN, baseUrl: `${sim.url}/api` },
		},
		items,
	});
}

const jsons = (r: { output: Array<{ json: IDataObject }> }) => r.output.map((i) => i.json);
const pairs = (r: { output: Array<{ pairedItem?: unknown }> }) => r.output.map((i) => i.pairedItem);
const writes = () => sim.requests.filter((r) => r.method !== 'GET');

describe('Order', () => {
	const orderItem = { email: 'ann@example.com', sku: 'SKU-1', qty: 2, price: '19.90' };
	const createParams = () => ({
		resource: 'order',
		operation: 'create',
		shopId: shopRl(),
		customerEmail: '={{ $json.email }}',
		cartItems: {
			item: [
				{ ecommerce_product_id: '={{ $json.sku }}', variant: 'Blue', quantity: '={{ $json.qty }}', price: '={{ $json.price }}' },
			],
		},
		additionalFields: { status: 'pending', create_subscriber: true, checkout_url: 'https://shop.example.com/cart/1' },
	});

	it('creates from fields, resolving expressions per item, and sends the documented body', async () => {
		const r = await run(createParams(), [orderItem, { ...orderItem, email: 'bob@example.com' }]);
		expect(r.status).toBe('success');
		const posts = sim.requestsTo('POST', /\/orders$/);
		expect(posts).toHaveLength(2);
		expect(posts[0].path).toBe(`/api/ecommerce/shops/${shopId}/orders`);
		expect(posts[0].json).toEqual({
			customer: { email: 'ann@example.com', create_subscriber: true },
			cart: {
				items: [{ ecommerce_product_id: 'SKU-1', variant: 'Blue', quantity: 2, price: 19.9 }],
				checkout_url: 'https://shop.example.com/cart/1',
			},
			status: 'pending',
		});
		expect(posts[0].headers.authorization).toBe(`Bearer ${MAILERLITE_TOKEN}`);
		expect(jsons(r).map((o) => (o.customer as IDataObject).email)).toEqual(['ann@example.com', 'bob@example.com']);
		expect(typeof jsons(r)[0].id).toBe('string');
		expect(pairs(r)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('creates from the JSON body as documented', async () => {
		const body = {
			customer: { email: 'customer@email.com', create_subscriber: true, accepts_marketing: true },
			cart: { items: [{ ecommerce_product_id: '1236545467567', variant: 'product variant', quantity: 1, price: 123.4 }] },
			status: 'pending',
			total_price: 123.4,
		};
		const r = await run({ resource: 'order', operation: 'create', shopId: shopRl(), inputMode: 'json', jsonBody: JSON.stringify(body) });
		expect(r.status).toBe('success');
		expect(sim.requestsTo('POST', /\/orders$/)[0].json).toEqual(body);
		expect(jsons(r)[0]).toMatchObject({ status: 'pending', total: 123.4 });
	});

	it('rejects an invalid item before anything is sent, naming item and field', async () => {
		const r = await run(createParams(), [orderItem, orderItem, { ...orderItem, email: 'not-an-email' }]);
		expect(r.status).toBe('error');
		expect(r.error?.message).toBe('[item 2] Customer Email (customer.email): "not-an-email" is not a valid e-mail address');
		// Not even the valid items before it: fixing the item and running again must not create them twice.
		expect(sim.requestsTo('POST', /\/orders$/)).toHaveLength(0);
	});

	it('with On Error: Continue, the invalid item becomes a paired error item and the others succeed', async () => {
		const r = await run(createParams(), [orderItem, { ...orderItem, email: 'x' }, { ...orderItem, qty: 0 }, orderItem], {
			onError: 'continueRegularOutput',
		});
		expect(r.status).toBe('success');
		expect(pairs(r)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(jsons(r)[1].error).toBe('[item 1] Customer Email (customer.email): "x" is not a valid e-mail address');
		expect(jsons(r)[2].error).toBe('[item 2] Cart Items (cart.items[0].quantity): 0 must be at least 1');
		expect(jsons(r)[0].id).toBeDefined();
		expect(jsons(r)[3].id).toBeDefined();
		expect(sim.requestsTo('POST', /\/orders$/)).toHaveLength(2);
	});

	it('gets, updates status and total only, counts and deletes', async () => {
		const [order] = ml.seedOrders(shopId, 3);
		const get = await run({ resource: 'order', operation: 'get', shopId: shopRl(), orderId: order.id });
		expect(jsons(get)[0].id).toBe(order.id);

		const upd = await run({ resource: 'order', operation: 'update', shopId: shopRl(), orderId: order.id, updateFields: { status: 'complete', total_price: 50 } });
		expect(upd.status).toBe('success');
		expect(sim.requestsTo('PUT', /orders/)[0].json).toEqual({ status: 'complete', total_price: 50 });
		expect(jsons(upd)[0]).toMatchObject({ id: order.id, status: 'complete', total: 50 });

		const cnt = await run({ resource: 'order', operation: 'count', shopId: shopRl() });
		expect(jsons(cnt)).toEqual([{ total: 3 }]);
		expect(sim.requestsTo('GET', /orders$/).at(-1)?.query).toEqual({ limit: '0' });

		const del = await run({ resource: 'order', operation: 'delete', shopId: shopRl(), orderId: order.id });
		expect(jsons(del)[0]).toMatchObject({ deleted: true, id: order.id });
		expect(ml.state.orders.get(shopId)?.has(order.id)).toBe(false);
	});

	it('refuses to change the cart through Update', async () => {
		const [order] = ml.seedOrders(shopId, 1);
		const r = await run({ resource: 'order', operation: 'update', shopId: shopRl(), orderId: order.id, inputMode: 'json', jsonBody: '{"status":"complete","cart":{"items":[]}}' });
		expect(r.error?.message).toBe('[item 0] cart: {"items":[]} cannot be changed by Update; use the Cart and Cart Item resources');
		expect(writes()).toHaveLength(0);
	});

	it('Return All over 250 orders gives exactly 250, each page fetched once', async () => {
		const seeded = ml.seedOrders(shopId, 250);
		const r = await run({ resource: 'order', operation: 'getAll', shopId: shopRl(), returnAll: true });
		expect(r.output).toHaveLength(250);
		expect(jsons(r).map((o) => o.id)).toEqual(seeded.map((o) => o.id));
		const pages = sim.requestsTo('GET', /orders$/).map((q) => q.query.page);
		expect(pages.sort()).toEqual(['1', '2', '3']);
		expect(r.output.every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('Limit stops at the limit without fetching further pages', async () => {
		ml.seedOrders(shopId, 250);
		const r = await run({ resource: 'order', operation: 'getAll', shopId: shopRl(), returnAll: false, limit: 120 });
		expect(r.output).toHaveLength(120);
		expect(sim.requestsTo('GET', /orders$/).map((q) => q.query.page).sort()).toEqual(['1', '2']);
	});

	it('imports all items in one request and keeps big ids exact', async () => {
		const items = [orderItem, { ...orderItem, email: 'c@example.com' }, { ...orderItem, email: 'd@example.com' }];
		const r = await run({ ...createParams(), operation: 'import' }, items);
		expect(r.status).toBe('success');
		const posts = sim.requestsTo('POST', /orders\/import$/);
		expect(posts).toHaveLength(1);
		expect((posts[0].json as { orders: unknown[] }).orders).toHaveLength(3);
		const ids = jsons(r).map((o) => o.id as string);
		expect(ids.every((id) => typeof id === 'string' && /^\d{17,}$/.test(id))).toBe(true);
		for (const id of ids) expect(ml.state.orders.get(shopId)?.has(id)).toBe(true);
		expect(pairs(r)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});
});

describe('Shop', () => {
	it('creates, lists, updates and deletes shops', async () => {
		const created = await run({ resource: 'shop', operation: 'create', name: 'New', url: 'https://new.example.com', additionalFields: { currency: 'EUR' } });
		expect(created.status).toBe('success');
		expect(sim.requestsTo('POST', /shops$/)[0].json).toEqual({ name: 'New', url: 'https://new.example.com', currency: 'EUR' });
		const newId = jsons(created)[0].id as string;

		const list = await run({ resource: 'shop', operation: 'getAll', returnAll: true });
		expect(jsons(list).map((s) => s.name).sort()).toEqual(['New', 'Test shop']);

		const get = await run({ resource: 'shop', operation: 'get', shopId: shopRl(newId) });
		expect(jsons(get)[0]).toMatchObject({ id: newId, currency: 'EUR' });

		const upd = await run({ resource: 'shop', operation: 'update', shopId: shopRl(newId), updateFields: { name: 'Renamed' } });
		expect(jsons(upd)[0].name).toBe('Renamed');

		const del = await run({ resource: 'shop', operation: 'delete', shopId: shopRl(newId) });
		expect(jsons(del)[0]).toMatchObject({ deleted: true, id: newId });
		expect(ml.state.shops.has(newId)).toBe(false);
	});

	it('rejects an update with no fields', async () => {
		const r = await run({ resource: 'shop', operation: 'update', shopId: shopRl(), updateFields: {} });
		expect(r.error?.message).toBe('[item 0] (item): Give at least one field to update');
		expect(writes()).toHaveLength(0);
	});

	it('lists shops for the From List locator', async () => {
		const { searchShops } = await import('../../nodes/MailerLiteEcommerce/listSearch');
		expect(typeof searchShops).toBe('function');
	});
});

describe('Customer, Product, Category', () => {
	it('customer create/get/getAll/update/delete', async () => {
		const c = await run({ resource: 'customer', operation: 'create', shopId: shopRl(), email: 'eve@example.com', additionalFields: { accepts_marketing: true, subscriber_fields: '{"name":"Eve"}' } });
		expect(sim.requestsTo('POST', /customers$/)[0].json).toEqual({ email: 'eve@example.com', accepts_marketing: true, subscriber_fields: { name: 'Eve' } });
		const id = jsons(c)[0].id as string;
		expect(jsons(await run({ resource: 'customer', operation: 'get', shopId: shopRl(), customerId: id }))[0].email).toBe('eve@example.com');
		expect(await run({ resource: 'customer', operation: 'getAll', shopId: shopRl(), returnAll: true }).then((r) => r.output.length)).toBe(1);
		const u = await run({ resource: 'customer', operation: 'update', shopId: shopRl(), customerId: id, updateFields: { accepts_marketing: false } });
		expect(jsons(u)[0].accepts_marketing).toBe(false);
		expect(jsons(await run({ resource: 'customer', operation: 'delete', shopId: shopRl(), customerId: id }))[0]).toMatchObject({ deleted: true, id });
	});

	it('product create/update/import with categories', async () => {
		const p = await run({ resource: 'product', operation: 'create', shopId: shopRl(), name: 'Mug', price: 9.5, additionalFields: { url: 'https://s.example.com/mug', categories: '11, 12' } });
		expect(sim.requestsTo('POST', /products$/)[0].json).toEqual({ name: 'Mug', price: 9.5, url: 'https://s.example.com/mug', categories: ['11', '12'] });
		const id = jsons(p)[0].id as string;
		const u = await run({ resource: 'product', operation: 'update', shopId: shopRl(), productId: id, updateFields: { price: 11 } });
		expect(jsons(u)[0].price).toBe(11);
		const imp = await run({ resource: 'product', operation: 'import', shopId: shopRl(), name: '={{ $json.n }}', price: '={{ $json.p }}' }, [{ n: 'A', p: 1 }, { n: 'B', p: 2 }]);
		expect(sim.requestsTo('POST', /products\/import$/)[0].json).toEqual([{ name: 'A', price: 1 }, { name: 'B', price: 2 }]);
		expect(jsons(imp).map((x) => x.name)).toEqual(['A', 'B']);
		expect(jsons(await run({ resource: 'product', operation: 'get', shopId: shopRl(), productId: jsons(imp)[1].id as string }))[0].name).toBe('B');
		expect((await run({ resource: 'product', operation: 'getAll', shopId: shopRl(), returnAll: true })).output).toHaveLength(3);
		expect(jsons(await run({ resource: 'product', operation: 'delete', shopId: shopRl(), productId: id }))[0].deleted).toBe(true);
	});

	it('category import: a 422 for one entry lands on that item, the others are reported not imported', async () => {
		sim.inject({
			times: 1,
			match: (req) => req.path.endsWith('/categories/import'),
			status: 422,
			body: { message: 'The given data was invalid.', errors: { '1.name': ['The 1.name has already been taken.'] } },
		});
		const r = await run({ resource: 'category', operation: 'import', shopId: shopRl(), name: '={{ $json.n }}' }, [{ n: 'A' }, { n: 'B' }], {
			onError: 'continueRegularOutput',
		});
		expect(jsons(r).map((x) => x.error)).toEqual([
			'[item 0] Not imported: MailerLite rejected the import because of other items',
			'[item 1] name: The 1.name has already been taken.',
		]);
		expect(pairs(r)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('category create/get/getAll/update/delete', async () => {
		const c = await run({ resource: 'category', operation: 'create', shopId: shopRl(), name: 'Mugs', additionalFields: { exclude_from_automations: true } });
		const id = jsons(c)[0].id as string;
		expect(sim.requestsTo('POST', /categories$/)[0].json).toEqual({ name: 'Mugs', exclude_from_automations: true });
		expect(jsons(await run({ resource: 'category', operation: 'get', shopId: shopRl(), categoryId: id }))[0].name).toBe('Mugs');
		expect(jsons(await run({ resource: 'category', operation: 'update', shopId: shopRl(), categoryId: id, updateFields: { name: 'Cups' } }))[0].name).toBe('Cups');
		expect((await run({ resource: 'category', operation: 'getAll', shopId: shopRl(), returnAll: true })).output).toHaveLength(1);
		expect(jsons(await run({ resource: 'category', operation: 'delete', shopId: shopRl(), categoryId: id }))[0].deleted).toBe(true);
	});
});

describe('Cart and Cart Item', () => {
	it('cart get/getAll/update and cart item create/getAll/update/delete', async () => {
		const cart = ml.seedCart(shopId);
		expect(jsons(await run({ resource: 'cart', operation: 'get', shopId: shopRl(), cartId: cart.id }))[0].id).toBe(cart.id);
		expect((await run({ resource: 'cart', operation: 'getAll', shopId: shopRl(), returnAll: true })).output).toHaveLength(1);
		const u = await run({ resource: 'cart', operation: 'update', shopId: shopRl(), cartId: cart.id, updateFields: { checkout_url: 'https://s.example.com/c/9', cart_total: 40 } });
		expect(sim.requestsTo('PUT', /carts\/\d+$/)[0].json).toEqual({ checkout_url: 'https://s.example.com/c/9', cart_total: 40 });
		expect(jsons(u)[0].checkout_url).toBe('https://s.example.com/c/9');

		const add = await run({ resource: 'cartItem', operation: 'create', shopId: shopRl(), cartId: cart.id, ecommerce_product_id: 'P-77', quantity: 3, price: 4.5, variant: '' });
		expect(sim.requestsTo('POST', /items$/)[0].json).toEqual({ ecommerce_product_id: 'P-77', quantity: 3, price: 4.5 });
		const itemId = jsons(add)[0].id as string;
		const list = await run({ resource: 'cartItem', operation: 'getAll', shopId: shopRl(), cartId: cart.id, returnAll: true });
		expect(jsons(list).map((i) => i.id)).toContain(itemId);
		const upd = await run({ resource: 'cartItem', operation: 'update', shopId: shopRl(), cartId: cart.id, itemId, updateFields: { quantity: 5 } });
		expect(jsons(upd)[0].quantity).toBe(5);
		const del = await run({ resource: 'cartItem', operation: 'delete', shopId: shopRl(), cartId: cart.id, itemId });
		expect(jsons(del)[0]).toMatchObject({ deleted: true, id: itemId });
	});
});

describe('HTTP behaviour', () => {
	it('waits out a 429 burst (Retry-After) and loses nothing', async () => {
		sim.inject({ times: 3, status: 429, body: { message: 'Too Many Attempts.' }, headers: { 'retry-after': '1' } });
		const items = Array.from({ length: 5 }, (_, i) => ({ email: `u${i}@example.com` }));
		const started = Date.now();
		const r = await run({ resource: 'customer', operation: 'create', shopId: shopRl(), email: '={{ $json.email }}' }, items);
		expect(r.status).toBe('success');
		expect(Date.now() - started).toBeGreaterThanOrEqual(900);
		expect(jsons(r).map((c) => c.email)).toEqual(items.map((i) => i.email));
		expect(ml.state.customers.get(shopId)?.size).toBe(5);
	});

	it('a 422 surfaces the provider field message', async () => {
		sim.inject({ times: 1, status: 422, body: { message: 'The given data was invalid.', errors: { 'customer.email': ['The customer.email must be a valid email address.'] } } });
		const r = await run({ resource: 'customer', operation: 'create', shopId: shopRl(), email: 'ok@example.com' });
		expect(r.status).toBe('error');
		expect(r.error?.message).toBe(
			'[item 0] MailerLite 422: The given data was invalid. customer.email: The customer.email must be a valid email address.',
		);
		// The error item of "On Error: Continue", as the README shows it.
		sim.inject({ times: 1, status: 422, body: { message: 'The given data was invalid.', errors: { 'customer.email': ['The customer.email must be a valid email address.'] } } });
		const item = await run({ resource: 'customer', operation: 'create', shopId: shopRl(), email: 'ok@example.com' }, [{}], { onError: 'continueRegularOutput' });
		expect(jsons(item)).toEqual([
			{
				error: '[item 0] MailerLite 422: The given data was invalid. customer.email: The customer.email must be a valid email address.',
				details: { description: 'customer.email: The customer.email must be a valid email address.', httpCode: '422' },
			},
		]);
	});

	it('does not re-send a create after a 5xx (it may have been created), but retries a read', async () => {
		sim.inject({ times: 1, status: 503, body: { message: 'Service Unavailable' }, match: (q) => q.method === 'POST' });
		const r = await run({ resource: 'category', operation: 'create', shopId: shopRl(), name: 'X' }, [{}], { onError: 'continueRegularOutput' });
		expect(jsons(r)[0].error).toBe('[item 0] MailerLite 503: Service Unavailable');
		expect(sim.requests.filter((q) => q.method === 'POST')).toHaveLength(0);

		sim.inject({ times: 2, status: 502, body: 'Bad Gateway', match: (q) => q.method === 'GET' });
		const g = await run({ resource: 'shop', operation: 'get', shopId: shopRl() });
		expect(g.status).toBe('success');
		expect(jsons(g)[0].id).toBe(shopId);
	});

	it('404 names the provider and status; the API key never appears in output, errors or logs', async () => {
		const secret = MAILERLITE_TOKEN;
		const missing = await run({ resource: 'order', operation: 'get', shopId: shopRl(), orderId: '999' }, [{}], { onError: 'continueRegularOutput' });
		expect(jsons(missing)[0].error).toBe('[item 0] MailerLite 404: Not found.');
		const bad = await run({ resource: 'order', operation: 'getAll', shopId: shopRl(), returnAll: true }, [{}], { apiKey: 'wrong-key-abcdef' });
		expect(bad.status).toBe('error');
		expect(bad.error?.message).toBe('[item 0] MailerLite 401: Unauthenticated.');
		const everything = JSON.stringify([missing.run, bad.run, bad.error?.message, bad.error?.description]) + capturedLogs();
		expect(everything).not.toContain(secret);
		expect(everything).not.toContain('wrong-key-abcdef');
	});
});
