/**
 * Dry Run on every write operation: the same parameters, expressions, mapping and validation as a
 * normal run, then nothing is sent (no API request, no token request); each item shows the request
 * that a normal run sends.
 */
import type { ICredentialDataDecryptedObject, ICredentialType, IDataObject, INode, INodeType, INodeParameters } from 'n8n-workflow';

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
import { createExample as seedExample } from '../../nodes/Montly/actions/order/fields';
import { runWorkflow } from '../harness/run-workflow';
import { esputnikOrder as esOrder } from '../support/orders';
import { serveForTests } from '../harness/serve';
import type { Simulator } from '../simulators/base';
import { createEsputnikSimulator, ESPUTNIK_API_KEY } from '../simulators/esputnik';
import { createFeedbackCompanySimulator, FC_CLIENT_ID, FC_CLIENT_SECRET } from '../simulators/feedback-company';
import { createMailerLiteSimulator, MAILERLITE_TOKEN } from '../simulators/mailerlite';
import { createMontlySimulator, MONTLY_API_KEY, MONTLY_WEBHOOK_SECRET } from '../simulators/montly';
import { createMontoSimulator, MONTO_API_KEY } from '../simulators/monto';

const ml = createMailerLiteSimulator();
const es = createEsputnikSimulator();
const fc = createFeedbackCompanySimulator();
const monto = createMontoSimulator();
const montly = createMontlySimulator();
let shopId = '';
serveForTests(ml.sim, () => {
	for (const map of Object.values(ml.state)) if (map instanceof Map) map.clear();
	shopId = ml.seedShop().id;
});
serveForTests(es.sim, () => {});
serveForTests(fc.sim, () => fc.resetState());
serveForTests(monto.sim, () => {});
serveForTests(montly.sim, () => montly.resetState());

interface Case {
	name: string;
	type: string;
	node: INodeType;
	credentialType: string;
	credential: ICredentialType;
	credentials: () => ICredentialDataDecryptedObject;
	sim: Simulator;
	params: () => INodeParameters;
	items: () => IDataObject[];
	/** Prepares the simulator so that a normal run succeeds (e.g. the order to cancel exists). */
	seed?: () => Promise<void> | void;
}

const mlCreds = () => ({ apiKey: MAILERLITE_TOKEN, baseUrl: `${ml.sim.url}/api` });
const shopRl = () => ({ __rl: true, mode: 'id', value: shopId });
const mlCase = (name: string, params: () => INodeParameters, items: () => IDataObject[], seed?: Case['seed']): Case => ({
	name: `MailerLite ${name}`,
	type: 'mailerLiteEcommerce',
	node: new MailerLiteEcommerce(),
	credentialType: 'mailerLiteEcommerceApi',
	credential: new MailerLiteEcommerceApi(),
	credentials: mlCreds,
	sim: ml.sim,
	params,
	items,
	seed,
});

const montlyCreds = () => ({ apiKey: MONTLY_API_KEY, baseUrl: montly.sim.url, webhookSecret: MONTLY_WEBHOOK_SECRET });
const montlyOrder = (orderId: string) => ({
	data: { ...seedExample.data, attributes: { ...seedExample.data.attributes, orderId } },
});
const montlyCase = (name: string, params: () => INodeParameters, items: () => IDataObject[], seed?: Case['seed']): Case => ({
	name: `Montly ${name}`,
	type: 'montly',
	node: new Montly(),
	credentialType: 'montlyApi',
	credential: new MontlyApi(),
	credentials: montlyCreds,
	sim: montly.sim,
	params,
	items,
	seed,
});
const montlySeed = async () => {
	const r = await runWorkflow({
		node: { type: 'montly', parameters: { resource: 'order', operation: 'create', inputMode: 'json', jsonBody: '={{ JSON.stringify($json.body) }}' } },
		nodeTypes: { montly: new Montly() },
		credentialTypes: { montlyApi: new MontlyApi() },
		credentials: { montlyApi: montlyCreds() },
		items: [{ body: montlyOrder('M-1') }, { body: montlyOrder('M-2') }],
	});
	expect(r.status).toBe('success');
	montly.sim.reset();
};

