import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters, INodeType } from 'n8n-workflow';

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
import type { Simulator } from '../simulators/base';
import { createEsputnikSimulator, ESPUTNIK_API_KEY } from '../simulators/esputnik';
import { createFeedbackCompanySimulator, FC_CLIENT_ID, FC_CLIENT_SECRET } from '../simulators/feedback-company';
import { createMailerLiteSimulator, MAILERLITE_TOKEN } from '../simulators/mailerlite';
import { createMontlySimulator, MONTLY_API_KEY, MONTLY_WEBHOOK_SECRET } from '../simulators/montly';
import { createMontoSimulator, MONTO_API_KEY } from '../simulators/monto';
// Loaded by jest with JSON.parse, as n8n's Shopify Trigger and Webhook node read a webhook body.
import hugeIds from '../fixtures/shopify/huge-ids-sek.json';
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

const es = createEsputnikSimulator();
const ml = createMailerLiteSimulator();
const monto = createMontoSimulator();
const fc = createFeedbackCompanySimulator();
const montly = createMontlySimulator();
let shopId: string;

serveForTests(es.sim, () => es.clear());
serveForTests(ml.sim, () => {
	for (const map of Object.values(ml.state)) if (map instanceof Map) map.clear();
	shopId = ml.seedShop({ name: 'Demo shop' }).id;
});
serveForTests(monto.sim, () => monto.clear());
serveForTests(fc.sim, () => fc.resetState());
serveForTests(montly.sim, () => montly.resetState());

const SIMS: Simulator[] = [es.sim, ml.sim, monto.sim, fc.sim, montly.sim];

interface Provider {
	type: string;
	node: INodeType;
	credentialType: string;
	credential: () => ICredentialDataDecryptedObject;
	credentialClass: object;
	parameters: () => INodeParameters;
}

const PROVIDERS: Record<string, Provider> = {
	esputnik: {
		type: 'esputnik',
		node: new Esputnik(),
		credentialType: 'esputnikApi',
		credentialClass: new EsputnikApi(),
		credential: () => ({ apiKey: ESPUTNIK_API_KEY, baseUrl: `${es.sim.url}/api` }),
		parameters: () => ({ resource: 'order', operation: 'upsert' }),
	},
	mailerLite: {
		type: 'mailerLiteEcommerce',
		node: new MailerLiteEcommerce(),
		credentialType: 'mailerLiteEcommerceApi',
		credentialClass: new MailerLiteEcommerceApi(),
		credential: () => ({ apiKey: MAILERLITE_TOKEN, baseUrl: `${ml.sim.url}/api` }),
		parameters: () => ({ resource: 'order', operation: 'create', shopId: { __rl: true, mode: 'id', value: shopId } }),
	},
	monto: {
		type: 'monto',
		node: new Monto(),
		credentialType: 'montoApi',
		credentialClass: new MontoApi(),
		credential: () => ({ apiKey: MONTO_API_KEY, baseUrl: monto.sim.url }),
		parameters: () => ({ resource: 'order', operation: 'upsert', options: { requestInterval: 0 } }),
	},
	feedbackCompany: {
		type: 'feedbackCompany',
		node: new FeedbackCompany(),
		credentialType: 'feedbackCompanyApi',
		credentialClass: new FeedbackCompanyApi(),
		credential: () => ({ clientId: FC_CLIENT_ID, clientSecret: FC_CLIENT_SECRET, baseUrl: `${fc.sim.url}/api/v2`, accessToken: '' }),
		parameters: () => ({
			resource: 'order',
			operation: 'create',
			sendInvitation: true,
			delay: { value: { unit: 'days', amount: 7 } },
			productUrl: 'https://shop.example.com/products/{sku}',
		}),
	},
	montly: {
		type: 'montly',
		node: new Montly(),
		credentialType: 'montlyApi',
		credentialClass: new MontlyApi(),
		credential: () => ({ apiKey: MONTLY_API_KEY, baseUrl: montly.sim.url, webhookSecret: MONTLY_WEBHOOK_SECRET }),
		parameters: () => ({ resource: 'order', operation: 'create', orgNumber: '559089-4308', months: 24, tariff: 1.47, shopifyCurrency: 'presentment' }),
	},
};

