import type { IDataObject, INode, INodeType } from 'n8n-workflow';

import { EsputnikApi } from '../../credentials/EsputnikApi.credentials';
import { FeedbackCompanyApi } from '../../credentials/FeedbackCompanyApi.credentials';
import { MailerLiteEcommerceApi } from '../../credentials/MailerLiteEcommerceApi.credentials';
import { MontlyApi } from '../../credentials/MontlyApi.credentials';
import { MontoApi } from '../../credentials/MontoApi.credentials';
import { Esputnik } from '../../nodes/Esputnik/Esputnik.node';
import { FeedbackCompany } from '../../nodes/FeedbackCompany/FeedbackCompany.node';
import { MailerLiteEcommerce } from '../../nodes/MailerLiteEcommerce/MailerLiteEcommerce.node';
import { Montly } from '../../nodes/Montly/Montly.node';
import { Monto } from '../../nodes/Monto/Monto.node';
import { runWorkflow } from '../harness/run-workflow';
import { serveForTests } from '../harness/serve';
import { createEsputnikSimulator, ESPUTNIK_API_KEY } from '../simulators/esputnik';
import { createFeedbackCompanySimulator, FC_CLIENT_ID, FC_CLIENT_SECRET } from '../simulators/feedback-company';
import { createMailerLiteSimulator, MAILERLITE_TOKEN, mailerLiteRateLimit } from '../simulators/mailerlite';
import { createMontlySimulator, MONTLY_API_KEY, MONTLY_WEBHOOK_SECRET } from '../simulators/montly';
import { createMontoSimulator, MONTO_API_KEY } from '../simulators/monto';

/*
 * Fields mode with the line items given as one list ({{ $json.items }}), through n8n-core, for
 * every node that has line items: the same list of friendly keys (as a Code node, a sheet or an
 * HTTP call gives it) becomes each provider's own line items, and a bad entry stops the item
 * before anything is sent.
 */

const fc = createFeedbackCompanySimulator();
const es = createEsputnikSimulator();
const ml = createMailerLiteSimulator();
const montly = createMontlySimulator();
const monto = createMontoSimulator();
let shopId: string;

serveForTests(fc.sim, () => fc.resetState());
serveForTests(es.sim, () => es.clear());
serveForTests(ml.sim, () => {
	ml.sim.rateLimit = mailerLiteRateLimit();
	for (const map of Object.values(ml.state)) if (map instanceof Map) map.clear();
	shopId = ml.seedShop({ name: 'Test shop' }).id;
});
serveForTests(montly.sim, () => montly.resetState());
serveForTests(monto.sim, () => monto.clear());

/** One order with two lines, in the friendly keys every node reads. */
const ORDER = {
	orderId: 'ORD-1',
	email: 'ann@example.com',
	name: 'Ann Andersson',
	items: [
		{
			productId: 'RD-1',
			sku: 'rd001',
			name: 'Red Delicious',
			quantity: 2,
			price: 19.99,
			url: 'https://shop.example.com/p/rd-1',
			imageUrl: 'https://shop.example.com/i/rd-1.jpg',
		},
		{ productId: 'GS-2', sku: 'gs002', name: 'Granny Smith', quantity: 1, price: 4.5, url: 'https://shop.example.com/p/gs-2' },
	],
};

const withBadEntry = { ...ORDER, items: [ORDER.items[0], { ...ORDER.items[1], colour: 'green' }] };

