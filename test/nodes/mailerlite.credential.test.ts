import { MailerLiteEcommerceApi } from '../../credentials/MailerLiteEcommerceApi.credentials';
import { testCredential } from '../harness/credential-test';
import { createMailerLiteSimulator, MAILERLITE_TOKEN } from '../simulators/mailerlite';
import { serveForTests } from '../harness/serve';

const { sim } = createMailerLiteSimulator();
serveForTests(sim);

describe('MailerLite credential Test button', () => {
	it('succeeds with a valid key, calling GET /ecommerce/shops?limit=1 with the Bearer token', async () => {
		const result = await testCredential(new MailerLiteEcommerceApi(), { apiKey: MAILERLITE_TOKEN, baseUrl: `${sim.url}/api` });
		expect(result).toMatchObject({ status: 'OK' });
		const request = sim.requests.at(-1)!;
		expect(request.rawUrl).toBe('/api/ecommerce/shops?limit=1');
		expect(request.headers.authorization).toBe(`Bearer ${MAILERLITE_TOKEN}`);
	});

	it('fails with a wrong key', async () => {
		const result = await testCredential(new MailerLiteEcommerceApi(), { apiKey: 'nope-nope', baseUrl: `${sim.url}/api` });
		expect(result).toMatchObject({ status: 'Error', httpStatus: 401 });
	});
});
