import { MailerLiteEcommerceApi } from '../../credentials/MailerLiteEcommerceApi.credentials';
import { MailerLiteEcommerce } from '../../nodes/MailerLiteEcommerce/MailerLiteEcommerce.node';
import { runWorkflow } from '../harness/run-workflow';
import { createMailerLiteSimulator, MAILERLITE_TOKEN } from '../simulators/mailerlite';
import { serveForTests } from '../harness/serve';

const ml = createMailerLiteSimulator();
serveForTests(ml.sim);

// Real time: 125 requests against the simulator's real 120-per-60-s window take just over a minute.
it('stays under 120 requests per minute: 125 gets, zero 429s', async () => {
	const shop = ml.seedShop();
	const orders = ml.seedOrders(shop.id, 125);
	const started = Date.now();
	const r = await runWorkflow({
		node: {
			type: 'mailerLiteEcommerce',
			parameters: { resource: 'order', operation: 'get', shopId: { __rl: true, mode: 'id', value: shop.id }, orderId: '={{ $json.id }}' },
		},
		nodeTypes: { mailerLiteEcommerce: new MailerLiteEcommerce() },
		credentialTypes: { mailerLiteEcommerceApi: new MailerLiteEcommerceApi() },
		credentials: { mailerLiteEcommerceApi: { apiKey: MAILERLITE_TOKEN, baseUrl: `${ml.sim.url}/api` } },
		items: orders.map((o) => ({ id: o.id })),
	});
	expect(r.status).toBe('success');
	expect(r.output.map((i) => i.json.id)).toEqual(orders.map((o) => o.id));
	expect(ml.sim.rateLimited).toBe(0);
	expect(ml.sim.requests).toHaveLength(125);
	expect(Date.now() - started).toBeGreaterThanOrEqual(60_000);
}, 150_000);
