/**
 * Validation errors in the words on screen (issue 22.3), through real n8n-core executions against
 * the simulators: each node names the field as the editor labels it, the path and the value given,
 * keeps `[item N]` first, and sends nothing.
 */
import type { IDataObject, INode } from 'n8n-workflow';

import { createExample as montlySeed } from '../../nodes/Montly/actions/order/fields';
import type { ProviderName } from '../orders/five-providers';
import { fiveProviders } from '../orders/five-providers';

const five = fiveProviders();
const { esputnik: es, mailerLite: ml, monto, feedbackCompany: fc, montly: mt } = five.simulators;
const shop = () => ({ __rl: true, mode: 'id', value: five.shopId() });
const json = (resource: string, operation: string, extra: INode['parameters'] = {}): INode['parameters'] => ({
	resource,
	operation,
	inputMode: 'json',
	jsonBody: '={{ JSON.stringify($json) }}',
	...extra,
});

const cases: Array<{
	name: string;
	provider: ProviderName;
	parameters: () => INode['parameters'];
	item: IDataObject;
	message: string;
	sent: () => number;
}> = [
	{
		name: 'MailerLite Order → Create, Fields mode',
		provider: 'mailerLite',
		parameters: () => ({
			resource: 'order',
			operation: 'create',
			shopId: shop(),
			customerEmail: '={{ $json.email }}',
			cartItems: { item: [{ ecommerce_product_id: 'P-1', quantity: 1, price: 10 }] },
		}),
		item: { email: 'ann.example.com' },
		message: '[item 0] Customer Email (customer.email): "ann.example.com" is not a valid e-mail address',
		sent: () => ml.sim.requests.length,
	},
	{
		name: 'MailerLite Order → Create, Cart Items from a list',
		provider: 'mailerLite',
		parameters: () => ({
			resource: 'order',
			operation: 'create',
			shopId: shop(),
			customerEmail: 'ann@example.com',
			cartItemsInput: 'list',
			cartItemsList: '={{ $json.items }}',
		}),
		item: { items: [{ productId: 'P-1', quantity: 1, price: 10 }, { productId: 'P-2', quantity: 1, price: 'ten' }] },
		message: '[item 0] Cart Items (cart.items[1].price): "ten" must be a number',
		sent: () => ml.sim.requests.length,
	},
	{
		name: 'eSputnik Order → Create or Update, JSON mode',
		provider: 'esputnik',
		parameters: () => json('order', 'upsert'),
		item: {
			externalOrderId: 'ord-1',
			status: 'DELIVERED',
			date: '2024-05-01T10:00:00+02:00',
			totalCost: '25,00',
			currency: 'EUR',
			email: 'ann@example.com',
		},
		message: '[item 0] Total Cost (totalCost): "25,00" must be a number',
		sent: () => es.sim.requests.length,
	},
	{
		name: 'The Feedback Company Order → Create, Products from a list',
		provider: 'feedbackCompany',
		parameters: () => ({
			resource: 'order',
			operation: 'create',
			external_id: 'ORD-1',
			customerEmail: 'ann@example.com',
			productsInput: 'list',
			productsList: '={{ $json.products }}',
		}),
		item: { products: [{ productId: 'RD-1', name: 'Red Delicious', url: 'shop.example.com/rd-1' }] },
		message: '[item 0] Products (products[0].url): "shop.example.com/rd-1" is not a valid URL (http:// or https://)',
		sent: () => fc.sim.requests.length,
	},
	{
		name: 'Monto Order → Create or Update, JSON mode',
		provider: 'monto',
		parameters: () => json('order', 'upsert', { options: { requestInterval: 0 } }),
		item: { order_id: 'o-1', customer: { name: 'Ann', email: 'ann@example.com' }, status: 'shipped', items: [{ slug: 'mug' }] },
		message: '[item 0] Status (status): "shipped" must be pending or fulfilled',
		sent: () => monto.sim.requests.length,
	},
	{
		name: 'Montly Order → Create, JSON mode',
		provider: 'montly',
		parameters: () => json('order', 'create'),
		item: { data: { ...montlySeed.data, attributes: { ...montlySeed.data.attributes, orgNumber: '5590894308' } } },
		message:
			'[item 0] Organisation Number (data.attributes.orgNumber): "5590894308" must be a Swedish organisation number like 559089-4308 (000000-0000)',
		sent: () => mt.sim.requests.length,
	},
	{
		name: 'Montly Order → Mark Shipped',
		provider: 'montly',
		parameters: () => ({ resource: 'order', operation: 'markShipped', orderId: 'ORD-1', shippedAt: 'next tuesday' }),
		item: {},
		message: '[item 0] Shipped At (shippedAt): "next tuesday" must be an ISO-8601 date and time, e.g. 2017-07-20T13:37:00.000Z',
		sent: () => mt.sim.requests.length,
	},
];

describe('a bad value stops the node with the field\'s editor label, its path and the value', () => {
	it.each(cases.map((c): [string, (typeof cases)[number]] => [c.name, c]))('%s', async (_name, c) => {
		const before = c.sent();
		const r = await five.runNode(c.provider, c.parameters(), [c.item]);
		expect(r.status).toBe('error');
		expect(r.error?.message).toBe(c.message);
		expect(c.sent()).toBe(before);
	});
});

describe('On Error: Continue carries the same words in the error item', () => {
	it('Monto', async () => {
		const c = cases.find((x) => x.provider === 'monto')!;
		const r = await five.runNode(c.provider, c.parameters(), [c.item], 'continueRegularOutput');
		expect(r.status).toBe('success');
		expect(r.output.map((i) => i.json.error)).toEqual([c.message]);
	});
});
