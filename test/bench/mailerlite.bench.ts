import { MailerLiteEcommerceApi } from '../../credentials/MailerLiteEcommerceApi.credentials';
import { MailerLiteEcommerce } from '../../nodes/MailerLiteEcommerce/MailerLiteEcommerce.node';
import { runWorkflow } from '../harness/run-workflow';
import { createMailerLiteSimulator, MAILERLITE_TOKEN, mailerLiteRateLimit } from '../simulators/mailerlite';
import type { BenchRow } from './measure';
import { measure } from './measure';

const nodeTypes = { mailerLiteEcommerce: new MailerLiteEcommerce() };
const credentialTypes = { mailerLiteEcommerceApi: new MailerLiteEcommerceApi() };

/** Get Many with Return All over 10,000 orders, 50 ms latency per request, 120/min enforced. */
export async function getManyOrders(count = 10_000, latencyMs = 50): Promise<BenchRow> {
	const ml = createMailerLiteSimulator();
	await ml.sim.start();
	try {
		const shop = ml.seedShop();
		ml.seedOrders(shop.id, count);
		ml.sim.latencyMs = latencyMs;
		ml.sim.rateLimit = mailerLiteRateLimit();
		const { result, figures } = await measure(() =>
			runWorkflow({
				node: { type: 'mailerLiteEcommerce', parameters: { resource: 'order', operation: 'getAll', shopId: { __rl: true, mode: 'id', value: shop.id }, returnAll: true } },
				nodeTypes,
				credentialTypes,
				credentials: { mailerLiteEcommerceApi: { apiKey: MAILERLITE_TOKEN, baseUrl: `${ml.sim.url}/api` } },
			}),
		);
		const ids = new Set(result.output.map((i) => i.json.id));
		return {
			name: `MailerLite Get Many, ${count} orders, ${latencyMs} ms latency`,
			...figures,
			requests: ml.sim.requests.length + ml.sim.rateLimited,
			rateLimited: ml.sim.rateLimited,
			note: `${result.output.length} items, ${ids.size} distinct ids, status ${result.status}`,
		};
	} finally {
		await ml.sim.stop();
	}
}

/** Order creates one item each, 50 ms latency, against the real 120-per-minute window. */
export async function createOrders(count = 1000, latencyMs = 50): Promise<BenchRow> {
	const ml = createMailerLiteSimulator();
	await ml.sim.start();
	try {
		const shop = ml.seedShop();
		ml.sim.latencyMs = latencyMs;
		ml.sim.rateLimit = mailerLiteRateLimit();
		const items = Array.from({ length: count }, (_, i) => ({ email: `c${i}@example.com`, sku: `SKU-${i % 50}`, price: ((i % 90) + 10).toFixed(2) }));
		const { result, figures } = await measure(() =>
			runWorkflow({
				node: {
					type: 'mailerLiteEcommerce',
					parameters: {
						resource: 'order',
						operation: 'create',
						shopId: { __rl: true, mode: 'id', value: shop.id },
						customerEmail: '={{ $json.email }}',
						cartItems: { item: [{ ecommerce_product_id: '={{ $json.sku }}', quantity: 1, price: '={{ $json.price }}' }] },
					},
				},
				nodeTypes,
				credentialTypes,
				credentials: { mailerLiteEcommerceApi: { apiKey: MAILERLITE_TOKEN, baseUrl: `${ml.sim.url}/api` } },
				items,
			}),
		);
		return {
			name: `MailerLite Create, ${count} orders, ${latencyMs} ms latency, 120/min`,
			...figures,
			requests: ml.sim.requests.length + ml.sim.rateLimited,
			rateLimited: ml.sim.rateLimited,
			note: `${ml.state.orders.get(shop.id)?.size ?? 0} orders stored, status ${result.status}`,
		};
	} finally {
		await ml.sim.stop();
	}
}
