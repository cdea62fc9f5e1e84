import type { IDataObject, INode } from 'n8n-workflow';

import { MailerLiteEcommerceApi } from '../../credentials/MailerLiteEcommerceApi.credentials';
import { MailerLiteEcommerce } from '../../nodes/MailerLiteEcommerce/MailerLiteEcommerce.node';
import { runWorkflow } from '../harness/run-workflow';
import { serveForTests } from '../harness/serve';
import { createMailerLiteSimulator, MAILERLITE_TOKEN, mailerLiteRateLimit } from '../simulators/mailerlite';
import { SHOPIFY } from '../orders/fixtures';

/*
 * MailerLite E-Commerce version 1.1 against version 1, through n8n-core. A saved version-1 node
 * sends exactly what it sent; a new (1.1) node sends only what its user chose: Status Complete
 * unless changed, the cart's sum as the total, and no price of 0 it was never given.
 */

const ml = createMailerLiteSimulator();
const { sim } = ml;
let shopId: string;

serveForTests(sim, () => {
	sim.rateLimit = mailerLiteRateLimit();
	for (const map of Object.values(ml.state)) if (map instanceof Map) map.clear();
	shopId = ml.seedShop({ name: 'Test shop' }).id;
});

const shop = () => ({ __rl: true, mode: 'id', value: shopId });

async function run(typeVersion: number, parameters: INode['parameters'], items: IDataObject[] = [{}]) {
	return await runWorkflow({
		node: { type: 'mailerLiteEcommerce', typeVersion, parameters },
		nodeTypes: { mailerLiteEcommerce: new MailerLiteEcommerce() },
		credentialTypes: { mailerLiteEcommerceApi: new MailerLiteEcommerceApi() },
		credentials: { mailerLiteEcommerceApi: { apiKey: MAILERLITE_TOKEN, baseUrl: `${sim.url}/api` } },
		items,
	});
}

const bodies = (path: RegExp) => sim.requestsTo('POST', path).map((r) => r.json);

/** What the editor shows a new user: Customer Email and Cart Items (two lines, quantity × price). */
const onlyShown = () => ({
	resource: 'order',
	operation: 'create',
	shopId: shop(),
	customerEmail: 'ann@example.com',
	cartItems: {
		item: [
			{ ecommerce_product_id: 'P-1', quantity: 7, price: 19.99 },
			{ ecommerce_product_id: 'P-2', quantity: 1, price: 0.1 },
		],
	},
});

describe('Order → Create, version 1 (saved workflows)', () => {
	it('with only the shown fields sends no status and no total, exactly as before', async () => {
		const r = await run(1, onlyShown());
		expect(r.status).toBe('success');
		expect(bodies(/\/orders$/)).toEqual([
			{
				customer: { email: 'ann@example.com' },
				cart: {
					items: [
						{ ecommerce_product_id: 'P-1', quantity: 7, price: 19.99 },
						{ ecommerce_product_id: 'P-2', quantity: 1, price: 0.1 },
					],
				},
			},
		]);
	});

	it('with Status and Total Price under Additional Fields sends them as given', async () => {
		const r = await run(1, { ...onlyShown(), additionalFields: { status: 'pending', total_price: 12.5, accepts_marketing: true } });
		expect(r.status).toBe('success');
		expect(bodies(/\/orders$/)).toEqual([
			{
				customer: { email: 'ann@example.com', accepts_marketing: true },
				cart: {
					items: [
						{ ecommerce_product_id: 'P-1', quantity: 7, price: 19.99 },
						{ ecommerce_product_id: 'P-2', quantity: 1, price: 0.1 },
					],
				},
				status: 'pending',
				total_price: 12.5,
			},
		]);
	});

	it('a cart item left at its default price sends 0, as before', async () => {
		const r = await run(1, { ...onlyShown(), cartItems: { item: [{ ecommerce_product_id: 'P-1' }] } });
		expect(r.status).toBe('success');
		expect((bodies(/\/orders$/)[0] as IDataObject).cart).toEqual({ items: [{ ecommerce_product_id: 'P-1', quantity: 1, price: 0 }] });
	});

	it('ignores the version-1.1 parameters', async () => {
		const r = await run(1, { ...onlyShown(), status: 'pending', totalPrice: 99 });
		expect(r.status).toBe('success');
		expect(bodies(/\/orders$/)[0]).not.toHaveProperty('status');
		expect(bodies(/\/orders$/)[0]).not.toHaveProperty('total_price');
	});
});

