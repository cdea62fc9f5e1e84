import type { IDataObject, INode } from 'n8n-workflow';

import { MontlyApi } from '../../credentials/MontlyApi.credentials';
import { Montly } from '../../nodes/Montly/Montly.node';
import { testCredential } from '../harness/credential-test';
import { capturedLogs, runWorkflow } from '../harness/run-workflow';
import { createMontlySimulator, MONTLY_API_KEY, MONTLY_WEBHOOK_SECRET } from '../simulators/montly';
import { serveForTests } from '../harness/serve';
import { createExample as seedExample } from '../../nodes/Montly/actions/order/fields';

const ml = createMontlySimulator();
const { sim } = ml;

serveForTests(sim, () => ml.resetState());

async function run(
	parameters: INode['parameters'],
	items: IDataObject[] = [{}],
	extra: { onError?: INode['onError']; apiKey?: string; timezone?: string } = {},
) {
	return await runWorkflow({
		node: { type: 'montly', parameters, onError: extra.onError },
		nodeTypes: { montly: new Montly() },
		credentialTypes: { montlyApi: new MontlyApi() },
		credentials: {
			montlyApi: { apiKey: extra.apiKey ?? MONTLY_API_KEY, baseUrl: sim.url, webhookSecret: MONTLY_WEBHOOK_SECRET },
		},
		items,
		timezone: extra.timezone,
	});
}

const jsons = (r: { output: Array<{ json: IDataObject }> }) => r.output.map((i) => i.json);
const pairs = (r: { output: Array<{ pairedItem?: unknown }> }) => r.output.map((i) => i.pairedItem);
const posts = () => sim.requestsTo('POST', /^\/v1\/orders$/);

/** Fields mode with every required field; amounts read from the item in the chosen unit. */
const fieldsParams = (amountUnit: 'sek' | 'ore', overrides: IDataObject = {}) => ({
	resource: 'order',
	operation: 'create',
	amountUnit,
	orderId: '={{ $json.orderId }}',
	firstName: 'Matthew',
	lastName: 'Hunter',
	company: 'Hunter AB',
	orgNumber: '={{ $json.org }}',
	email: 'matthew@hunter.example.com',
	phone: '+46 8 123 456',
	customerIp: '131.168.20.70',
	totalPrice: '={{ $json.total }}',
	VAT: '={{ $json.vat }}',
	shipping: '={{ $json.shipping }}',
	shippingVAT: '={{ $json.shippingVat }}',
	monthlyPrice: '={{ $json.monthly }}',
	months: 24,
	tariff: 1.47,
	billingAddress: 'Storgatan 1',
	billingCity: 'Stockholm',
	billingPostcode: 11122,
	items: {
		item: [
			{ name: 'Laptop', productId: 'LAP-1', quantity: 2, totalPrice: '={{ $json.line1 }}', VAT: '={{ $json.line1Vat }}', sku: 'L1', variationId: '', serialNumber: '' },
			{ name: 'Dock', productId: 'DOCK-1', quantity: 1, totalPrice: '={{ $json.line2 }}', VAT: '={{ $json.line2Vat }}', sku: '', variationId: '', serialNumber: '' },
		],
	},
	additionalFields: { billingCountry: 'SE', customerMessage: 'Leverans före jul' },
	...overrides,
});

const sekItem = {
	orderId: 'ORD-1',
	org: '559089-4308',
	total: 9627.68,
	vat: 244.4,
	shipping: '129.79',
	shippingVat: 111.46,
	monthly: 1210.42,
	line1: 8137.26,
	line1Vat: 123.45,
	line2: 4909.2,
	line2Vat: 52.54,
};

