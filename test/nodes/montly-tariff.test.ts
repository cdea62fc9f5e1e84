import type { IDataObject, INode } from 'n8n-workflow';

import { MontlyApi } from '../../credentials/MontlyApi.credentials';
import { Montly } from '../../nodes/Montly/Montly.node';
import { loadOptions } from '../harness/load-options';
import { runWorkflow } from '../harness/run-workflow';
import { serveForTests } from '../harness/serve';
import { createMontlySimulator, MONTLY_API_KEY, MONTLY_WEBHOOK_SECRET } from '../simulators/montly';
import { SHOPIFY } from '../orders/fixtures';

/*
 * Montly → Order → Create with Tariff and Monthly Price left empty, through n8n-core: the account's
 * tariff for the chosen months is read once per execution (GET /v1/tariffs, also with Dry Run)
 * and the monthly price is round(total × tariff / 100) in öre. And the Tariff list of the editor.
 */

const montly = createMontlySimulator();
const { sim } = montly;

serveForTests(sim, () => montly.resetState());

const credentials = () => ({ montlyApi: { apiKey: MONTLY_API_KEY, baseUrl: sim.url, webhookSecret: MONTLY_WEBHOOK_SECRET } });

async function run(parameters: INode['parameters'], items: IDataObject[], extra: { onError?: INode['onError'] } = {}) {
	return await runWorkflow({
		node: { type: 'montly', parameters, onError: extra.onError },
		nodeTypes: { montly: new Montly() },
		credentialTypes: { montlyApi: new MontlyApi() },
		credentials: credentials(),
		items,
	});
}

const tariffReads = () => sim.requestsTo('GET', /^\/v1\/tariffs$/);
const posts = () => sim.requestsTo('POST', /^\/v1\/orders$/);
const attributesOf = (index: number) => (posts()[index].json as { data: { attributes: IDataObject } }).data.attributes;

/** Fields mode with every required field except Tariff and Monthly Price. */
const fields = (extra: IDataObject = {}) => ({
	resource: 'order',
	operation: 'create',
	amountUnit: 'sek',
	orderId: '={{ $json.orderId }}',
	firstName: 'Matthew',
	lastName: 'Hunter',
	company: 'Hunter AB',
	orgNumber: '559089-4308',
	email: 'matthew@hunter.example.com',
	phone: '+46 8 123 456',
	customerIp: '131.168.20.70',
	totalPrice: '={{ $json.total }}',
	VAT: 2406.92,
	shipping: 0,
	shippingVAT: 0,
	months: '={{ $json.months }}',
	billingAddress: 'Storgatan 1',
	billingCity: 'Stockholm',
	billingPostcode: '111 22',
	items: { item: [{ name: 'Laptop', productId: 'LAP-1', quantity: 1, totalPrice: '={{ $json.total }}', VAT: 2406.92 }] },
	...extra,
});

const order = (n: number, months: number, total = 9627.68) => ({ orderId: `ORD-${n}`, months, total });