const cases: Case[] = [
	mlCase(
		'Order → Create',
		() => ({
			resource: 'order',
			operation: 'create',
			shopId: shopRl(),
			customerEmail: '={{ $json.email }}',
			cartItems: { item: [{ ecommerce_product_id: '={{ $json.sku }}', variant: '', quantity: 2, price: '19.90' }] },
			additionalFields: { status: 'pending' },
		}),
		() => [{ email: 'ann@example.com', sku: 'SKU-1' }, { email: 'bob@example.com', sku: 'SKU-2' }],
	),
	mlCase(
		'Product → Import (one request for all items)',
		() => ({ resource: 'product', operation: 'import', shopId: shopRl(), inputMode: 'json', jsonBody: '={{ JSON.stringify($json) }}' }),
		() => [
			{ name: 'Mug', price: 9.5, url: 'https://s.example.com/mug' },
			{ name: 'Cup', price: 7, url: 'https://s.example.com/cup' },
		],
	),
	mlCase(
		'Customer → Delete',
		() => ({ resource: 'customer', operation: 'delete', shopId: shopRl(), customerId: '={{ $json.id }}' }),
		() => ml.state.customers.get(shopId) ? [...(ml.state.customers.get(shopId)?.keys() ?? [])].map((id) => ({ id })) : [],
		() => {
			ml.seedCustomers(shopId, 2);
			ml.sim.reset();
		},
	),
	{
		name: 'eSputnik Order → Create or Update (batches of 2)',
		type: 'esputnik',
		node: new Esputnik(),
		credentialType: 'esputnikApi',
		credential: new EsputnikApi(),
		credentials: () => ({ apiKey: ESPUTNIK_API_KEY, baseUrl: `${es.sim.url}/api` }),
		sim: es.sim,
		params: () => ({ resource: 'order', operation: 'upsert', inputMode: 'json', jsonBody: '={{ JSON.stringify($json) }}', options: { batchSize: 2 } }),
		items: () => [esOrder(1), esOrder(2), esOrder(3)],
	},
	{
		name: 'eSputnik Order → Delete',
		type: 'esputnik',
		node: new Esputnik(),
		credentialType: 'esputnikApi',
		credential: new EsputnikApi(),
		credentials: () => ({ apiKey: ESPUTNIK_API_KEY, baseUrl: `${es.sim.url}/api` }),
		sim: es.sim,
		params: () => ({ resource: 'order', operation: 'delete', deleteBy: 'externalOrderId', externalOrderId: '={{ $json.id }}' }),
		items: () => [{ id: 'ord-1' }, { id: 'ord-2' }],
	},
	{
		name: 'Monto Order → Create or Update',
		type: 'monto',
		node: new Monto(),
		credentialType: 'montoApi',
		credential: new MontoApi(),
		credentials: () => ({ apiKey: MONTO_API_KEY, baseUrl: monto.sim.url }),
		sim: monto.sim,
		params: () => ({
			resource: 'order',
			operation: 'upsert',
			orderId: '={{ $json.id }}',
			customerName: 'Ann',
			customerEmail: '={{ $json.email }}',
			status: 'fulfilled',
			itemSlugs: 'first-product',
			options: { requestInterval: 0 },
		}),
		items: () => [{ id: 'o-1', email: 'ann@example.com' }, { id: 'o-2', email: 'bob@example.com' }],
	},
	{
		name: 'The Feedback Company Order → Create',
		type: 'feedbackCompany',
		node: new FeedbackCompany(),
		credentialType: 'feedbackCompanyApi',
		credential: new FeedbackCompanyApi(),
		credentials: () => ({ clientId: FC_CLIENT_ID, clientSecret: FC_CLIENT_SECRET, baseUrl: `${fc.sim.url}/api/v2`, accessToken: '' }),
		sim: fc.sim,
		params: () => ({
			resource: 'order',
			operation: 'create',
			external_id: '={{ $json.id }}',
			customerEmail: '={{ $json.email }}',
			customerFullname: 'Ann Example',
			sendInvitation: true,
			delay: { value: { unit: 'days', amount: 3 } },
			reminder: { value: { unit: 'days', amount: 10 } },
		}),
		items: () => [{ id: 'ORD-1', email: 'ann@example.com' }, { id: 'ORD-2', email: 'bob@example.com' }],
	},
	montlyCase(
		'Order → Create',
		() => ({ resource: 'order', operation: 'create', inputMode: 'json', jsonBody: '={{ JSON.stringify($json.body) }}' }),
		() => [{ body: montlyOrder('M-1') }, { body: montlyOrder('M-2') }],
	),
	montlyCase('Order → Cancel', () => ({ resource: 'order', operation: 'cancel', orderId: '={{ $json.id }}' }), () => [{ id: 'M-1' }, { id: 'M-2' }], montlySeed),
	montlyCase(
		'Order → Mark Shipped',
		() => ({ resource: 'order', operation: 'markShipped', orderId: '={{ $json.id }}', shippedAt: '2024-05-02T10:00:00Z' }),
		() => [{ id: 'M-1' }, { id: 'M-2' }],
		async () => {
			await montlySeed();
			montly.setStatus('M-1', 'signed');
			montly.setStatus('M-2', 'signed');
		},
	),
];

