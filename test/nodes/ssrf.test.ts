import '../support/enable-ssrf';

import { MailerLiteEcommerceApi } from '../../credentials/MailerLiteEcommerceApi.credentials';
import { MailerLiteEcommerce } from '../../nodes/MailerLiteEcommerce/MailerLiteEcommerce.node';
import { runWorkflow } from '../harness/run-workflow';
import { env } from '../support/builtins';
import { createMailerLiteSimulator, MAILERLITE_TOKEN } from '../simulators/mailerlite';

const ml = createMailerLiteSimulator();
beforeAll(async () => {
	await ml.sim.start();
});
afterAll(async () => {
	await ml.sim.stop();
	// Jest runs other files in this worker process next; they must get n8n's default again.
	delete env.N8N_SSRF_PROTECTION_ENABLED;
});

it("a request blocked by n8n's SSRF protection is reported as not sent, once, with the setting to change", async () => {
	const shop = ml.seedShop();
	const r = await runWorkflow({
		node: {
			type: 'mailerLiteEcommerce',
			parameters: { resource: 'shop', operation: 'get', shopId: { __rl: true, mode: 'id', value: shop.id } },
		},
		nodeTypes: { mailerLiteEcommerce: new MailerLiteEcommerce() },
		credentialTypes: { mailerLiteEcommerceApi: new MailerLiteEcommerceApi() },
		credentials: { mailerLiteEcommerceApi: { apiKey: MAILERLITE_TOKEN, baseUrl: `${ml.sim.url}/api` } },
	});
	expect(r.status).toBe('error');
	expect(r.error?.message).toMatch(/^\[item 0\] MailerLite: The request was blocked because it resolves to a restricted IP address/);
	expect(r.error?.description).toContain('N8N_SSRF_ALLOWED_IP_RANGES');
	expect(ml.sim.requests).toHaveLength(0);
});