async function run(
	type: string,
	node: INodeType,
	parameters: INode['parameters'],
	items: IDataObject[],
	extra: { typeVersion?: number; onError?: INode['onError'] } = {},
) {
	const credentials: Record<string, IDataObject> = {
		feedbackCompany: { feedbackCompanyApi: { clientId: FC_CLIENT_ID, clientSecret: FC_CLIENT_SECRET, baseUrl: `${fc.sim.url}/api/v2`, accessToken: '' } },
		esputnik: { esputnikApi: { apiKey: ESPUTNIK_API_KEY, baseUrl: `${es.sim.url}/api` } },
		mailerLiteEcommerce: { mailerLiteEcommerceApi: { apiKey: MAILERLITE_TOKEN, baseUrl: `${ml.sim.url}/api` } },
		montly: { montlyApi: { apiKey: MONTLY_API_KEY, baseUrl: montly.sim.url, webhookSecret: MONTLY_WEBHOOK_SECRET } },
		monto: { montoApi: { apiKey: MONTO_API_KEY, baseUrl: monto.sim.url } },
	};
	return await runWorkflow({
		node: { type, parameters, typeVersion: extra.typeVersion, onError: extra.onError },
		nodeTypes: { [type]: node },
		credentialTypes: {
			feedbackCompanyApi: new FeedbackCompanyApi(),
			esputnikApi: new EsputnikApi(),
			mailerLiteEcommerceApi: new MailerLiteEcommerceApi(),
			montlyApi: new MontlyApi(),
			montoApi: new MontoApi(),
		},
		credentials: credentials[type] as never,
		items,
	});
}

describe('The Feedback Company → Order → Create: Products from a list', () => {
	const params = {
		resource: 'order',
		operation: 'create',
		external_id: '={{ $json.orderId }}',
		customerEmail: '={{ $json.email }}',
		productsInput: 'list',
		productsList: '={{ $json.items }}',
	};

	it('sends each entry as a product with The Feedback Company\'s keys', async () => {
		const r = await run('feedbackCompany', new FeedbackCompany(), params, [ORDER]);
		expect(r.status).toBe('success');
		const posts = fc.sim.requestsTo('POST', /\/orders$/);
		expect(posts).toHaveLength(1);
		expect((posts[0].json as IDataObject).products).toEqual([
			{
				external_id: 'RD-1',
				name: 'Red Delicious',
				url: 'https://shop.example.com/p/rd-1',
				sku: 'rd001',
				image_url: 'https://shop.example.com/i/rd-1.jpg',
			},
			{ external_id: 'GS-2', name: 'Granny Smith', url: 'https://shop.example.com/p/gs-2', sku: 'gs002' },
		]);
	});

	it('an unknown key stops the node naming the item, the position and the key; nothing is sent', async () => {
		const r = await run('feedbackCompany', new FeedbackCompany(), params, [ORDER, withBadEntry]);
		expect(r.status).toBe('error');
		expect(r.error?.message).toMatch(/^\[item 1\] .*products\[1\]\.colour\)?: /);
		expect(fc.sim.requestsTo('POST', /\/orders$/)).toHaveLength(0);
	});

	it('JSON text works too, and the fixed collection stays the default', async () => {
		const text = await run('feedbackCompany', new FeedbackCompany(), { ...params, productsList: JSON.stringify(ORDER.items.slice(1)) }, [ORDER]);
		expect(text.status).toBe('success');
		const fixed = await run(
			'feedbackCompany',
			new FeedbackCompany(),
			{ ...params, productsInput: undefined, productsList: undefined, products: { product: [{ external_id: 'X-1', name: 'X', url: 'https://s.example/x' }] } } as never,
			[ORDER],
		);
		expect(fixed.status).toBe('success');
		const products = fc.sim.requestsTo('POST', /\/orders$/).map((p) => (p.json as IDataObject).products);
		expect(products).toEqual([
			[{ external_id: 'GS-2', name: 'Granny Smith', url: 'https://shop.example.com/p/gs-2', sku: 'gs002' }],
			[{ external_id: 'X-1', name: 'X', url: 'https://s.example/x' }],
		]);
	});
});

