import { HttpRequest } from 'n8n-nodes-base/dist/nodes/HttpRequest/HttpRequest.node';

import { MailerLiteEcommerceApi } from '../../credentials/MailerLiteEcommerceApi.credentials';
import { runWorkflow } from '../harness/run-workflow';
import { createMailerLiteSimulator, MAILERLITE_TOKEN } from '../simulators/mailerlite';
import { serveForTests } from '../harness/serve';

// The benchmarks compare our nodes with n8n's HTTP Request node configured as a user would; this
// proves that baseline really runs in the harness with the same credential.
const ml = createMailerLiteSimulator();
serveForTests(ml.sim);

it("n8n's HTTP Request node runs in the harness with our credential as predefined type", async () => {
	const shop = ml.seedShop();
	const r = await runWorkflow({
		node: {
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			parameters: {
				method: 'POST',
				url: `=${ml.sim.url}/api/ecommerce/shops/${shop.id}/customers`,
				authentication: 'predefinedCredentialType',
				nodeCredentialType: 'mailerLiteEcommerceApi',
				sendBody: true,
				specifyBody: 'json',
				jsonBody: '={{ JSON.stringify({ email: $json.email }) }}',
				options: {},
			},
			credentials: ['mailerLiteEcommerceApi'],
		},
		nodeTypes: { 'n8n-nodes-base.httpRequest': new HttpRequest() },
		credentialTypes: { mailerLiteEcommerceApi: new MailerLiteEcommerceApi() },
		credentials: { mailerLiteEcommerceApi: { apiKey: MAILERLITE_TOKEN, baseUrl: `${ml.sim.url}/api` } },
		items: [{ email: 'a@example.com' }, { email: 'b@example.com' }],
	});
	expect(r.error).toBeUndefined();
	expect(r.output.map((i) => (i.json.data as { email: string }).email)).toEqual(['a@example.com', 'b@example.com']);
	expect(ml.sim.requests.map((q) => q.headers.authorization)).toEqual([`Bearer ${MAILERLITE_TOKEN}`, `Bearer ${MAILERLITE_TOKEN}`]);
});