describe('Order → Create, version 1.1 (new nodes)', () => {
	it('with only the shown fields sends Complete and the cart\'s sum, exact to the cent', async () => {
		expect(7 * 19.99 + 0.1).not.toBe(140.03);
		const r = await run(1.1, onlyShown());
		expect(r.status).toBe('success');
		expect(bodies(/\/orders$/)).toEqual([
			{
				customer: { email: 'ann@example.com' },
				cart: {
					items: [
						{ ecommerce_product_id: 'P-1', quantity: 7, price: 19.99 },
						{ ecommerce_product_id: 'P-2', quantity: 1, price: 0.1 },
					],
				},
				status: 'complete',
				total_price: 140.03,
			},
		]);
		expect(r.output[0].json).toMatchObject({ status: 'complete', total: 140.03 });
	});

	it('sends Pending and a Total Price when chosen; Additional Fields no longer hold them', async () => {
		const r = await run(1.1, {
			...onlyShown(),
			status: 'pending',
			totalPrice: 55,
			additionalFields: { checkout_url: 'https://shop.example.com/cart/1', status: 'complete', total_price: 1 },
		});
		expect(r.status).toBe('success');
		expect(bodies(/\/orders$/)[0]).toMatchObject({ status: 'pending', total_price: 55, cart: { checkout_url: 'https://shop.example.com/cart/1' } });
	});

	it('a cart item without a price stops the item, naming it; nothing is sent', async () => {
		const r = await run(1.1, { ...onlyShown(), cartItems: { item: [{ ecommerce_product_id: 'P-1', quantity: 2 }] } });
		expect(r.status).toBe('error');
		expect(r.error?.message).toMatch(/^\[item 0\] .*cart\.items\[0\]\.price\)?: /);
		expect(sim.requests.filter((q) => q.method === 'POST')).toHaveLength(0);
	});

	it('Import in Fields mode sends the same as Create, per entry', async () => {
		const r = await run(1.1, { ...onlyShown(), operation: 'import', customerEmail: '={{ $json.email }}' }, [
			{ email: 'ann@example.com' },
			{ email: 'bob@example.com' },
		]);
		expect(r.status).toBe('success');
		const [body] = bodies(/\/orders\/import$/) as Array<{ orders: IDataObject[] }>;
		expect(body.orders.map((o) => [o.status, o.total_price])).toEqual([
			['complete', 140.03],
			['complete', 140.03],
		]);
	});

	it('the order modes and JSON send what version 1 sends', async () => {
		for (const version of [1, 1.1]) {
			await run(version, { resource: 'order', operation: 'create', shopId: shop(), inputMode: 'shopifyOrder' }, [SHOPIFY.presentmentSek]);
			await run(version, {
				resource: 'order',
				operation: 'create',
				shopId: shop(),
				inputMode: 'json',
				jsonBody: JSON.stringify({ customer: { email: 'a@example.com' }, cart: { items: [{ ecommerce_product_id: '1', quantity: 1, price: 1 }] } }),
			});
		}
		const [shopify1, json1, shopify11, json11] = bodies(/\/orders$/);
		expect(shopify11).toEqual(shopify1);
		expect(json11).toEqual(json1);
		expect(json11).not.toHaveProperty('status');
	});
});

describe('Product → Create and Cart Item → Create, version 1.1', () => {
	it('a price left empty is refused instead of sent as 0; version 1 still sends 0', async () => {
		const product = { resource: 'product', operation: 'create', shopId: shop(), name: 'Mug' };
		expect((await run(1, product)).status).toBe('success');
		const refused = await run(1.1, product);
		expect(refused.error?.message).toMatch(/^\[item 0\] Price \(price\): is required$/);
		expect(bodies(/\/products$/)).toEqual([{ name: 'Mug', price: 0 }]);

		const cart = ml.seedCart(shopId);
		const item = { resource: 'cartItem', operation: 'create', shopId: shop(), cartId: cart.id, ecommerce_product_id: 'P-1' };
		expect((await run(1, item)).status).toBe('success');
		expect((await run(1.1, item)).error?.message).toMatch(/^\[item 0\] Price \(price\): is required$/);
		expect(bodies(/\/items$/)).toEqual([{ ecommerce_product_id: 'P-1', quantity: 1, price: 0 }]);
	});
});
