import type { IDataObject, INode, INodeParameters } from 'n8n-workflow';

import { EsputnikApi } from '../../credentials/EsputnikApi.credentials';
import { Esputnik } from '../../nodes/Esputnik/Esputnik.node';
import { runWorkflow } from '../harness/run-workflow';
import { createEsputnikSimulator, ESPUTNIK_API_KEY } from '../simulators/esputnik';
import type { ShopifyFixture, WooFixture } from './fixtures';
import { SHOPIFY, SHOPIFY_NAMES, WOO, WOO_NAMES } from './fixtures';
import { serveForTests } from '../harness/serve';

/* Each Shopify and WooCommerce fixture through eSputnik → Order → Create or Update, in n8n's engine. */

const es = createEsputnikSimulator();
const { sim } = es;

serveForTests(sim, () => es.clear());

async function run(parameters: INodeParameters, items: IDataObject[], onError?: INode['onError']) {
	return await runWorkflow({
		node: { type: 'esputnik', parameters: { resource: 'order', operation: 'upsert', ...parameters }, onError },
		nodeTypes: { esputnik: new Esputnik() },
		credentialTypes: { esputnikApi: new EsputnikApi() },
		credentials: { esputnikApi: { apiKey: ESPUTNIK_API_KEY, baseUrl: `${sim.url}/api` } },
		items,
	});
}

const posts = () => sim.requestsTo('POST', /^\/api\/v1\/orders$/);
const sent = () => posts().flatMap((r) => (r.json as { orders: IDataObject[] }).orders);

