import type { IDataObject, INode, INodeParameters, INodeProperties } from 'n8n-workflow';

import { MailerLiteEcommerceApi } from '../../credentials/MailerLiteEcommerceApi.credentials';
import { MailerLiteEcommerce } from '../../nodes/MailerLiteEcommerce/MailerLiteEcommerce.node';
import { runWorkflow } from '../harness/run-workflow';
import { createMailerLiteSimulator, MAILERLITE_TOKEN } from '../simulators/mailerlite';
import type { ShopifyFixture, WooFixture } from './fixtures';
import { SHOPIFY, SHOPIFY_NAMES, WOO, WOO_NAMES } from './fixtures';
import { serveForTests } from '../harness/serve';

/* Each Shopify and WooCommerce fixture through MailerLite's order and customer writes, in n8n's engine. */

const ml = createMailerLiteSimulator();
const { sim } = ml;
let shopId: string;

serveForTests(sim, () => {
	for (const map of Object.values(ml.state)) if (map instanceof Map) map.clear();
	shopId = ml.seedShop({ name: 'Demo shop' }).id;
});

async function run(parameters: INodeParameters, items: IDataObject[], onError?: INode['onError']) {
	return await runWorkflow({
		node: { type: 'mailerLiteEcommerce', parameters: { shopId: { __rl: true, mode: 'id', value: shopId }, ...parameters }, onError },
		nodeTypes: { mailerLiteEcommerce: new MailerLiteEcommerce() },
		credentialTypes: { mailerLiteEcommerceApi: new MailerLiteEcommerceApi() },
		credentials: { mailerLiteEcommerceApi: { apiKey: MAILERLITE_TOKEN, baseUrl: `${sim.url}/api` } },
		items,
	});
}

const writes = () => sim.requests.filter((r) => r.method !== 'GET');
const bodiesTo = (pattern: RegExp) => writes().filter((r) => pattern.test(r.path)).map((r) => r.json);

const refused = (status: string) =>
	`[item 0] Status (status): The order is ${status} and MailerLite has no status for that (pending would start abandoned-cart e-mails, complete counts a purchase). Leave such orders out, e.g. with an If node, or choose a Status`;

type Name = ShopifyFixture | `woo.${WooFixture}`;