describe('Order → Create', () => {
	it('JSON mode sends the seed document\'s JSON:API body unchanged and returns the id as text', async () => {
		const r = await run({ resource: 'order', operation: 'create', inputMode: 'json', jsonBody: JSON.stringify(seedExample) });
		expect(r.status).toBe('success');
		expect(posts()).toHaveLength(1);
		expect(posts()[0].json).toEqual(seedExample);
		expect(posts()[0].headers.authorization).toBe(`Bearer ${MONTLY_API_KEY}`);
		expect(posts()[0].headers['content-type']).toContain('application/json');
		expect(jsons(r)).toEqual([{ orderId: 'c8e0bda3-dbe0-55ad-8de7-4b341fab49a3', id: '42', alreadyExists: false }]);
	});

	it('fields mode in SEK converts every amount to öre exactly (9627.68 SEK → 962768)', async () => {
		const r = await run(fieldsParams('sek'), [sekItem]);
		expect(r.status).toBe('success');
		expect(posts()[0].json).toEqual({
			data: {
				type: 'order',
				attributes: {
					currency: 'SEK',
					orderId: 'ORD-1',
					firstName: 'Matthew',
					lastName: 'Hunter',
					company: 'Hunter AB',
					orgNumber: '559089-4308',
					email: 'matthew@hunter.example.com',
					phone: '+46 8 123 456',
					totalPrice: 962768,
					VAT: 24440,
					shipping: 12979,
					shippingVAT: 11146,
					months: 24,
					tariff: 1.47,
					customerIp: '131.168.20.70',
					billingAddress: 'Storgatan 1',
					billingCity: 'Stockholm',
					billingPostcode: '11122',
					monthlyPrice: 121042,
					billingCountry: 'SE',
					customerMessage: 'Leverans före jul',
					itemsCount: 2,
				},
				relationships: {
					item: {
						data: [
							{ name: 'Laptop', productId: 'LAP-1', quantity: 2, totalPrice: 813726, VAT: 12345, sku: 'L1' },
							{ name: 'Dock', productId: 'DOCK-1', quantity: 1, totalPrice: 490920, VAT: 5254 },
						],
					},
				},
			},
		});
		expect(jsons(r)).toEqual([{ orderId: 'ORD-1', id: '42', alreadyExists: false }]);
	});

	it('amounts that floats get wrong are still exact', async () => {
		expect(1.15 * 100).not.toBe(115); // the binary floating-point error the conversion avoids
		const cases: Array<[number | string, number]> = [
			[0.29, 29], [1.15, 115], [4.35, 435], [1005.01, 100501], [6000, 600000], ['19999.99', 1999999], [0.07, 7],
		];
		const items = cases.map(([sek], i) => ({ ...sekItem, orderId: `F-${i}`, total: 10000, vat: sek }));
		const r = await run(fieldsParams('sek'), items);
		expect(r.status).toBe('success');
		expect(posts().map((p) => ((p.json as IDataObject).data as { attributes: IDataObject }).attributes.VAT)).toEqual(cases.map(([, ore]) => ore));
	});

	it('fields mode in öre sends the integers as given', async () => {
		const oreItem = { ...sekItem, total: 962768, vat: 24440, shipping: '12979', shippingVat: 11146, monthly: 121042, line1: 813726, line1Vat: 12345, line2: 490920, line2Vat: 5254 };
		const r = await run(fieldsParams('ore'), [oreItem]);
		expect(r.status).toBe('success');
		const attributes = ((posts()[0].json as IDataObject).data as { attributes: IDataObject }).attributes;
		expect([attributes.totalPrice, attributes.VAT, attributes.shipping, attributes.shippingVAT, attributes.monthlyPrice]).toEqual([962768, 24440, 12979, 11146, 121042]);
	});

	it('rejects invalid items before sending, naming item and field', async () => {
		const bad: Array<[IDataObject, string]> = [
			[{ org: '5590894308' }, 'Organisation Number (data.attributes.orgNumber): "5590894308" must be a Swedish organisation number like 559089-4308 (000000-0000)'],
			[{ total: 5999.99 }, "Total Price (data.attributes.totalPrice): 599999 must be at least 600000 öre (6 000 SEK excluding VAT), Montly's minimum order"],
			[{ vat: 244.405 }, 'VAT (data.attributes.VAT): 244.405 has more than 2 decimal places'],
			[{ shipping: '12,50' }, 'Shipping (data.attributes.shipping): "12,50" must be a number like 9627.68'],
			[{ monthly: 0 }, 'Monthly Price (data.attributes.monthlyPrice): 0 must be more than 0'],
			[{ line2Vat: -1 }, 'Items (data.relationships.item.data[1].VAT): -100 must be 0 or more'],
			[{ orderId: '' }, 'Order ID (data.attributes.orderId): is required'],
		];
		const r = await run(fieldsParams('sek'), bad.map(([patch], i) => ({ ...sekItem, orderId: `B-${i}`, ...patch })), {
			onError: 'continueRegularOutput',
		});
		expect(r.status).toBe('success');
		expect(jsons(r).map((j) => j.error)).toEqual(bad.map(([, message], i) => `[item ${i}] ${message}`));
		expect(pairs(r)).toEqual(bad.map((_, i) => ({ item: i })));
		expect(sim.requests).toHaveLength(0);
	});

	it('JSON mode requires integers in öre, SEK, and every field of the seed tables', async () => {
		const attrs = seedExample.data.attributes;
		const variants: Array<[unknown, string]> = [
			[{ ...attrs, totalPrice: 9627.68 }, 'Total Price (data.attributes.totalPrice): 9627.68 must be a whole number of öre'],
			[{ ...attrs, currency: 'EUR' }, 'data.attributes.currency: "EUR" must be SEK, the only currency Montly takes'],
			[{ ...attrs, phone: undefined }, 'Phone (data.attributes.phone): is required'],
			[{ ...attrs, itemsCount: 1.5 }, 'Items Count (data.attributes.itemsCount): 1.5 must be a whole number'],
			[{ ...attrs, months: '24 months' }, 'Months (data.attributes.months): "24 months" must be a whole number'],
			[{ ...attrs, customerIp: 'localhost' }, 'Customer IP (data.attributes.customerIp): "localhost" must be an IPv4 or IPv6 address'],
			[{ ...attrs, email: 'uc-at-pokev.dk' }, 'Email (data.attributes.email): "uc-at-pokev.dk" is not a valid e-mail address'],
			[{ ...attrs, billingCity: 'x'.repeat(256) }, 'Billing City (data.attributes.billingCity): "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…" must be at most 255 characters'],
			[{ ...attrs, tariff: 0 }, 'Tariff Name or ID (data.attributes.tariff): 0 must be more than 0'],
		];
		const items = variants.map(([attributes]) => ({ body: { data: { ...seedExample.data, attributes } } }));
		items.push({ body: { data: { ...seedExample.data, relationships: { item: { data: [] } } } } } as never);
		items.push({ body: { data: { ...seedExample.data, type: 'orders' } } } as never);
		const r = await run(
			{ resource: 'order', operation: 'create', inputMode: 'json', jsonBody: '={{ JSON.stringify($json.body) }}' },
			items,
			{ onError: 'continueRegularOutput' },
		);
		const expected = [
			...variants.map(([, m]) => m),
			'Items (data.relationships.item.data): [] must have at least one item',
			'data.type: "orders" must be "order"',
		];
		expect(jsons(r).map((j) => j.error)).toEqual(expected.map((m, i) => `[item ${i}] ${m}`));
		expect(sim.requests).toHaveLength(0);
	});

	it('If Order Exists: Error shows Montly\'s refusal of a repeated orderId with its code, message and field; it is not retried', async () => {
		const create = { resource: 'order', operation: 'create', inputMode: 'json', jsonBody: JSON.stringify(seedExample) };
		const failOnExisting = { ...create, options: { ifExists: 'error' } };
		const first = await run(create);
		expect(first.status).toBe('success');
		const again = await run(failOnExisting, [{}], { onError: 'continueRegularOutput' });
		expect(jsons(again)[0].error).toBe('[item 0] Montly 400: InvalidOrder: Validation error (orderId: orderId must be unique)');
		expect(jsons(again)[0].details).toEqual({ description: 'orderId: orderId must be unique', httpCode: '400' });
		expect(posts()).toHaveLength(2);
		expect(sim.requestsTo('GET', /\/status$/)).toHaveLength(0);

		ml.state.errorShape = 'staging';
		const staging = await run(failOnExisting, [{}], { onError: 'continueRegularOutput' });
		expect(jsons(staging)[0].error).toBe('[item 0] Montly 400: Validation error: orderId must be unique');
	});

	it('a redelivered order (same orderId) is a success by default: the existing order with its status and alreadyExists: true', async () => {
		const create = { resource: 'order', operation: 'create', inputMode: 'json', jsonBody: JSON.stringify(seedExample) };
		const first = await run(create);
		expect(jsons(first)).toEqual([{ orderId: seedExample.data.attributes.orderId, id: '42', alreadyExists: false }]);
		ml.setStatus(seedExample.data.attributes.orderId, 'accepted');
		for (const shape of ['documented', 'staging'] as const) {
			ml.state.errorShape = shape;
			const again = await run(create);
			expect(again.status).toBe('success');
			expect(jsons(again)).toEqual([
				expect.objectContaining({ orderId: seedExample.data.attributes.orderId, status: 'accepted', alreadyExists: true }),
			]);
		}
		expect(posts()).toHaveLength(3);
		expect(ml.state.orders.size).toBe(1);
	});

	it('two executions with the same order at the same moment both succeed, and Montly has it once', async () => {
		const create = { resource: 'order', operation: 'create', inputMode: 'json', jsonBody: JSON.stringify(seedExample) };
		const runs = await Promise.all([run(create), run(create), run(create)]);
		expect(runs.map((r) => r.status)).toEqual(['success', 'success', 'success']);
		expect(runs.map((r) => jsons(r)[0].alreadyExists).sort()).toEqual([false, true, true]);
		expect(ml.state.orders.size).toBe(1);
	});

	it('a 400 for another reason is not taken for an existing order: the status of an unknown order is 404, so the refusal stands', async () => {
		const create = {
			resource: 'order',
			operation: 'create',
			inputMode: 'json',
			jsonBody: JSON.stringify({ ...seedExample, data: { ...seedExample.data, attributes: { ...seedExample.data.attributes, orderId: 'NEW-1', orgNumber: '000000-0000' } } }),
		};
		sim.inject({ times: 1, status: 400, body: { error: { code: 'OrderNotAccepted', message: 'Declined' } }, match: (q) => q.method === 'POST' });
		const r = await run(create, [{}], { onError: 'continueRegularOutput' });
		expect(jsons(r)[0].error).toBe('[item 0] Montly 400: OrderNotAccepted: Declined');
		expect(sim.requestsTo('GET', /\/status$/)).toHaveLength(1);
		expect(ml.state.orders.size).toBe(0);
	});

	it('a create is not repeated after a server error or a dropped connection', async () => {
		sim.inject({ times: 1, status: 500, body: { error: { code: 'InternalServerError', message: 'Oops' } }, match: (q) => q.method === 'POST' });
		const r = await run({ resource: 'order', operation: 'create', inputMode: 'json', jsonBody: JSON.stringify(seedExample) }, [{}], {
			onError: 'continueRegularOutput',
		});
		expect(jsons(r)[0].error).toBe('[item 0] Montly 500: InternalServerError: Oops');
		sim.inject({ times: 1, reset: true, afterHandler: true, match: (q) => q.method === 'POST' });
		const reset = await run({ resource: 'order', operation: 'create', inputMode: 'json', jsonBody: JSON.stringify(seedExample) }, [{}], {
			onError: 'continueRegularOutput',
		});
		expect(jsons(reset)[0]).toEqual({
			error: '[item 0] Montly could not be reached: ECONNRESET',
			details: {
				description: 'socket hang up. The request may have reached the provider; it was not repeated because that could create a duplicate.',
			},
		});
		expect(pairs(reset)).toEqual([{ item: 0 }]);
		// A faulted 500 never reaches the log; a repeat of either POST would have added one.
		expect(posts()).toHaveLength(1);
		expect(ml.state.orders.size).toBe(1);
	});
});