const SHOPIFY_BODIES: Record<ShopifyFixture, IDataObject> = {
	standard: {
		externalOrderId: '5873478926583',
		status: 'INITIALIZED',
		date: '2024-11-20T14:03:11+01:00',
		totalCost: 69.75,
		currency: 'EUR',
		externalCustomerId: '7214368751863',
		email: 'jane.doe@example.com',
		phone: '31612345678',
		firstName: 'Jane',
		lastName: 'Doe',
		shipping: 4.95,
		discount: 0,
		taxes: 12.1,
		restoreUrl: 'https://demo-shop.example.com/73462382839/orders/8f2c61a0b4e5d7c9/authenticate?key=9b1d2c',
		deliveryMethod: 'PostNL Standard',
		paymentMethod: 'shopify_payments',
		deliveryAddress: 'Keizersgracht 123 3 hoog, 1015 CJ Amsterdam, Netherlands',
		additionalInfo: { orderNumber: '#1042' },
		items: [
			{ externalItemId: '8123456789012', name: 'Organic T-shirt - Blue / M', quantity: 2, cost: 49.8 },
			{ externalItemId: '8123456789055', name: 'Ceramic mug', quantity: 1, cost: 15 },
		],
	},
	guestDiscount: {
		externalOrderId: '5873501114871',
		status: 'IN_PROGRESS',
		date: '2024-11-21T09:41:27-05:00',
		totalCost: 176.13,
		currency: 'USD',
		email: 'alex.rivera@example.net',
		phone: '12125550147',
		firstName: 'Alex',
		lastName: 'Rivera',
		shipping: 7.5,
		discount: 17.35,
		taxes: 12.49,
		restoreUrl: 'https://demo-shop.example.com/73462382839/orders/3c9e0f17aa52d8b4/authenticate?key=3c9e0f',
		deliveryMethod: 'UPS Ground',
		paymentMethod: 'shopify_payments',
		deliveryAddress: '350 5th Ave Apt 12B, 10118 New York, New York, United States',
		additionalInfo: { orderNumber: '#1043', discountCodes: ['SPRING10'] },
		items: [
			{ externalItemId: '8123400011122', name: 'Trail Running Shoes - 42 / Forest', quantity: 1, cost: 120 },
			{ externalItemId: '8123400022233', name: 'Merino Socks - L', quantity: 3, cost: 43.5 },
			{ externalItemId: '8123400033344', name: 'Water Bottle', quantity: 1, cost: 9.99 },
		],
	},
	presentmentSek: {
		externalOrderId: '5873523306231',
		status: 'DELIVERED',
		date: '2024-11-22T10:15:02+01:00',
		totalCost: 1909.9,
		currency: 'EUR',
		externalCustomerId: '7214399012087',
		email: 'inkop@nordljus.se',
		phone: '46701234567',
		firstName: 'Karin',
		lastName: 'Lindqvist',
		shipping: 12.9,
		discount: 0,
		taxes: 381.98,
		restoreUrl: 'https://demo-shop.example.com/73462382839/orders/77d1c4e09b3f2a61/authenticate?key=77d1c4',
		deliveryMethod: 'DHL Freight',
		paymentMethod: 'shopify_payments',
		deliveryAddress: 'Sveavägen 44 Leveransport 2, 111 34 Stockholm, Sweden',
		additionalInfo: { orderNumber: '#1044' },
		items: [
			{ externalItemId: '8123455500011', name: 'ProBook 14 Laptop - 16 GB / 512 GB', quantity: 1, cost: 1299 },
			{ externalItemId: '8123455500022', name: '27" 4K Monitor', quantity: 2, cost: 598 },
		],
	},
	jpy: {
		externalOrderId: '5873545497591',
		status: 'DELIVERED',
		date: '2024-11-23T21:07:55+09:00',
		totalCost: 13980,
		currency: 'JPY',
		externalCustomerId: '7214401204471',
		email: 'haruto.sato@example.jp',
		firstName: 'Haruto',
		lastName: 'Sato',
		shipping: 0,
		discount: 0,
		taxes: 1271,
		restoreUrl: 'https://demo-shop.example.jp/73462382839/orders/a05be7c3d9f14e28/authenticate?key=a05be7',
		paymentMethod: 'shopify_payments',
		additionalInfo: { orderNumber: '#1045' },
		items: [
			{ externalItemId: '8123477700011', name: 'Kanji Workbook (e-book)', quantity: 1, cost: 1980 },
			{ externalItemId: '8123477700022', name: 'JLPT N3 Online Course', quantity: 1, cost: 12000 },
		],
	},
	refunded: {
		externalOrderId: '5873567688951',
		status: 'CANCELLED',
		date: '2024-11-24T12:48:19+00:00',
		totalCost: 48.95,
		currency: 'GBP',
		externalCustomerId: '7214403396855',
		email: 'oliver.bennett@example.co.uk',
		phone: '447700900123',
		firstName: 'Oliver',
		lastName: 'Bennett',
		shipping: 3.95,
		discount: 0,
		taxes: 8.16,
		restoreUrl: 'https://demo-shop.example.com/73462382839/orders/e4f8a2b16c0d9357/authenticate?key=e4f8a2',
		deliveryMethod: 'Royal Mail Tracked 48',
		paymentMethod: 'shopify_payments',
		deliveryAddress: '221 Baker Street, NW1 6XE London, England, United Kingdom',
		additionalInfo: { orderNumber: '#1046' },
		items: [{ externalItemId: '8123499900011', name: 'Wool Scarf - Forest Green', quantity: 1, cost: 45 }],
	},
	cancelled: {
		externalOrderId: '5873589880311',
		status: 'CANCELLED',
		date: '2024-11-25T07:55:41+01:00',
		totalCost: 96.8,
		currency: 'EUR',
		externalCustomerId: '7214405589239',
		email: 'lukas.schneider@example.de',
		phone: '4915123456789',
		firstName: 'Lukas',
		lastName: 'Schneider',
		shipping: 0,
		discount: 0,
		taxes: 15.46,
		restoreUrl: 'https://demo-shop.example.com/73462382839/orders/5b2d9e81f7a3c046/authenticate?key=5b2d9e',
		deliveryMethod: 'Free shipping',
		paymentMethod: 'shopify_payments',
		deliveryAddress: 'Torstraße 109, 10119 Berlin, Germany',
		additionalInfo: { orderNumber: '#1047' },
		items: [
			{ externalItemId: '8123511100011', name: 'Espresso Beans 1 kg', quantity: 2, cost: 57.8 },
			{ externalItemId: '8123511100022', name: 'Milk Frother - Black', quantity: 1, cost: 39 },
		],
	},
};

