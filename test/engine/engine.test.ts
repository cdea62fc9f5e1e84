/**
 * The write engine (nodes/shared/engine/loop.ts) through real n8n-core executions against the
 * provider simulators: every item is prepared before anything is sent, requests are paired back
 * to their items, and a run that stops says what it sent.
 */
import type { IDataObject, INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { createExample as montlySeed } from '../../nodes/Montly/actions/order/fields';
import { asItemError, indexRanges, itemLabel, sentSummary } from '../../nodes/shared/engine/errors';
import type { ProviderName } from '../orders/five-providers';
import { fiveProviders } from '../orders/five-providers';

const five = fiveProviders();
const { esputnik: es, mailerLite: ml, monto, feedbackCompany: fc, montly: mt } = five.simulators;
const run = five.runNode;

const json = (resource: string, operation: string, extra: INode['parameters'] = {}): INode['parameters'] => ({
	resource,
	operation,
	inputMode: 'json',
	jsonBody: '={{ JSON.stringify($json) }}',
	...extra,
});
const shop = () => ({ __rl: true, mode: 'id', value: five.shopId() });

const mlOrder = (n: number, email = `buyer${n}@example.com`) => ({
	customer: { email },
	cart: { items: [{ ecommerce_product_id: `P-${n}`, quantity: 1, price: 10 }] },
	status: 'complete',
	total_price: 10,
});
const esOrder = (n: number, email = `buyer${n}@example.com`) => ({
	externalOrderId: `ord-${n}`,
	status: 'DELIVERED',
	date: '2024-05-01T10:00:00+02:00',
	totalCost: 25,
	currency: 'EUR',
	email,
	items: [{ externalItemId: `sku-${n}`, name: 'Mug', quantity: 1, cost: 25 }],
});
const montoOrder = (n: number, email = `buyer${n}@example.com`) => ({
	order_id: `o-${n}`,
	customer: { name: 'Ann Example', email },
	status: 'pending',
	items: [{ slug: 'first-product' }],
});
const montlyOrder = (n: number, email = `buyer${n}@example.com`) => ({
	data: { ...montlySeed.data, attributes: { ...montlySeed.data.attributes, orderId: `ORD-${n}`, email } },
});
const fcFields = {
	resource: 'order',
	operation: 'create',
	external_id: '={{ $json.orderId }}',
	customerEmail: '={{ $json.email }}',
	customerFullname: 'Ann Example',
};

/** Every kind of write: per item, in batches, by id only; the third item is invalid. */
const writes: Array<{
	name: string;
	provider: ProviderName;
	parameters: () => INode['parameters'];
	items: (n: number, valid: boolean) => IDataObject;
	field: string;
	/** Requests that count as "something was sent" (a Feedback Company token request does too). */
	sent: () => number;
}> = [
	{
		name: 'MailerLite Order → Create',
		provider: 'mailerLite',
		parameters: () => json('order', 'create', { shopId: shop() }),
		items: (n, valid) => mlOrder(n, valid ? undefined : 'ann.example.com'),
		field: 'customer.email',
		sent: () => ml.sim.requests.length,
	},
	{
		name: 'MailerLite Order → Import (one request)',
		provider: 'mailerLite',
		parameters: () => json('order', 'import', { shopId: shop() }),
		items: (n, valid) => mlOrder(n, valid ? undefined : 'ann.example.com'),
		field: 'customer.email',
		sent: () => ml.sim.requests.length,
	},
	{
		name: 'MailerLite Shop → Delete',
		provider: 'mailerLite',
		parameters: () => ({ resource: 'shop', operation: 'delete', shopId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } }),
		items: (_n, valid) => ({ id: valid ? five.shopId() : '' }),
		field: 'shopId',
		sent: () => ml.sim.requests.length,
	},
	{
		name: 'eSputnik Order → Create or Update (batches)',
		provider: 'esputnik',
		parameters: () => json('order', 'upsert'),
		items: (n, valid) => esOrder(n, valid ? undefined : 'ann.example.com'),
		field: 'email',
		sent: () => es.sim.requests.length,
	},
	{
		name: 'eSputnik Order → Delete',
		provider: 'esputnik',
		parameters: () => ({ resource: 'order', operation: 'delete', externalOrderId: '={{ $json.id }}' }),
		items: (n, valid) => ({ id: valid ? `ord-${n}` : ' ' }),
		field: 'externalOrderId',
		sent: () => es.sim.requests.length,
	},
	{
		name: 'Monto Order → Create or Update',
		provider: 'monto',
		parameters: () => json('order', 'upsert', { options: { requestInterval: 0 } }),
		items: (n, valid) => montoOrder(n, valid ? undefined : 'ann.example.com'),
		field: 'customer.email',
		sent: () => monto.sim.requests.length,
	},
	{
		name: 'The Feedback Company Order → Create',
		provider: 'feedbackCompany',
		parameters: () => fcFields,
		items: (n, valid) => ({ orderId: `ORD-${n}`, email: valid ? `buyer${n}@example.com` : 'ann.example.com' }),
		field: 'customer.email',
		sent: () => fc.sim.requests.length,
	},
	{
		name: 'Montly Order → Create',
		provider: 'montly',
		parameters: () => json('order', 'create'),
		items: (n, valid) => montlyOrder(n, valid ? undefined : 'ann.example.com'),
		field: 'data.attributes.email',
		sent: () => mt.sim.requests.length,
	},
	{
		name: 'Montly Order → Mark Shipped',
		provider: 'montly',
		parameters: () => ({ resource: 'order', operation: 'markShipped', orderId: '={{ $json.id }}', shippedAt: '={{ $json.at }}' }),
		items: (n, valid) => ({ id: `ORD-${n}`, at: valid ? '2024-05-01T10:00:00Z' : 'yesterday' }),
		field: 'shippedAt',
		sent: () => mt.sim.requests.length,
	},
];

