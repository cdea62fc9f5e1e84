import { MailerLiteEcommerceApi } from '../../credentials/MailerLiteEcommerceApi.credentials';
import { MailerLiteEcommerce } from '../../nodes/MailerLiteEcommerce/MailerLiteEcommerce.node';
import { runWorkflow } from '../harness/run-workflow';
import { Simulator } from '../simulators/base';
import { serveForTests } from '../harness/serve';

const sim = new Simulator((req) =>
	req.headers.authorization === 'Bearer k-123456'
		? { status: 200, body: { data: { id: req.path.split('/').pop(), ok: true } } }
		: { status: 401, body: { message: 'Unauthenticated.' } },
);

serveForTests(sim);

it('runs the node in WorkflowExecute with the credential applied', async () => {
	const result = await runWorkflow({
		node: {
			type: 'mailerLiteEcommerce',
			parameters: {
				resource: 'order',
				operation: 'get',
				shopId: { __rl: true, mode: 'id', value: '7' },
				orderId: '={{ $json.oid }}',
			},
		},
		nodeTypes: { mailerLiteEcommerce: new MailerLiteEcommerce() },
		credentialTypes: { mailerLiteEcommerceApi: new MailerLiteEcommerceApi() },
		credentials: { mailerLiteEcommerceApi: { apiKey: 'k-123456', baseUrl: `${sim.url}/api` } },
		items: [{ oid: '11' }, { oid: '12' }],
	});
	expect(result.error).toBeUndefined();
	expect(result.status).toBe('success');
	expect(result.output.map((i) => i.json)).toEqual([
		{ id: '11', ok: true },
		{ id: '12', ok: true },
	]);
	expect(result.output.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	expect(sim.requests.map((r) => r.path).sort()).toEqual([
		'/api/ecommerce/shops/7/orders/11',
		'/api/ecommerce/shops/7/orders/12',
	]);
});