const ORDERS: Record<Name, IDataObject | string> = {
	standard: {
		customer: { email: 'jane.doe@example.com', accepts_marketing: true },
		cart: {
			items: [
				{ ecommerce_product_id: '8123456789012', variant: 'Blue / M', quantity: 2, price: 24.9 },
				{ ecommerce_product_id: '8123456789055', quantity: 1, price: 15 },
			],
		},
		status: 'complete',
		total_price: 69.75,
	},
	guestDiscount: {
		customer: { email: 'alex.rivera@example.net', accepts_marketing: false },
		cart: {
			items: [
				{ ecommerce_product_id: '8123400011122', variant: '42 / Forest', quantity: 1, price: 120 },
				{ ecommerce_product_id: '8123400022233', variant: 'L', quantity: 3, price: 14.5 },
				{ ecommerce_product_id: '8123400033344', quantity: 1, price: 9.99 },
			],
		},
		status: 'complete',
		total_price: 176.13,
	},
	presentmentSek: {
		customer: { email: 'inkop@nordljus.se', accepts_marketing: false },
		cart: {
			items: [
				{ ecommerce_product_id: '8123455500011', variant: '16 GB / 512 GB', quantity: 1, price: 1299 },
				{ ecommerce_product_id: '8123455500022', quantity: 2, price: 299 },
			],
		},
		status: 'complete',
		total_price: 1909.9,
	},
	jpy: {
		customer: { email: 'haruto.sato@example.jp', accepts_marketing: true },
		cart: {
			items: [
				{ ecommerce_product_id: '8123477700011', quantity: 1, price: 1980 },
				{ ecommerce_product_id: '8123477700022', quantity: 1, price: 12000 },
			],
		},
		status: 'complete',
		total_price: 13980,
	},
	refunded: refused('refunded'),
	cancelled: refused('cancelled'),
	'woo.processing': {
		customer: { email: 'sanne.devries@example.nl' },
		cart: {
			items: [
				{ ecommerce_product_id: '1201', variant: 'Blue', quantity: 1, price: 41.32 },
				{ ecommerce_product_id: '1188', quantity: 2, price: 12.4 },
			],
		},
		status: 'complete',
		total_price: 86,
	},
	'woo.guestCoupon': {
		customer: { email: 'maya.chen@example.com' },
		cart: {
			items: [
				{ ecommerce_product_id: '2210', quantity: 2, price: 25 },
				{ ecommerce_product_id: '2245', quantity: 1, price: 12.99 },
				// 20.00 for 3: the unit price is rounded to the cent.
				{ ecommerce_product_id: '2251', quantity: 3, price: 6.67 },
			],
		},
		status: 'complete',
		total_price: 76.54,
	},
	'woo.sek': {
		customer: { email: 'erik@fjallvagenbygg.se' },
		cart: {
			items: [
				{ ecommerce_product_id: '3301', quantity: 1, price: 15996 },
				{ ecommerce_product_id: '3302', quantity: 1, price: 1596 },
			],
		},
		status: 'complete',
		total_price: 22239,
	},
	'woo.jpy': {
		customer: { email: 'yui.tanaka@example.jp' },
		cart: {
			items: [
				{ ecommerce_product_id: '4401', quantity: 1, price: 3000 },
				{ ecommerce_product_id: '4402', quantity: 2, price: 800 },
			],
		},
		status: 'pending',
		total_price: 5060,
	},
	'woo.refunded': refused('refunded'),
	'woo.cancelled': refused('cancelled'),
};

const CUSTOMERS: Record<Name, IDataObject> = {
	standard: {
		email: 'jane.doe@example.com',
		accepts_marketing: true,
		subscriber_fields: { name: 'Jane', last_name: 'Doe', phone: '+31612345678', city: 'Amsterdam', country: 'NL', z_i_p: '1015 CJ' },
	},
	guestDiscount: {
		email: 'alex.rivera@example.net',
		accepts_marketing: false,
		subscriber_fields: { name: 'Alex', last_name: 'Rivera', phone: '+12125550147', city: 'New York', state: 'New York', country: 'US', z_i_p: '10118' },
	},
	presentmentSek: {
		email: 'inkop@nordljus.se',
		accepts_marketing: false,
		subscriber_fields: { name: 'Karin', last_name: 'Lindqvist', phone: '+46701234567', company: 'Nordljus AB', city: 'Stockholm', country: 'SE', z_i_p: '111 34' },
	},
	jpy: { email: 'haruto.sato@example.jp', accepts_marketing: true, subscriber_fields: { name: 'Haruto', last_name: 'Sato' } },
	refunded: {
		email: 'oliver.bennett@example.co.uk',
		accepts_marketing: false,
		subscriber_fields: { name: 'Oliver', last_name: 'Bennett', phone: '+447700900123', city: 'London', state: 'England', country: 'GB', z_i_p: 'NW1 6XE' },
	},
	cancelled: {
		email: 'lukas.schneider@example.de',
		accepts_marketing: true,
		subscriber_fields: { name: 'Lukas', last_name: 'Schneider', phone: '+4915123456789', city: 'Berlin', country: 'DE', z_i_p: '10119' },
	},
	'woo.processing': {
		email: 'sanne.devries@example.nl',
		subscriber_fields: { name: 'Sanne', last_name: 'de Vries', phone: '+31 6 12345678', city: 'Utrecht', country: 'NL', z_i_p: '3511 NH' },
	},
	'woo.guestCoupon': {
		email: 'maya.chen@example.com',
		subscriber_fields: { name: 'Maya', last_name: 'Chen', city: 'Portland', state: 'OR', country: 'US', z_i_p: '97205' },
	},
	'woo.sek': {
		email: 'erik@fjallvagenbygg.se',
		subscriber_fields: { name: 'Erik', last_name: 'Johansson', phone: '+46 70 123 45 67', company: 'Fjällvägen Bygg AB', city: 'Östersund', country: 'SE', z_i_p: '831 32' },
	},
	'woo.jpy': {
		email: 'yui.tanaka@example.jp',
		subscriber_fields: { name: 'Yui', last_name: 'Tanaka', phone: '090-1234-5678', city: 'Shibuya-ku', state: 'JP13', country: 'JP', z_i_p: '150-0001' },
	},
	'woo.refunded': {
		email: 'amelia.hughes@example.co.uk',
		subscriber_fields: { name: 'Amelia', last_name: 'Hughes', phone: '07700 900456', city: 'Bristol', state: 'Bristol', country: 'GB', z_i_p: 'BS1 4DJ' },
	},
	'woo.cancelled': {
		email: 'mia.wagner@example.de',
		subscriber_fields: { name: 'Mia', last_name: 'Wagner', phone: '+49 151 23456789', city: 'München', state: 'BY', country: 'DE', z_i_p: '80336' },
	},
};

