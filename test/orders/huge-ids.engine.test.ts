import type { IDataObject } from 'n8n-workflow';

import { EsputnikApi } from '../../credentials/EsputnikApi.credentials';
import { Esputnik } from '../../nodes/Esputnik/Esputnik.node';
import { runWorkflow } from '../harness/run-workflow';
import { ESPUTNIK_API_KEY } from '../simulators/esputnik';
// Loaded by jest with JSON.parse, as n8n's Shopify Trigger and Webhook node read a webhook body.
import hugeIds from '../fixtures/shopify/huge-ids-sek.json';
import { fiveProviders } from './five-providers';
import { WOO } from './fixtures';

/*
 * A Shopify order whose every id is above 2^53 (order, lines, products, variants, customer
 * 2^53 + 1, shipping line, checkout, fulfilment), through all five providers in n8n's engine.
 * JSON.parse has rounded every one of them; the exact order, line and customer ids come from
 * their admin_graphql_api_id, product and variant ids have none and fall back to the SKU.
 */

const ORDER_ID = '3671890615334145785';
const CUSTOMER_ID = '9007199254740993';
const LINE_IDS = ['6112098431770483719', '6112098431770483753'];
const ORDER = hugeIds as unknown as IDataObject;
const lines = () => ORDER.line_items as IDataObject[];

/** The digits JSON parsing made of the ids: none of them may reach a provider. */
const ROUNDED = [
	ORDER.id,
	(ORDER.customer as IDataObject).id,
	ORDER.checkout_id,
	(ORDER.shipping_lines as IDataObject[])[0].id,
	...lines().flatMap((l) => [l.id, l.product_id, l.variant_id]),
].map(String);

const { run: runProvider, writes, allRequests, names, sims } = fiveProviders();
const [esSim] = sims;

const run: typeof runProvider = (name, items, extra = {}) =>
	runProvider(name, items, name === 'montly' ? { shopifyCurrency: 'presentment', ...extra } : extra);

const PRODUCTS = [
	{ sku: 'LAPTOP-PRO-14', name: 'ProBook 14 Laptop - 16 GB / 512 GB', title: 'ProBook 14 Laptop' },
	{ sku: 'MON-27-4K', name: '27" 4K Monitor', title: '27" 4K Monitor' },
];

describe('a Shopify order whose every id is above 2^53', () => {
	it('really is rounded by JSON parsing', () => {
		expect(typeof ORDER.id).toBe('number');
		expect(Number.isSafeInteger(ORDER.id)).toBe(false);
		expect(String(ORDER.id)).not.toBe(ORDER_ID);
		expect(String((ORDER.customer as IDataObject).id)).toBe('9007199254740992');
		// Both lines (and both products, and both variants) round to the same number.
		expect(lines()[0].id).toBe(lines()[1].id);
		expect(lines()[0].product_id).toBe(lines()[1].product_id);
		expect(ROUNDED).not.toContain(ORDER_ID);
	});

	it('eSputnik: the exact order and customer ids; items by SKU', async () => {
		const r = await run('esputnik', [ORDER]);
		expect(r.error).toBeUndefined();
		const [order] = writes('esputnik').flatMap((b) => b.orders as IDataObject[]);
		expect(order.externalOrderId).toBe(ORDER_ID);
		expect(order.externalCustomerId).toBe(CUSTOMER_ID);
		expect(order.items).toEqual([
			{ externalItemId: 'LAPTOP-PRO-14', name: PRODUCTS[0].name, quantity: 1, cost: 1299 },
			{ externalItemId: 'MON-27-4K', name: PRODUCTS[1].name, quantity: 2, cost: 598 },
		]);
	});

	it('MailerLite: cart items by SKU', async () => {
		const r = await run('mailerLite', [ORDER]);
		expect(r.error).toBeUndefined();
		expect(writes('mailerLite')).toEqual([
			{
				customer: { email: 'inkop@nordljus.se', accepts_marketing: false },
				cart: {
					items: [
						{ ecommerce_product_id: 'LAPTOP-PRO-14', variant: '16 GB / 512 GB', quantity: 1, price: 1299 },
						{ ecommerce_product_id: 'MON-27-4K', quantity: 2, price: 299 },
					],
				},
				status: 'complete',
				total_price: 1909.9,
			},
		]);
	});

	it('Monto: the exact order id', async () => {
		const r = await run('monto', [ORDER]);
		expect(r.error).toBeUndefined();
		expect(writes('monto')).toEqual([
			{
				order_id: ORDER_ID,
				customer: { name: 'Karin Lindqvist', email: 'inkop@nordljus.se' },
				status: 'fulfilled',
				items: [{ slug: 'laptop-pro-14' }, { slug: 'mon-27-4k' }],
			},
		]);
	});

	it('The Feedback Company: the exact order id; one product per SKU, not one for the rounded product id', async () => {
		const r = await run('feedbackCompany', [ORDER]);
		expect(r.error).toBeUndefined();
		expect(writes('feedbackCompany')).toEqual([
			{
				external_id: ORDER_ID,
				customer: { email: 'inkop@nordljus.se', fullname: 'Karin Lindqvist' },
				invitation: { delay: { unit: 'days', amount: 7 } },
				products: PRODUCTS.map((p) => ({ external_id: p.sku, name: p.title, url: `https://shop.example.com/products/${p.sku}`, sku: p.sku })),
			},
		]);
	});

	it('The Feedback Company: {productId} has no exact value, so the item fails naming Product URL', async () => {
		const r = await run('feedbackCompany', [ORDER], { productUrl: 'https://shop.example.com/p/{productId}' });
		expect(r.error?.message).toBe(
			`[item 0] Product URL (productUrl): Line item "${PRODUCTS[0].name}": its productId is above 2^53 and arrived rounded (${String(lines()[0].product_id)}), so {productId} has no exact value. Use {sku} instead, or give Product URL as an expression that does not need it`,
		);
		expect(writes('feedbackCompany')).toEqual([]);
	});

	it('Montly: the exact order id; items by SKU, without the variant id it cannot know', async () => {
		const r = await run('montly', [ORDER]);
		expect(r.error).toBeUndefined();
		const [body] = writes('montly');
		const data = body.data as IDataObject;
		expect((data.attributes as IDataObject).orderId).toBe(ORDER_ID);
		expect((data.relationships as { item: { data: IDataObject[] } }).item.data).toEqual([
			{ name: PRODUCTS[0].name, productId: 'LAPTOP-PRO-14', quantity: 1, totalPrice: 1199600, VAT: 299900, sku: 'LAPTOP-PRO-14' },
			{ name: PRODUCTS[1].name, productId: 'MON-27-4K', quantity: 2, totalPrice: 559200, VAT: 139800, sku: 'MON-27-4K' },
		]);
	});

	it('no provider receives a rounded id, in any request', async () => {
		for (const name of names) expect((await run(name, [ORDER])).error).toBeUndefined();
		const texts = allRequests();
		expect(texts.length).toBeGreaterThanOrEqual(5);
		const all = texts.join('\n');
		for (const rounded of new Set(ROUNDED)) expect(all).not.toContain(rounded);
		expect(all).toContain(ORDER_ID);
	});

	it('a line without a SKU falls back to its exact line id', async () => {
		const order = structuredClone(ORDER);
		(order.line_items as IDataObject[])[1].sku = null;
		const r = await run('esputnik', [order]);
		expect(r.error).toBeUndefined();
		const [sent] = writes('esputnik').flatMap((b) => b.orders as IDataObject[]);
		expect((sent.items as IDataObject[]).map((i) => i.externalItemId)).toEqual(['LAPTOP-PRO-14', LINE_IDS[1]]);
	});
});