describe('eSputnik → Order → Create or Update: Items from a list', () => {
	const params = {
		resource: 'order',
		operation: 'upsert',
		externalOrderId: '={{ $json.orderId }}',
		status: 'DELIVERED',
		date: '2024-05-01T10:00:00+02:00',
		totalCost: 44.48,
		currency: 'EUR',
		email: '={{ $json.email }}',
		itemsInput: 'list',
		itemsList: '={{ $json.items }}',
	};

	it('sends each entry as an item with eSputnik\'s keys (price is the cost)', async () => {
		const r = await run('esputnik', new Esputnik(), params, [ORDER]);
		expect(r.status).toBe('success');
		const [post] = es.sim.requestsTo('POST', /^\/api\/v1\/orders$/);
		expect((post.json as { orders: IDataObject[] }).orders[0].items).toEqual([
			{
				externalItemId: 'RD-1',
				name: 'Red Delicious',
				quantity: 2,
				cost: 19.99,
				url: 'https://shop.example.com/p/rd-1',
				imageUrl: 'https://shop.example.com/i/rd-1.jpg',
			},
			{ externalItemId: 'GS-2', name: 'Granny Smith', quantity: 1, cost: 4.5, url: 'https://shop.example.com/p/gs-2' },
		]);
	});

	it('a wrong type names the item, the position and the key as given; nothing is sent', async () => {
		const bad = { ...ORDER, items: [{ ...ORDER.items[0], price: 'free' }] };
		const r = await run('esputnik', new Esputnik(), params, [ORDER, bad]);
		expect(r.error?.message).toMatch(/^\[item 1\] .*items\[0\]\.price\)?: /);
		expect(es.sim.requestsTo('POST', /^\/api\/v1\/orders$/)).toHaveLength(0);
	});
});

describe('MailerLite → Order → Create and Import: Cart Items from a list', () => {
	const params = () => ({
		resource: 'order',
		operation: 'create',
		shopId: { __rl: true, mode: 'id', value: shopId },
		customerEmail: '={{ $json.email }}',
		cartItemsInput: 'list',
		cartItemsList: '={{ $json.items }}',
	});
	const cartItems = [
		{ ecommerce_product_id: 'RD-1', quantity: 2, price: 19.99 },
		{ ecommerce_product_id: 'GS-2', quantity: 1, price: 4.5 },
	];

	it('version 1: the cart as listed, nothing else added', async () => {
		const r = await run('mailerLiteEcommerce', new MailerLiteEcommerce(), params(), [ORDER], { typeVersion: 1 });
		expect(r.status).toBe('success');
		expect(ml.sim.requestsTo('POST', /\/orders$/)[0].json).toEqual({ customer: { email: 'ann@example.com' }, cart: { items: cartItems } });
	});

	it('version 1.1: the cart as listed, Complete, and the cart\'s sum as the total', async () => {
		const r = await run('mailerLiteEcommerce', new MailerLiteEcommerce(), params(), [ORDER], { typeVersion: 1.1 });
		expect(r.status).toBe('success');
		expect(ml.sim.requestsTo('POST', /\/orders$/)[0].json).toEqual({
			customer: { email: 'ann@example.com' },
			cart: { items: cartItems },
			status: 'complete',
			total_price: 44.48,
		});
	});

	it('Import takes the list too, one entry per input item', async () => {
		const r = await run('mailerLiteEcommerce', new MailerLiteEcommerce(), { ...params(), operation: 'import' }, [ORDER, { ...ORDER, email: 'bob@example.com' }], {
			typeVersion: 1.1,
		});
		expect(r.status).toBe('success');
		const [post] = ml.sim.requestsTo('POST', /\/orders\/import$/);
		expect((post.json as { orders: IDataObject[] }).orders.map((o) => o.cart)).toEqual([{ items: cartItems }, { items: cartItems }]);
	});

	it('an unknown key stops the node before anything is sent', async () => {
		const r = await run('mailerLiteEcommerce', new MailerLiteEcommerce(), params(), [withBadEntry], { typeVersion: 1.1 });
		expect(r.error?.message).toMatch(/^\[item 0\] .*cart\.items\[1\]\.colour\)?: /);
		expect(ml.sim.requests.filter((q) => q.method === 'POST')).toHaveLength(0);
	});
});