const ALL: Array<{ name: Name; mode: string; item: IDataObject }> = [
	...SHOPIFY_NAMES.map((name) => ({ name, mode: 'shopifyOrder', item: SHOPIFY[name] })),
	...WOO_NAMES.map((name) => ({ name: `woo.${name}` as Name, mode: 'wooCommerceOrder', item: WOO[name] })),
];

describe('MailerLite Order → Create from a shop order', () => {
	it.each(ALL)('$name', async ({ name, mode, item }) => {
		const r = await run({ resource: 'order', operation: 'create', inputMode: mode }, [item]);
		const expected = ORDERS[name];
		if (typeof expected === 'string') {
			expect(r.error?.message).toBe(expected);
			expect(writes()).toEqual([]);
			return;
		}
		expect(r.error).toBeUndefined();
		expect(bodiesTo(/\/orders$/)).toEqual([expected]);
		expect(r.output[0].json.status).toBe(expected.status);
	});

	it('sends a cancelled order with the status chosen, and asks for a subscriber', async () => {
		const r = await run({ resource: 'order', operation: 'create', inputMode: 'shopifyOrder', statusOverride: 'pending', createSubscriber: true }, [
			SHOPIFY.cancelled,
		]);
		expect(r.error).toBeUndefined();
		expect(bodiesTo(/\/orders$/)).toEqual([
			{
				customer: { email: 'lukas.schneider@example.de', create_subscriber: true, accepts_marketing: true },
				cart: {
					items: [
						{ ecommerce_product_id: '8123511100011', quantity: 2, price: 28.9 },
						{ ecommerce_product_id: '8123511100022', variant: 'Black', quantity: 1, price: 39 },
					],
				},
				status: 'pending',
				total_price: 96.8,
			},
		]);
	});

	it('an unpaid WooCommerce order is pending, with its pay link as checkout URL', async () => {
		const r = await run({ resource: 'order', operation: 'create', inputMode: 'wooCommerceOrder' }, [
			{ ...WOO.processing, status: 'pending', needs_payment: true },
		]);
		expect(r.error).toBeUndefined();
		expect(bodiesTo(/\/orders$/)).toEqual([
			{
				...(ORDERS['woo.processing'] as IDataObject),
				cart: {
					...((ORDERS['woo.processing'] as IDataObject).cart as IDataObject),
					checkout_url: 'https://shop.example.com/checkout/order-pay/727/?pay_for_order=true&key=wc_order_Zq8pW3rT5yUx1',
				},
				status: 'pending',
			},
		]);
	});

	it('an order without an e-mail address is refused, naming the field', async () => {
		const r = await run({ resource: 'order', operation: 'create', inputMode: 'shopifyOrder' }, [
			{ ...SHOPIFY.jpy, email: null, contact_email: null, customer: null },
		]);
		expect(r.error?.message).toBe('[item 0] Customer Email (customer.email): The order has no e-mail address, and MailerLite knows customers by e-mail');
		expect(writes()).toEqual([]);
	});
});

