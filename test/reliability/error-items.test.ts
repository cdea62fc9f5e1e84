import { MontoApi } from '../../credentials/MontoApi.credentials';
import { Monto } from '../../nodes/Monto/Monto.node';
import { runWorkflow } from '../harness/run-workflow';
import { Simulator } from '../simulators/base';
import { serveForTests } from '../harness/serve';

/*
 * With "On Error: Continue", an error item carries `{ error, details: { description, httpCode } }`
 * in its JSON, so the user sees what to fix. The error is not attached as `item.error`: n8n-core
 * (WorkflowExecute.normalizeNodeErrors) would replace such an item's JSON by `{ error: message }`.
 * The item must still go to the error output when the node has one.
 */

const sim = new Simulator((req) =>
	req.path.includes('/orders/ok/')
		? { status: 200, body: { subscriptions: [{ stripe_id: 'sub_1' }] } }
		: { status: 401, body: { message: 'Provided access token is invalid.' } },
);
serveForTests(sim);

/** Get Subscriptions for each item's `id` (`ok` succeeds, anything else gets a 401). */
async function run(onError: 'continueRegularOutput' | 'continueErrorOutput', ids: string[]) {
	return await runWorkflow({
		node: {
			type: 'monto',
			parameters: { resource: 'order', operation: 'getSubscriptions', orderId: '={{ $json.id }}', options: { requestInterval: 0 } },
			onError,
		},
		nodeTypes: { monto: new Monto() },
		credentialTypes: { montoApi: new MontoApi() },
		credentials: { montoApi: { apiKey: 'key-1234', baseUrl: sim.url } },
		items: ids.map((id) => ({ id })),
	});
}

it('an error item keeps its description and HTTP code in its JSON', async () => {
	const r = await run('continueRegularOutput', ['o-1']);
	expect(r.output[0].json).toEqual({
		error: '[item 0] Monto 401: Provided access token is invalid.',
		details: { description: 'Check the API key in the Monto credential.', httpCode: '401' },
	});
});

it('goes to the error output, with its details, when the node has one', async () => {
	const r = await run('continueErrorOutput', ['ok', 'o-2']);
	expect(r.status).toBe('success');
	const [taskData] = Object.values(r.run.data.resultData.runData).at(-1)!;
	const [success, errors] = taskData.data!.main;
	expect(success!.map((i) => i.json.stripe_id)).toEqual(['sub_1']);
	expect(errors!.map((i) => i.json)).toEqual([
		{
			id: 'o-2',
			error: '[item 1] Monto 401: Provided access token is invalid.',
			details: { description: 'Check the API key in the Monto credential.', httpCode: '401' },
		},
	]);
	expect(errors!.map((i) => i.pairedItem)).toEqual([{ item: 1 }]);
});