describe('Montly → Order → Create: Items from a list', () => {
	const params = {
		resource: 'order',
		operation: 'create',
		amountUnit: 'sek',
		orderId: '={{ $json.orderId }}',
		firstName: 'Ann',
		lastName: 'Andersson',
		company: 'Andersson AB',
		orgNumber: '559089-4308',
		email: '={{ $json.email }}',
		phone: '+46 8 123 456',
		customerIp: '131.168.20.70',
		totalPrice: 6044.48,
		VAT: 1511.12,
		shipping: 0,
		shippingVAT: 0,
		monthlyPrice: 100,
		months: 24,
		tariff: 1.47,
		billingAddress: 'Storgatan 1',
		billingCity: 'Stockholm',
		billingPostcode: '111 22',
		itemsInput: 'list',
		itemsList: '={{ $json.items }}',
	};
	const lines = [
		{ ...ORDER.items[0], price: 3000, vat: 1500 },
		{ ...ORDER.items[1], price: 44.48, vat: 11.12 },
	];

	it('price × quantity makes each line\'s total in öre, exactly; the friendly keys map to Montly\'s', async () => {
		const r = await run('montly', new Montly(), params, [{ ...ORDER, items: lines }]);
		expect(r.status).toBe('success');
		const [post] = montly.sim.requestsTo('POST', /^\/v1\/orders$/);
		const data = (post.json as { data: { relationships: { item: { data: IDataObject[] } }; attributes: IDataObject } }).data;
		expect(data.relationships.item.data).toEqual([
			{ name: 'Red Delicious', productId: 'RD-1', quantity: 2, totalPrice: 600000, VAT: 150000, sku: 'rd001' },
			{ name: 'Granny Smith', productId: 'GS-2', quantity: 1, totalPrice: 4448, VAT: 1112, sku: 'gs002' },
		]);
		expect(data.attributes.itemsCount).toBe(2);
	});

	it('an entry without its VAT names the position and the key; nothing is sent', async () => {
		const r = await run('montly', new Montly(), params, [{ ...ORDER, items: [lines[0], ORDER.items[1]] }]);
		expect(r.error?.message).toMatch(/^\[item 0\] .*data\.relationships\.item\.data\[1\]\.VAT\)?: /);
		expect(montly.sim.requestsTo('POST', /^\/v1\/orders$/)).toHaveLength(0);
	});
});

describe('Monto → Order → Create or Update: Item Slugs from a list of objects or of text', () => {
	const params = {
		resource: 'order',
		operation: 'upsert',
		orderId: '={{ $json.orderId }}',
		customerName: '={{ $json.name }}',
		customerEmail: '={{ $json.email }}',
		itemSlugs: '={{ $json.items }}',
		options: { requestInterval: 0 },
	};

	it('objects with slug (the friendly keys beside it left out) and plain slugs', async () => {
		const objects = ORDER.items.map((line, i) => ({ ...line, slug: ['red-delicious', 'granny-smith'][i] }));
		const r = await run('monto', new Monto(), params, [
			{ ...ORDER, items: objects },
			{ ...ORDER, orderId: 'ORD-2', items: ['red-delicious', 'granny-smith'] },
		]);
		expect(r.status).toBe('success');
		const items = monto.sim.requestsTo('POST', /\/orders$/).map((p) => (p.json as IDataObject).items);
		expect(items).toEqual([
			[{ slug: 'red-delicious' }, { slug: 'granny-smith' }],
			[{ slug: 'red-delicious' }, { slug: 'granny-smith' }],
		]);
	});

	it('an object without slug names the position; nothing is sent', async () => {
		const r = await run('monto', new Monto(), params, [ORDER]);
		expect(r.error?.message).toMatch(/^\[item 0\] .*items\[0\]\.slug\)?: /);
		expect(monto.sim.requestsTo('POST', /\/orders$/)).toHaveLength(0);
	});
});