async function run(name: keyof typeof PROVIDERS, items: IDataObject[], extra: INodeParameters = {}) {
	const p = PROVIDERS[name];
	return await runWorkflow({
		node: { type: p.type, parameters: { ...p.parameters(), inputMode: 'shopifyOrder', ...extra } },
		nodeTypes: { [p.type]: p.node },
		credentialTypes: { [p.credentialType]: p.credentialClass as never },
		credentials: { [p.credentialType]: p.credential() },
		items,
	});
}

/** The bodies of the writes one simulator received. */
const writes = (sim: Simulator, path: RegExp) =>
	sim.requests.filter((r) => r.method === 'POST' && path.test(r.path)).map((r) => r.json as IDataObject);

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
		const [order] = writes(es.sim, /\/v1\/orders$/).flatMap((b) => b.orders as IDataObject[]);
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
		expect(writes(ml.sim, /\/orders$/)).toEqual([
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
		expect(writes(monto.sim, /^\/orders$/)).toEqual([
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
		expect(writes(fc.sim, /\/orders$/)).toEqual([
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
			`[item 0] productUrl: Line item "${PRODUCTS[0].name}": its productId is above 2^53 and arrived rounded (${String(lines()[0].product_id)}), so {productId} has no exact value. Use {sku} instead, or give Product URL as an expression that does not need it`,
		);
		expect(writes(fc.sim, /\/orders$/)).toEqual([]);
	});

	it('Montly: the exact order id; items by SKU, without the variant id it cannot know', async () => {
		const r = await run('montly', [ORDER]);
		expect(r.error).toBeUndefined();
		const [body] = writes(montly.sim, /^\/v1\/orders$/);
		const data = body.data as IDataObject;
		expect((data.attributes as IDataObject).orderId).toBe(ORDER_ID);
		expect((data.relationships as { item: { data: IDataObject[] } }).item.data).toEqual([
			{ name: PRODUCTS[0].name, productId: 'LAPTOP-PRO-14', quantity: 1, totalPrice: 1199600, VAT: 299900, sku: 'LAPTOP-PRO-14' },
			{ name: PRODUCTS[1].name, productId: 'MON-27-4K', quantity: 2, totalPrice: 559200, VAT: 139800, sku: 'MON-27-4K' },
		]);
	});

	it('no provider receives a rounded id, in any request', async () => {
		for (const name of Object.keys(PROVIDERS)) expect((await run(name, [ORDER])).error).toBeUndefined();
		const texts = SIMS.flatMap((sim) => sim.requests.map((r) => `${r.rawUrl} ${r.text}`));
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
		const [sent] = writes(es.sim, /\/v1\/orders$/).flatMap((b) => b.orders as IDataObject[]);
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
			`[item 0] admin_graphql_api_id: Expected gid://shopify/Order/<id>, got "gid://shopify/Customer/${ORDER_ID}"`,
		],
		[
			'a safe id that its gid contradicts',
			without((o) => (o.id = 5873523306231)),
			`[item 0] admin_graphql_api_id: gid://shopify/Order/${ORDER_ID} does not match id 5873523306231`,
		],
	])('%s', async (_what, order, message) => {
		const r = await run('esputnik', [order]);
		expect(r.error?.message).toBe(message);
		expect(es.sim.requests).toEqual([]);
	});

	it('an exact id given as text needs no gid', async () => {
		const order = without((o) => {
			o.id = ORDER_ID;
			delete o.admin_graphql_api_id;
		});
		const r = await run('monto', [order]);
		expect(r.error).toBeUndefined();
		expect(writes(monto.sim, /^\/orders$/)[0].order_id).toBe(ORDER_ID);
	});

	it('a WooCommerce customer id above 2^53 has no exact source', async () => {
		const r = await runWorkflow({
			node: { type: 'esputnik', parameters: { resource: 'order', operation: 'upsert', inputMode: 'wooCommerceOrder' } },
			nodeTypes: { esputnik: new Esputnik() },
			credentialTypes: { esputnikApi: new EsputnikApi() },
			credentials: { esputnikApi: PROVIDERS.esputnik.credential() },
			items: [{ ...WOO.processing, customer_id: 2 ** 53 + 1 }],
		});
		expect(r.error?.message).toBe(
			'[item 0] customer_id: 9007199254740992 is above 2^53 (9007199254740991) and was rounded when the order was parsed as JSON; give customer_id as text',
		);
		expect(es.sim.requests).toEqual([]);
	});
});