describe('Order lifecycle', () => {
	async function createOrder(orderId: string) {
		const body = structuredClone(seedExample);
		body.data.attributes.orderId = orderId;
		const r = await run({ resource: 'order', operation: 'create', inputMode: 'json', jsonBody: JSON.stringify(body) });
		expect(r.status).toBe('success');
	}

	it('Get Status reads the Montly-era answer, per item', async () => {
		await createOrder('A-1');
		await createOrder('A/2');
		ml.setStatus('A-1', 'accepted');
		const r = await run({ resource: 'order', operation: 'getStatus', orderId: '={{ $json.id }}' }, [{ id: 'A-1' }, { id: 'A/2' }]);
		expect(sim.requestsTo('GET', /status$/).map((q) => q.rawUrl).sort()).toEqual(['/v1/orders/A%2F2/status', '/v1/orders/A-1/status']);
		expect(jsons(r)).toEqual([
			{ orderId: 'A-1', status: 'accepted' },
			{ orderId: 'A/2', status: 'pending' },
		]);
		expect(pairs(r)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('Get Status turns the LeaseCloud statuses list into the latest status and keeps the list', async () => {
		await createOrder('L-1');
		ml.state.statusShape = 'leasecloud';
		ml.setStatus('L-1', 'accepted');
		ml.setStatus('L-1', 'signed');
		const r = await run({ resource: 'order', operation: 'getStatus', orderId: 'L-1' });
		expect(jsons(r)[0]).toEqual({
			orderId: 'L-1',
			status: 'signed',
			statuses: [
				{ code: 'ACCEPTED', setAt: '2017-10-04T13:56:16.000Z' },
				{ code: 'SIGNED', setAt: '2017-10-04T13:57:16.000Z' },
				{ code: 'DECLINED', setAt: null, message: null },
			],
		});
	});

	it('Cancel posts without a body; a signed order answers OrderCantBeModified with a hint', async () => {
		await createOrder('C-1');
		await createOrder('C-2');
		ml.setStatus('C-2', 'signed');
		const r = await run({ resource: 'order', operation: 'cancel', orderId: '={{ $json.id }}' }, [{ id: 'C-1' }, { id: 'C-2' }], {
			onError: 'continueRegularOutput',
		});
		const cancels = sim.requestsTo('POST', /cancel$/);
		expect(cancels.map((c) => [c.path, c.text])).toEqual([
			['/v1/orders/C-1/cancel', ''],
			['/v1/orders/C-2/cancel', ''],
		]);
		expect(jsons(r)[0]).toEqual({ orderId: 'C-1', cancelled: true });
		expect(jsons(r)[1].error).toBe('[item 1] Montly 403: OrderCantBeModified: The order can no longer be cancelled');
		expect(jsons(r)[1].details).toEqual({ description: 'An order can be cancelled only until the customer has signed it.', httpCode: '403' });
		expect(ml.state.orders.get('C-1')?.status).toBe('cancelled');
	});

	it('Mark Shipped sends shippedAt in UTC (the workflow time zone applies) or no body at all', async () => {
		await createOrder('S-1');
		await createOrder('S-2');
		ml.setStatus('S-1', 'signed');
		ml.setStatus('S-2', 'signed');
		const r = await run(
			{ resource: 'order', operation: 'markShipped', orderId: '={{ $json.id }}', shippedAt: '={{ $json.at }}' },
			[{ id: 'S-1', at: '2017-07-20T15:37:00' }, { id: 'S-2', at: '' }],
			{ timezone: 'Europe/Stockholm' },
		);
		expect(r.status).toBe('success');
		const shipped = sim.requestsTo('POST', /shipped$/);
		expect(shipped[0].json).toEqual({ shippedAt: '2017-07-20T13:37:00.000Z' });
		expect(shipped[1].text).toBe('');
		expect(jsons(r)).toEqual([
			{ orderId: 'S-1', shipped: true, shippedAt: '2017-07-20T13:37:00.000Z' },
			{ orderId: 'S-2', shipped: true },
		]);
		expect(ml.state.orders.get('S-1')?.shippedAt).toBe('2017-07-20T13:37:00.000Z');
	});

	it('Mark Shipped refuses a date it cannot read, before sending', async () => {
		const r = await run({ resource: 'order', operation: 'markShipped', orderId: 'S-1', shippedAt: '={{ "next tuesday" }}' });
		expect(r.error?.message).toBe('[item 0] Shipped At (shippedAt): "next tuesday" must be an ISO-8601 date and time, e.g. 2017-07-20T13:37:00.000Z');
		expect(sim.requests).toHaveLength(0);
	});

	it('an unknown order is a 404 naming the order', async () => {
		const r = await run({ resource: 'order', operation: 'getStatus', orderId: 'nope' });
		expect(r.status).toBe('error');
		expect(r.error?.message).toBe('[item 0] Montly 404: NotFound: Order nope not found');
	});
});

describe('Tariff → Get Many', () => {
	it('returns one item per tariff, in both documented answer shapes, and honours the limit', async () => {
		const all = await run({ resource: 'tariff', operation: 'getAll', returnAll: true });
		expect(jsons(all)).toEqual(ml.state.tariffs);
		ml.state.tariffShape = 'seed';
		const limited = await run({ resource: 'tariff', operation: 'getAll', limit: 2 });
		expect(jsons(limited)).toEqual(ml.state.tariffs.slice(0, 2));
		expect(pairs(limited)).toEqual([{ item: 0 }, { item: 0 }]);
		expect(sim.requestsTo('GET', /^\/v1\/tariffs$/)).toHaveLength(2);
	});

	it('a read is retried after a server error', async () => {
		sim.inject({ times: 1, status: 503, body: 'unavailable' });
		const r = await run({ resource: 'tariff', operation: 'getAll', returnAll: true });
		expect(r.status).toBe('success');
		expect(r.output).toHaveLength(3);
	});
});

describe('credential', () => {
	it('the credential test calls GET /v1/tariffs with the Bearer key', async () => {
		const type = new MontlyApi();
		expect(await testCredential(type, { apiKey: MONTLY_API_KEY, baseUrl: sim.url })).toMatchObject({ status: 'OK' });
		expect(sim.requests.at(-1)?.path).toBe('/v1/tariffs');
		expect(await testCredential(type, { apiKey: 'wrong-key', baseUrl: sim.url })).toMatchObject({ status: 'Error', httpStatus: 401 });
	});

	it('a wrong key is a clear error; the key never reaches output or logs', async () => {
		sim.inject({ times: 1, status: 500, body: `echo ${MONTLY_API_KEY} ${MONTLY_WEBHOOK_SECRET}`, match: (q) => q.path.endsWith('/shipped') });
		const echo = await run({ resource: 'order', operation: 'markShipped', orderId: 'x' }, [{}], { onError: 'continueRegularOutput' });
		expect(jsons(echo)[0].error).toBe('[item 0] Montly 500: echo [redacted] [redacted]');
		const r = await run({ resource: 'tariff', operation: 'getAll', returnAll: true }, [{}], { apiKey: 'wrong-key-123' });
		expect(r.error?.message).toBe('[item 0] Montly 401: Unauthorized: Invalid access token');
		const everything = JSON.stringify([echo.run.data, r.run.data]) + capturedLogs();
		expect(everything).not.toContain(MONTLY_API_KEY);
		expect(everything).not.toContain(MONTLY_WEBHOOK_SECRET);
	});
});