describe('an invalid item stops the node before anything at all is sent', () => {
	it.each(writes.map((w): [string, (typeof writes)[number]] => [w.name, w]))(
		'%s: three items, the third invalid; On Error: Stop sends nothing, Continue sends the two others',
		async (_name, w) => {
			const items = [w.items(0, true), w.items(1, true), w.items(2, false)];
			const before = w.sent();
			const stopped = await run(w.provider, w.parameters(), items);
			expect(stopped.status).toBe('error');
			// The field's editor label and its path (`[item 2] Customer Email (customer.email): …`), or an id parameter's name.
			expect(stopped.error?.message).toMatch(new RegExp(`^\\[item 2\\] (${w.field.replace(/[.[\]]/g, '\\$&')}|[A-Z][\\w ]* \\(${w.field.replace(/[.[\]]/g, '\\$&')}\\)): `));
			expect(w.sent()).toBe(before);
			expect(stopped.error?.description).toMatch(/Nothing was sent: every item is checked before the first request\.$/);
			expect(stopped.error?.description).not.toContain('for this item');

			const continued = await run(w.provider, w.parameters(), items, 'continueRegularOutput');
			expect(continued.status).toBe('success');
			expect(continued.output.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
			expect(continued.output[2].json.error).toMatch(/^\[item 2\] /);
			expect(w.sent()).toBeGreaterThan(before);
		},
	);
});

describe('a run that stops at a provider error says what it sent', () => {
	const tenOrders = () => Array.from({ length: 10 }, (_, n) => mlOrder(n));
	const failThirdPost = (fault: { status?: number; reset?: boolean; body?: unknown }) => {
		let posts = 0;
		ml.sim.inject({ times: 1, match: (q) => q.method === 'POST' && /\/orders$/.test(q.path) && ++posts === 3, ...fault });
	};

	it('a refusal of item 2 (422): items 0–1 were sent, items 2–9 were not', async () => {
		failThirdPost({ status: 422, body: { message: 'The given data was invalid.', errors: { 'customer.email': ['Taken.'] } } });
		const r = await run('mailerLite', json('order', 'create', { shopId: shop() }), tenOrders());
		expect(r.status).toBe('error');
		expect(r.error?.message).toMatch(/^\[item 2\] MailerLite 422: /);
		expect(r.error?.message).toMatch(/ Items 0–1 were sent; items 2–9 were not\.$/);
		expect(ml.state.orders.get(five.shopId())?.size).toBe(2);
	});

	it('a dropped connection on item 2 (it may have arrived): item 2 is in neither list', async () => {
		failThirdPost({ reset: true });
		const r = await run('mailerLite', json('order', 'create', { shopId: shop() }), tenOrders());
		expect(r.status).toBe('error');
		expect(r.error?.message).toMatch(/^\[item 2\] MailerLite could not be reached: ECONNRESET Items 0–1 were sent; items 3–9 were not\.$/);
	});

	it('a refusal of the first of several items: nothing was sent', async () => {
		ml.sim.inject({ times: 1, match: (q) => q.method === 'POST', status: 422, body: { message: 'Invalid.' } });
		const r = await run('mailerLite', json('order', 'create', { shopId: shop() }), tenOrders());
		expect(r.error?.message).toMatch(/^\[item 0\] MailerLite 422: Invalid\. Nothing was sent\.$/);
	});

	it('eSputnik batches: a server error on the second batch names its items and what the first batch sent', async () => {
		let posts = 0;
		es.sim.inject({ times: 5, match: (q) => q.method === 'POST' && ++posts >= 2, status: 503, body: 'Unavailable' });
		const items = Array.from({ length: 2500 }, (_, n) => esOrder(n));
		const r = await run('esputnik', json('order', 'upsert'), items);
		expect(r.status).toBe('error');
		// A 5xx may have been processed: the batch's own items are in neither list.
		expect(r.error?.message).toMatch(/^\[items 1000–1999\] eSputnik 503: .* Items 0–999 were sent; items 2000–2499 were not\.$/);
	});

	it('a single request that fails carries no summary: its label already names every item', async () => {
		es.sim.inject({ times: 1, match: (q) => q.method === 'POST', status: 400, body: 'Bad request' });
		const r = await run('esputnik', json('order', 'upsert'), [esOrder(0), esOrder(1)]);
		expect(r.error?.message).toBe('[items 0–1] eSputnik 400: Bad request');
	});
});

describe('labels and summaries', () => {
	const node = { id: '1', name: 'Node', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} } as INode;
	const ctx = { getNode: () => node } as never;

	it('labels an error once, with its item or its request', () => {
		const error = new NodeOperationError(node, 'customer.email: Required');
		expect(asItemError(ctx, error, 3).message).toBe('[item 3] customer.email: Required');
		expect(asItemError(ctx, error, 3).message).toBe('[item 3] customer.email: Required');
		expect(error.context.itemIndex).toBe(3);
		const batch = new NodeApiError(node, { message: 'eSputnik 500: Oops' }, { message: 'eSputnik 500: Oops' });
		expect(asItemError(ctx, batch, [0, 1, 2, 7]).message).toBe('[items 0–2, 7] eSputnik 500: Oops');
		expect(asItemError(ctx, new Error('plain'), 1)).toBeInstanceOf(NodeOperationError);
	});

	it('writes index ranges and summaries as a reader scans them', () => {
		expect(indexRanges([5, 0, 1, 2, 9, 10])).toBe('0–2, 5, 9–10');
		expect(itemLabel([4])).toBe('[item 4]');
		expect(sentSummary([0, 1], [2, 3, 4])).toBe('Items 0–1 were sent; items 2–4 were not.');
		expect(sentSummary([0], [1])).toBe('Item 0 was sent; item 1 was not.');
		expect(sentSummary([], [3, 4])).toBe('Items 3–4 were not sent.');
		expect(sentSummary([0, 1], [])).toBe('Items 0–1 were sent.');
	});
});