async function runCase(c: Case, dryRun: boolean | string) {
	return await runWorkflow({
		node: { type: c.type, parameters: { ...c.params(), dryRun } as INode['parameters'] },
		nodeTypes: { [c.type]: c.node },
		credentialTypes: { [c.credentialType]: c.credential },
		credentials: { [c.credentialType]: c.credentials() },
		items: c.items(),
	});
}

describe.each(cases)('Dry Run: $name', (c) => {
	it('sends nothing (no API and no token request) and shows, per item, the body a normal run sends', async () => {
		await c.seed?.();
		const items = c.items();
		const dry = await runCase(c, true);
		expect(dry.status).toBe('success');
		expect(c.sim.requests).toHaveLength(0);
		expect(dry.output).toHaveLength(items.length);
		expect(dry.output.map((i) => i.pairedItem)).toEqual(items.map((_, item) => ({ item })));
		for (const item of dry.output) expect(item.json).toMatchObject({ dryRun: true, request: { method: expect.any(String), url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\//) } });

		const real = await runCase(c, false);
		expect(real.status).toBe('success');
		const writes = c.sim.requests.filter((r) => r.method !== 'GET' && !r.path.endsWith('/oauth2/token'));
		const previews = dry.output.map((i) => i.json.request as IDataObject);
		if (dry.output[0].json.batch) {
			// Batched: each item shows its own part; the parts of one batch make that batch's body.
			const byBatch = new Map<number, IDataObject[]>();
			for (const item of dry.output) {
				const { number } = item.json.batch as IDataObject;
				byBatch.set(number as number, [...(byBatch.get(number as number) ?? []), item.json.request as IDataObject]);
			}
			expect(writes).toHaveLength(byBatch.size);
			[...byBatch.values()].forEach((parts, index) => {
				const key = Object.keys(parts[0].body as IDataObject)[0];
				const merged = key && !Array.isArray(parts[0].body) ? { [key]: parts.flatMap((p) => (p.body as IDataObject)[key] as IDataObject[]) } : parts.flatMap((p) => p.body as IDataObject[]);
				expect(writes[index].json ?? undefined).toEqual(merged);
			});
		} else {
			expect(writes).toHaveLength(previews.length);
			writes.forEach((request, index) => {
				const preview = previews[index];
				expect(preview.method).toBe(request.method);
				expect(new URL(preview.url as string).pathname).toBe(request.path);
				if (preview.body !== undefined) expect(request.json).toEqual(preview.body);
				if (preview.qs !== undefined) expect(request.query).toEqual(preview.qs);
			});
		}
		// No secret in any preview.
		const text = JSON.stringify(dry.output);
		for (const secret of Object.values(c.credentials()).filter((v) => typeof v === 'string' && v.length > 8 && !/^http/.test(v))) {
			expect(text).not.toContain(secret);
		}
	});
});

describe('Dry Run keeps validation and takes expressions', () => {
	it('a bad item errors exactly as without Dry Run, On Error: Continue included', async () => {
		const c = cases[0];
		const items = [{ email: 'ann@example.com', sku: 'SKU-1' }, { email: 'not-an-email', sku: 'SKU-2' }];
		const run = async (dryRun: boolean) =>
			await runWorkflow({
				node: { type: c.type, parameters: { ...c.params(), dryRun }, onError: 'continueRegularOutput' },
				nodeTypes: { [c.type]: c.node },
				credentialTypes: { [c.credentialType]: c.credential },
				credentials: { [c.credentialType]: c.credentials() },
				items,
			});
		const dry = await run(true);
		expect(ml.sim.requests).toHaveLength(0);
		const real = await run(false);
		expect(dry.output[1].json).toEqual(real.output[1].json);
		expect(dry.output[1].json.error).toBe('[item 1] Customer Email (customer.email): "not-an-email" is not a valid e-mail address');
		expect(dry.output[0].json.dryRun).toBe(true);
	});

	it('an expression turns Dry Run on per item', async () => {
		const c = cases[0];
		const r = await runWorkflow({
			node: { type: c.type, parameters: { ...c.params(), dryRun: '={{ $json.email.startsWith("test") }}' } },
			nodeTypes: { [c.type]: c.node },
			credentialTypes: { [c.credentialType]: c.credential },
			credentials: { [c.credentialType]: c.credentials() },
			items: [{ email: 'test@example.com', sku: 'A' }, { email: 'real@example.com', sku: 'B' }],
		});
		expect(r.status).toBe('success');
		expect(r.output[0].json.dryRun).toBe(true);
		expect(r.output[1].json.dryRun).toBeUndefined();
		expect(ml.sim.requestsTo('POST', /\/orders$/)).toHaveLength(1);
	});
});

describe('every write operation has Dry Run, and no read operation has it', () => {
	const nodes: Array<[string, INodeType, RegExp]> = [
		['MailerLite', new MailerLiteEcommerce(), /^(create|update|import|delete)$/],
		['eSputnik', new Esputnik(), /^(upsert|delete)$/],
		['Monto', new Monto(), /^upsert$/],
		['The Feedback Company', new FeedbackCompany(), /^create$/],
		['Montly', new Montly(), /^(create|cancel|markShipped)$/],
	];
	it.each(nodes)('%s', (_name, node, writes) => {
		const props = node.description.properties;
		const operations = props.filter((p) => p.name === 'operation');
		expect(operations.length).toBeGreaterThan(0);
		const dry = props.filter((p) => p.name === 'dryRun');
		for (const op of operations) {
			const resource = op.displayOptions?.show?.resource?.[0] as string;
			for (const option of (op.options ?? []) as Array<{ value: string }>) {
				const shown = dry.some(
					(d) => (d.displayOptions?.show?.resource as string[]).includes(resource) && (d.displayOptions?.show?.operation as string[]).includes(option.value),
				);
				expect({ resource, operation: option.value, dryRun: shown }).toEqual({ resource, operation: option.value, dryRun: writes.test(option.value) });
			}
		}
		for (const d of dry) expect(d).toMatchObject({ type: 'boolean', default: false, displayName: 'Dry Run' });
	});
});