describe('ids above 2^53 that have no exact source are refused, naming the field', () => {
	const without = (edit: (o: IDataObject) => void) => {
		const order = structuredClone(ORDER);
		edit(order);
		return order;
	};

	it.each([
		[
			'an order without its gid',
			without((o) => delete o.admin_graphql_api_id),
			`[item 0] id: ${String(ORDER.id)} is above 2^53 (9007199254740991) and was rounded when the order was parsed as JSON, and the order has no admin_graphql_api_id to read the exact id from. Pass the order on with its admin_graphql_api_id, or give id as text`,
		],
		[
			'a customer without its gid',
			without((o) => delete (o.customer as IDataObject).admin_graphql_api_id),
			`[item 0] customer.id: 9007199254740992 is above 2^53 (9007199254740991) and was rounded when the order was parsed as JSON, and the order has no customer.admin_graphql_api_id to read the exact id from. Pass the order on with its admin_graphql_api_id, or give customer.id as text`,
		],
		[
			'a line whose gid belongs to another line',
			without((o) => ((o.line_items as IDataObject[])[0].admin_graphql_api_id = 'gid://shopify/LineItem/14302855430391')),
			`[item 0] line_items[0].admin_graphql_api_id: gid://shopify/LineItem/14302855430391 does not match line_items[0].id ${String(lines()[0].id)}`,
		],
		[
			'a gid of another type',
			without((o) => (o.admin_graphql_api_id = `gid://shopify/Customer/${ORDER_ID}`)),
			`[item 0] admin_graphql_api_id: "gid://shopify/Customer/${ORDER_ID}" must be gid://shopify/Order/<id>`,
		],
		[
			'a safe id that its gid contradicts',
			without((o) => (o.id = 5873523306231)),
			`[item 0] admin_graphql_api_id: gid://shopify/Order/${ORDER_ID} does not match id 5873523306231`,
		],
	])('%s', async (_what, order, message) => {
		const r = await run('esputnik', [order]);
		expect(r.error?.message).toBe(message);
		expect(esSim.requests).toEqual([]);
	});

	it('an exact id given as text needs no gid', async () => {
		const order = without((o) => {
			o.id = ORDER_ID;
			delete o.admin_graphql_api_id;
		});
		const r = await run('monto', [order]);
		expect(r.error).toBeUndefined();
		expect(writes('monto')[0].order_id).toBe(ORDER_ID);
	});

	it('a WooCommerce customer id above 2^53 has no exact source', async () => {
		const r = await runWorkflow({
			node: { type: 'esputnik', parameters: { resource: 'order', operation: 'upsert', inputMode: 'wooCommerceOrder' } },
			nodeTypes: { esputnik: new Esputnik() },
			credentialTypes: { esputnikApi: new EsputnikApi() },
			credentials: { esputnikApi: { apiKey: ESPUTNIK_API_KEY, baseUrl: `${esSim.url}/api` } },
			items: [{ ...WOO.processing, customer_id: 2 ** 53 + 1 }],
		});
		expect(r.error?.message).toBe(
			'[item 0] customer_id: 9007199254740992 is above 2^53 (9007199254740991) and was rounded when the order was parsed as JSON; give customer_id as text',
		);
		expect(esSim.requests).toEqual([]);
	});
});