describe('MailerLite Order → Import and Update from shop orders', () => {
	it('imports every order of the run in one request', async () => {
		const names: Name[] = ['standard', 'guestDiscount', 'jpy'];
		const r = await run({ resource: 'order', operation: 'import', inputMode: 'shopifyOrder' }, names.map((n) => SHOPIFY[n as ShopifyFixture]));
		expect(r.error).toBeUndefined();
		expect(bodiesTo(/\/orders\/import$/)).toEqual([{ orders: names.map((n) => ORDERS[n]) }]);
		expect(r.output.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('stops an import before sending when one order cannot be mapped', async () => {
		const r = await run({ resource: 'order', operation: 'import', inputMode: 'wooCommerceOrder' }, [WOO.processing, WOO.refunded]);
		expect(r.error?.message).toBe(refused('refunded').replace('[item 0]', '[item 1]'));
		expect(writes()).toEqual([]);
	});

	it('updates status and total from the order; the order id is a parameter, as in the other modes', async () => {
		const [created] = ml.seedOrders(shopId, 1);
		const r = await run({ resource: 'order', operation: 'update', orderId: created.id, inputMode: 'shopifyOrder' }, [SHOPIFY.guestDiscount]);
		expect(r.error).toBeUndefined();
		expect(bodiesTo(/\/orders\/\d+$/)).toEqual([{ status: 'complete', total_price: 176.13 }]);
	});
});

describe('MailerLite Customer → Create and Update from a shop order', () => {
	it.each(ALL)('$name', async ({ name, mode, item }) => {
		const r = await run({ resource: 'customer', operation: 'create', inputMode: mode }, [item]);
		expect(r.error).toBeUndefined();
		expect(bodiesTo(/\/customers$/)).toEqual([CUSTOMERS[name]]);
	});

	it('updates the customer with the order\'s data and asks for a subscriber', async () => {
		const [customer] = ml.seedCustomers(shopId, 1);
		const r = await run(
			{ resource: 'customer', operation: 'update', customerId: customer.id, inputMode: 'wooCommerceOrder', createSubscriber: true },
			[WOO.sek],
		);
		expect(r.error).toBeUndefined();
		expect(bodiesTo(/\/customers\/\d+$/)).toEqual([{ ...CUSTOMERS['woo.sek'], create_subscriber: true }]);
	});
});

describe('Operations a shop order cannot fill keep Fields and JSON only', () => {
	const inputModes = (resource: string, operation: string) =>
		new MailerLiteEcommerce().description.properties
			.filter((p: INodeProperties) => p.name === 'inputMode' && p.displayOptions?.show?.resource?.includes(resource) && p.displayOptions?.show?.operation?.includes(operation))
			.flatMap((p) => (p.options as Array<{ value: string }>).map((o) => o.value));

	it.each([
		['shop', 'create'],
		['category', 'update'],
		['product', 'import'],
		['cartItem', 'create'],
		['cart', 'update'],
	])('%s %s', (resource, operation) => {
		expect(inputModes(resource, operation)).toEqual(['fields', 'json']);
	});

	it.each([
		['order', 'create'],
		['order', 'update'],
		['order', 'import'],
		['customer', 'create'],
		['customer', 'update'],
	])('%s %s offers the order modes', (resource, operation) => {
		expect(inputModes(resource, operation)).toEqual(['fields', 'json', 'shopifyOrder', 'wooCommerceOrder']);
	});
});