describe('Tariff and Monthly Price left empty', () => {
	it('take the account\'s tariff for each item\'s months, read once per execution, and compute the monthly price', async () => {
		const r = await run(fields(), [order(1, 24), order(2, 36), order(3, 24, 6000)]);
		expect(r.status).toBe('success');
		expect(tariffReads()).toHaveLength(1);
		expect(posts()).toHaveLength(3);
		// round(962768 × 1.47 / 100) = round(14152.6896); round(962768 × 1.04 / 100) = round(10012.7872); 600000 × 1.47 / 100 = 8820.
		expect([0, 1, 2].map((i) => [attributesOf(i).tariff, attributesOf(i).monthlyPrice])).toEqual([
			[1.47, 14153],
			[1.04, 10013],
			[1.47, 8820],
		]);
		const second = await run(fields(), [order(4, 48)]);
		expect(second.status).toBe('success');
		expect(tariffReads()).toHaveLength(2);
		expect(attributesOf(3)).toMatchObject({ tariff: 0.83, monthlyPrice: 7991 });
	});

	it('a tariff or monthly price given is sent as given, without reading the tariffs', async () => {
		const r = await run(fields({ tariff: 2.1, monthlyPrice: 1210.42 }), [order(1, 24)]);
		expect(r.status).toBe('success');
		expect(tariffReads()).toHaveLength(0);
		expect(attributesOf(0)).toMatchObject({ tariff: 2.1, monthlyPrice: 121042 });
		const computed = await run(fields({ tariff: 2.1 }), [order(2, 24)]);
		expect(computed.status).toBe('success');
		expect(attributesOf(1)).toMatchObject({ tariff: 2.1, monthlyPrice: 20218 });
	});

	it('with Dry Run the tariffs are read (a GET) and nothing is sent', async () => {
		const r = await run(fields({ dryRun: true }), [order(1, 24)]);
		expect(r.status).toBe('success');
		expect(tariffReads()).toHaveLength(1);
		expect(posts()).toHaveLength(0);
		const request = r.output[0].json.request as { body: { data: { attributes: IDataObject } } };
		expect(request.body.data.attributes).toMatchObject({ tariff: 1.47, monthlyPrice: 14153 });
	});

	it('months without a tariff stop that item naming Tariff and the months Montly has; nothing is sent', async () => {
		const r = await run(fields(), [order(1, 24), order(2, 30)]);
		expect(r.status).toBe('error');
		expect(r.error?.message).toMatch(/^\[item 1\] .*data\.attributes\.tariff\)?: /);
		expect(r.error?.message).toContain('no tariff for 30 months (it has 24, 36, 48 months)');
		expect(posts()).toHaveLength(0);
		const going = await run(fields(), [order(1, 24), order(2, 30)], { onError: 'continueRegularOutput' });
		expect(going.output.map((o) => o.json.alreadyExists ?? o.json.error)).toEqual([false, expect.stringMatching(/^\[item 1\] /)]);
		expect(posts()).toHaveLength(1);
	});

	it('the order modes take the account\'s tariff too', async () => {
		const r = await run(
			{ resource: 'order', operation: 'create', inputMode: 'shopifyOrder', shopifyCurrency: 'presentment', orgNumber: '559089-4308', months: 36 },
			[SHOPIFY.presentmentSek],
		);
		expect(r.status).toBe('success');
		expect(tariffReads()).toHaveLength(1);
		// 1 770 720 öre × 1.04 / 100 = 18 415.488
		expect(attributesOf(0)).toMatchObject({ totalPrice: 1770720, months: 36, tariff: 1.04, monthlyPrice: 18415 });
	});
});

describe('Tariff list in the editor', () => {
	const list = async (months: number) =>
		await loadOptions({
			type: 'montly',
			node: new Montly(),
			method: 'getTariffs',
			parameters: { resource: 'order', operation: 'create', months },
			credentialTypes: { montlyApi: new MontlyApi() },
			credentials: credentials(),
		});

	it('offers the current tariff (left empty) and the account\'s tariff for the chosen months', async () => {
		expect(await list(36)).toEqual([
			{
				name: 'Current Tariff (Read When the Workflow Runs)',
				value: '',
				description: expect.stringContaining('now 1.04 % a month'),
			},
			{ name: '1.04 % a Month', value: 1.04, description: expect.stringContaining('36 months') },
		]);
		expect((await list(24)).map((o) => o.value)).toEqual(['', 1.47]);
		expect(tariffReads()[0].headers.authorization).toBe(`Bearer ${MONTLY_API_KEY}`);
	});

	it('says which months have a tariff when the chosen ones have none', async () => {
		const options = await list(30);
		expect(options.map((o) => o.value)).toEqual(['']);
		expect(options[0].description).toContain('no tariff for 30 months (it has 24, 36, 48 months)');
	});
});