const WOO_BODIES: Record<WooFixture, IDataObject> = {
	processing: {
		externalOrderId: '727',
		status: 'IN_PROGRESS',
		date: '2024-05-06T12:22:10Z',
		totalCost: 86,
		currency: 'EUR',
		externalCustomerId: '42',
		email: 'sanne.devries@example.nl',
		phone: '31612345678',
		firstName: 'Sanne',
		lastName: 'de Vries',
		shipping: 4.95,
		discount: 0,
		taxes: 14.93,
		deliveryMethod: 'PostNL',
		paymentMethod: 'iDEAL',
		deliveryAddress: 'Oudegracht 211, 3511 NH Utrecht, NL',
		additionalInfo: { orderNumber: '727', note: 'Graag bij de buren afgeven als ik niet thuis ben.' },
		items: [
			{ externalItemId: '1201', name: 'Hoodie - Blue', quantity: 1, cost: 41.32 },
			{ externalItemId: '1188', name: 'Beanie', quantity: 2, cost: 24.8 },
		],
	},
	guestCoupon: {
		externalOrderId: '1093',
		status: 'DELIVERED',
		date: '2024-06-14T22:03:44Z',
		totalCost: 76.54,
		currency: 'USD',
		email: 'maya.chen@example.com',
		firstName: 'Maya',
		lastName: 'Chen',
		shipping: 6,
		discount: 12.45,
		taxes: 0,
		deliveryMethod: 'Flat rate',
		paymentMethod: 'Credit Card (Stripe)',
		deliveryAddress: '1420 Elm Street, 97205 Portland, OR, US',
		additionalInfo: { orderNumber: '1093', discountCodes: ['welcome15'] },
		items: [
			{ externalItemId: '2210', name: 'Ceramic Planter', quantity: 2, cost: 50 },
			{ externalItemId: '2245', name: 'Potting Soil 5L', quantity: 1, cost: 12.99 },
			{ externalItemId: '2251', name: 'Plant Food (3-pack deal)', quantity: 3, cost: 20 },
		],
	},
	sek: {
		externalOrderId: '2048',
		status: 'DELIVERED',
		date: '2024-09-02T08:31:12Z',
		totalCost: 22239,
		currency: 'SEK',
		externalCustomerId: '311',
		email: 'erik@fjallvagenbygg.se',
		phone: '46701234567',
		firstName: 'Erik',
		lastName: 'Johansson',
		shipping: 199.2,
		discount: 0,
		taxes: 4447.8,
		deliveryMethod: 'DB Schenker',
		paymentMethod: 'Banköverföring',
		deliveryAddress: 'Industrigatan 4 Port B, 831 48 Östersund, SE',
		additionalInfo: { orderNumber: '2048' },
		items: [
			{ externalItemId: '3301', name: 'Robotgräsklippare X7', quantity: 1, cost: 15996 },
			{ externalItemId: '3302', name: 'Laddstation', quantity: 1, cost: 1596 },
		],
	},
	jpy: {
		externalOrderId: '3310',
		status: 'IN_PROGRESS',
		date: '2024-10-11T13:45:09Z',
		totalCost: 5060,
		currency: 'JPY',
		externalCustomerId: '7',
		email: 'yui.tanaka@example.jp',
		phone: '09012345678',
		firstName: 'Yui',
		lastName: 'Tanaka',
		shipping: 0,
		discount: 0,
		taxes: 460,
		paymentMethod: 'Direct bank transfer',
		additionalInfo: { orderNumber: '3310' },
		items: [
			{ externalItemId: '4401', name: 'Digital Art Print (Download)', quantity: 1, cost: 3000 },
			{ externalItemId: '4402', name: 'Brush Pack', quantity: 2, cost: 1600 },
		],
	},
	refunded: {
		externalOrderId: '4120',
		status: 'CANCELLED',
		date: '2024-07-19T10:05:33Z',
		totalCost: 48,
		currency: 'GBP',
		externalCustomerId: '58',
		email: 'amelia.hughes@example.co.uk',
		phone: '07700900456',
		firstName: 'Amelia',
		lastName: 'Hughes',
		shipping: 2.5,
		discount: 0,
		taxes: 8,
		deliveryMethod: 'Royal Mail',
		paymentMethod: 'PayPal',
		deliveryAddress: '14 Rose Lane, BS1 4DJ Bristol, Bristol, GB',
		additionalInfo: { orderNumber: '4120' },
		items: [{ externalItemId: '5120', name: 'Leather Wallet', quantity: 1, cost: 37.5 }],
	},
	cancelled: {
		externalOrderId: '4388',
		status: 'CANCELLED',
		date: '2024-08-08T07:14:27Z',
		totalCost: 40,
		currency: 'EUR',
		externalCustomerId: '73',
		email: 'mia.wagner@example.de',
		phone: '4915123456789',
		firstName: 'Mia',
		lastName: 'Wagner',
		shipping: 0,
		discount: 0,
		taxes: 6.39,
		deliveryMethod: 'Free shipping',
		paymentMethod: 'Credit Card (Stripe)',
		deliveryAddress: 'Schillerstraße 8, 80336 München, BY, DE',
		additionalInfo: { orderNumber: '4388' },
		items: [{ externalItemId: '6101', name: 'Yoga Mat', quantity: 1, cost: 33.61 }],
	},
};

