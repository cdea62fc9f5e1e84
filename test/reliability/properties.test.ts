import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';
import type { z } from 'zod/v4';

import { orderSchema as esputnikSchema } from '../../nodes/Esputnik/schemas';
import { orderCreate as feedbackSchema } from '../../nodes/FeedbackCompany/schemas';
import { orderCreate as mailerLiteSchema } from '../../nodes/MailerLiteEcommerce/schemas';
import { orderCreateSchema as montlySchema } from '../../nodes/Montly/schemas';
import { orderUpsert as montoSchema } from '../../nodes/Monto/schemas';
import { runWorkflow } from '../harness/run-workflow';
import type { SimRequest } from '../simulators/base';
import { Simulator } from '../simulators/base';
import * as generate from './support/generators';
import { credentialTypesOf, NODES, nodeTypesOf } from './support/nodes';
import { FULL, Random, SEED } from './support/random';

/*
 * Property-based tests with a seeded generator (support/random.ts): valid orders of every
 * provider, with any mix of optional fields, unicode and injection-looking text, always pass
 * validation and come out unchanged; sent through the real node (JSON input, `{{ $json }}`),
 * the provider receives exactly the order that went in. A failure names the seed and the case;
 * ORDER_SYNC_SEED=<seed> replays it.
 */

const RUNS = FULL ? 5_000 : 300;
const THROUGH_NODE = FULL ? 500 : 50;

/** JSON with sorted keys, so that equal data compares equal whatever the key order. */
function canonical(value: unknown): string {
	return JSON.stringify(value, (_key, v: unknown) =>
		v && typeof v === 'object' && !Array.isArray(v)
			? Object.fromEntries(Object.entries(v as IDataObject).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
			: v,
	);
}

interface Provider {
	name: string;
	node: string;
	generate: (r: Random) => IDataObject;
	schema: z.ZodType;
	parameters: INodeParameters;
	/** Caps the engine run (MailerLite's 120 requests a minute). */
	maxThroughNode?: number;
	/** The orders one request carried. */
	carried: (req: SimRequest) => unknown[];
}

const json: INodeParameters = { inputMode: 'json', jsonBody: '={{ $json }}' };
const single = (req: SimRequest) => [req.json];

const providers: Provider[] = [
	{
		name: 'eSputnik Create or Update',
		node: 'esputnik',
		generate: generate.esputnikOrder,
		schema: esputnikSchema({ timezone: 'Europe/Kyiv', checkTotalCost: true }),
		parameters: { resource: 'order', operation: 'upsert', ...json },
		carried: (req) => (req.json as { orders: unknown[] }).orders,
	},
	{
		name: 'MailerLite Order Create',
		node: 'mailerLiteEcommerce',
		generate: generate.mailerLiteOrder,
		schema: mailerLiteSchema,
		parameters: { resource: 'order', operation: 'create', shopId: { __rl: true, mode: 'id', value: '1' }, ...json },
		maxThroughNode: 100,
		carried: single,
	},
	{
		name: 'Monto Create or Update',
		node: 'monto',
		generate: generate.montoOrder,
		schema: montoSchema,
		parameters: { resource: 'order', operation: 'upsert', ...json, options: { requestInterval: 0 } },
		carried: single,
	},
	{
		name: 'The Feedback Company Order Create',
		node: 'feedbackCompany',
		generate: generate.feedbackCompanyOrder,
		schema: feedbackSchema,
		parameters: { resource: 'order', operation: 'create', ...json },
		carried: single,
	},
	{
		name: 'Montly Order Create',
		node: 'montly',
		generate: generate.montlyOrder,
		schema: montlySchema('ore'),
		parameters: { resource: 'order', operation: 'create', ...json },
		carried: single,
	},
];

const server = new Simulator(() => ({ status: 200, body: { access_token: 'token', data: { id: '1' } } }));
beforeAll(async () => {
	await server.start();
});
afterAll(async () => {
	await server.stop();
});

const byType = new Map(NODES.map((n) => [n.type, n]));
const credentials: ICredentialDataDecryptedObject = { apiKey: 'key', clientId: 'c', clientSecret: 'secret', accessToken: '', baseUrl: '' };

describe(`valid orders pass validation and round-trip unchanged (seed ${SEED}; replay with ORDER_SYNC_SEED=${SEED})`, () => {
	it.each(providers.map((p, index): [string, number, Provider] => [p.name, index, p]))(
		`%s: ${RUNS} generated orders validate to themselves`,
		(_name, index, provider) => {
			const random = new Random(SEED + index);
			let failure: string | undefined;
			for (let k = 0; k < RUNS && !failure; k++) {
				const order = provider.generate(random);
				const result = provider.schema.safeParse(structuredClone(order));
				if (!result.success) {
					failure = `case ${k}: rejected (${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}): ${JSON.stringify(order)}`;
				} else if (canonical(result.data) !== canonical(order)) {
					failure = `case ${k}: changed\n  in:  ${canonical(order)}\n  out: ${canonical(result.data)}`;
				}
			}
			expect(failure).toBeUndefined();
		},
	);

	it.each(providers.map((p, index): [string, number, Provider] => [p.name, index, p]))(
		`%s: generated orders sent through the node reach the provider unchanged`,
		async (_name, index, provider) => {
			const random = new Random(SEED + 100 + index);
			const count = Math.min(THROUGH_NODE, provider.maxThroughNode ?? Infinity);
			const orders = Array.from({ length: count }, () => provider.generate(random));
			const n = byType.get(provider.node)!;
			server.requests.length = 0;
			const r = await runWorkflow({
				node: { type: n.type, parameters: provider.parameters },
				nodeTypes: nodeTypesOf(n),
				credentialTypes: credentialTypesOf(n),
				credentials: { [n.credentialName]: { ...credentials, baseUrl: server.url } },
				items: orders,
			});
			expect(r.error?.message).toBeUndefined();
			expect(r.output).toHaveLength(count);
			const received = server.requests.filter((q) => q.method === 'POST').flatMap(provider.carried);
			const changed = orders.findIndex((order, k) => canonical(received[k]) !== canonical(order));
			expect(changed === -1 ? undefined : `case ${changed}\n  sent:     ${canonical(orders[changed])}\n  received: ${canonical(received[changed])}`).toBeUndefined();
			expect(received).toHaveLength(count);
		},
	);
});
