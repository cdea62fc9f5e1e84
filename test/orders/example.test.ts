import type { IDataObject, INodeParameters, INodeProperties } from 'n8n-workflow';

import { EsputnikApi } from '../../credentials/EsputnikApi.credentials';
import { Esputnik } from '../../nodes/Esputnik/Esputnik.node';
import example from '../../docs/examples/shopify-to-esputnik.json';
import { runWorkflow } from '../harness/run-workflow';
import { createEsputnikSimulator, ESPUTNIK_API_KEY } from '../simulators/esputnik';
import { SHOPIFY } from './fixtures';
import { serveForTests } from '../harness/serve';

/* The README's example workflow: Shopify Trigger → eSputnik with Input Mode Shopify Order. */

const es = createEsputnikSimulator();

serveForTests(es.sim);

const node = (type: string) => example.nodes.find((n) => n.type === type)!;

describe('docs/examples/shopify-to-esputnik.json', () => {
	it('connects the Shopify Trigger of order updates to the eSputnik node', () => {
		const trigger = node('n8n-nodes-base.shopifyTrigger');
		expect(trigger.parameters).toMatchObject({ topic: 'orders/updated' });
		expect(example.connections[trigger.name as 'Shopify Trigger'].main[0][0].node).toBe(node('n8n-nodes-order-sync.esputnik').name);
	});

	it('uses only parameters and values the eSputnik node has', () => {
		const parameters = node('n8n-nodes-order-sync.esputnik').parameters as IDataObject;
		const properties = new Esputnik().description.properties;
		for (const [name, value] of Object.entries(parameters)) {
			const defined = properties.filter((p: INodeProperties) => p.name === name);
			expect({ name, defined: defined.length > 0 }).toEqual({ name, defined: true });
			const options = defined.flatMap((p) => (p.type === 'options' ? (p.options as Array<{ value: unknown }>).map((o) => o.value) : []));
			if (options.length) expect(options).toContain(value);
		}
	});

	it('sends a Shopify order as the trigger outputs it', async () => {
		const r = await runWorkflow({
			node: { type: 'esputnik', parameters: node('n8n-nodes-order-sync.esputnik').parameters as INodeParameters },
			nodeTypes: { esputnik: new Esputnik() },
			credentialTypes: { esputnikApi: new EsputnikApi() },
			credentials: { esputnikApi: { apiKey: ESPUTNIK_API_KEY, baseUrl: `${es.sim.url}/api` } },
			items: [SHOPIFY.presentmentSek],
		});
		expect(r.error).toBeUndefined();
		const [request] = es.sim.requestsTo('POST', /^\/api\/v1\/orders$/);
		expect((request.json as { orders: IDataObject[] }).orders).toMatchObject([
			{ externalOrderId: '5873523306231', status: 'DELIVERED', totalCost: 1909.9, currency: 'EUR', email: 'inkop@nordljus.se' },
		]);
	});
});