describe('eSputnik ← Shopify order', () => {
	it.each(SHOPIFY_NAMES)('%s: sends the mapped order', async (name) => {
		const r = await run({ inputMode: 'shopifyOrder' }, [SHOPIFY[name]]);
		expect(r.error).toBeUndefined();
		expect(posts()).toHaveLength(1);
		expect(posts()[0].json).toEqual({ orders: [SHOPIFY_BODIES[name]] });
		expect(r.output.map((i) => i.json)).toEqual([{ success: true, ...SHOPIFY_BODIES[name] }]);
		expect(r.output[0].pairedItem).toEqual({ item: 0 });
	});

	it('sends the amounts the customer paid in the presentment currency (SEK) when asked', async () => {
		const r = await run({ inputMode: 'shopifyOrder', shopifyCurrency: 'presentment' }, [SHOPIFY.presentmentSek]);
		expect(r.error).toBeUndefined();
		expect(sent()).toEqual([
			{
				...SHOPIFY_BODIES.presentmentSek,
				totalCost: 22134,
				currency: 'SEK',
				shipping: 149,
				taxes: 4426.8,
				items: [
					{ externalItemId: '8123455500011', name: 'ProBook 14 Laptop - 16 GB / 512 GB', quantity: 1, cost: 14995 },
					{ externalItemId: '8123455500022', name: '27" 4K Monitor', quantity: 2, cost: 6990 },
				],
			},
		]);
	});

	it('sends every order of a run in one batch, in input order', async () => {
		const r = await run({ inputMode: 'shopifyOrder' }, SHOPIFY_NAMES.map((n) => SHOPIFY[n]));
		expect(r.error).toBeUndefined();
		expect(posts()).toHaveLength(1);
		expect(sent()).toEqual(SHOPIFY_NAMES.map((n) => SHOPIFY_BODIES[n]));
		expect(r.output.map((i) => i.pairedItem)).toEqual(SHOPIFY_NAMES.map((_, item) => ({ item })));
	});

	it('reads the order under "body" as a Webhook node outputs it', async () => {
		const r = await run({ inputMode: 'shopifyOrder' }, [
			{ headers: { 'x-shopify-topic': 'orders/create' }, params: {}, query: {}, body: SHOPIFY.standard },
		]);
		expect(r.error).toBeUndefined();
		expect(sent()).toEqual([SHOPIFY_BODIES.standard]);
	});

	it('sends the chosen status instead of the mapped one, also from an expression', async () => {
		await run({ inputMode: 'shopifyOrder', statusOverride: 'DELIVERED' }, [SHOPIFY.standard]);
		await run({ inputMode: 'shopifyOrder', statusOverride: '={{ $json.financial_status === "paid" ? "IN_PROGRESS" : "INITIALIZED" }}' }, [
			SHOPIFY.standard,
		]);
		expect(sent().map((o) => o.status)).toEqual(['DELIVERED', 'IN_PROGRESS']);
	});

	it('rejects a status override that is not one of eSputnik\'s, like the other modes', async () => {
		const r = await run({ inputMode: 'shopifyOrder', statusOverride: '={{ "shipped" }}' }, [SHOPIFY.standard]);
		expect(r.error?.message).toBe(
			'[item 0] Status (status): "shipped" must be one of INITIALIZED, IN_PROGRESS, DELIVERED, CANCELLED, ABANDONED_SHOPPING_CART (or choose a Status Mapping in Options)',
		);
		expect(posts()).toHaveLength(0);
	});

	it('validates the mapped order with the node\'s own schema: amounts that do not add up are refused', async () => {
		const r = await run({ inputMode: 'shopifyOrder' }, [{ ...SHOPIFY.standard, total_price: '70.75' }]);
		expect(r.error?.message).toMatch(/^\[item 0\] Total Cost \(totalCost\): Item costs 64\.80 .* do not add up to 70\.75/);
		expect(posts()).toHaveLength(0);
	});

	it('names the item and the Shopify field of a bad amount; with On Error: Continue the others are sent', async () => {
		const broken = { ...SHOPIFY.guestDiscount, total_price: '176,13' };
		const r = await run({ inputMode: 'shopifyOrder' }, [SHOPIFY.standard, broken, SHOPIFY.jpy], 'continueRegularOutput');
		expect(r.status).toBe('success');
		expect(sent()).toEqual([SHOPIFY_BODIES.standard, SHOPIFY_BODIES.jpy]);
		expect(r.output[1].json).toEqual({
			error: '[item 1] total_price: "176,13" must be a number like 9627.68',
			details: { description: 'Nothing was sent for this item.' },
		});
		expect(r.output.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('stops before sending anything when an item is not a Shopify order', async () => {
		const r = await run({ inputMode: 'shopifyOrder' }, [SHOPIFY.standard, { id: 1, note: 'not an order' }]);
		expect(r.status).toBe('error');
		expect(r.error?.message).toBe(
			'[item 1] (item): Not a Shopify order: it has no line_items. Connect a Shopify Trigger or Shopify node, or a Webhook node receiving Shopify\'s order webhooks',
		);
		expect(posts()).toHaveLength(0);
	});
});

describe('eSputnik ← WooCommerce order', () => {
	it.each(WOO_NAMES)('%s: sends the mapped order', async (name) => {
		const r = await run({ inputMode: 'wooCommerceOrder' }, [WOO[name]]);
		expect(r.error).toBeUndefined();
		expect(posts()).toHaveLength(1);
		expect(posts()[0].json).toEqual({ orders: [WOO_BODIES[name]] });
	});

	it('maps WooCommerce statuses as Yespo\'s plugin does, and an unpaid order gets its pay link as restore URL', async () => {
		const pending = { ...WOO.processing, status: 'pending', needs_payment: true };
		const r = await run({ inputMode: 'wooCommerceOrder' }, [pending, { ...WOO.processing, status: 'failed' }, { ...WOO.processing, status: 'checkout-draft' }]);
		expect(r.error).toBeUndefined();
		expect(sent().map((o) => [o.status, o.restoreUrl])).toEqual([
			['INITIALIZED', 'https://shop.example.com/checkout/order-pay/727/?pay_for_order=true&key=wc_order_Zq8pW3rT5yUx1'],
			['CANCELLED', undefined],
			['INITIALIZED', undefined],
		]);
	});
});
