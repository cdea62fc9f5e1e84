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

	it('names the likely cause of a 401 (a Classic key, a deleted token) instead of "Unauthorized", without the key', async () => {
		// A MailerLite Classic key: 32 hexadecimal characters, sent as the Bearer token of the new API.
		// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- a made-up key the simulator refuses
		const classicKey = '0123456789abcdef0123456789abcdef';
		const result = await testCredential(new MailerLiteEcommerceApi(), { apiKey: classicKey, baseUrl: `${sim.url}/api` });
		expect(result.status).toBe('Error');
		expect(result.httpStatus).toBe(401);
		expect(sim.requests.at(-1)!.headers.authorization).toBe(`Bearer ${classicKey}`);
		expect(result.message).toMatch(/^MailerLite refused this API key \(401\)/);
		expect(result.message).toContain('MailerLite Classic API key');
		expect(result.message).toContain('Integrations → MailerLite API');
		expect(result.message).toContain('deleted');
		expect(result.message).not.toContain(classicKey);
	});

	it('keeps the cause for failures other than 401 (a host that does not answer is not a key problem)', async () => {
		const { sim: gone } = createMailerLiteSimulator();
		const url = await gone.start();
		await gone.stop();
		const result = await testCredential(new MailerLiteEcommerceApi(), { apiKey: MAILERLITE_TOKEN, baseUrl: `${url}/api` });
		expect(result.status).toBe('Error');
		expect(result.httpStatus).toBeUndefined();
		expect(result.message).not.toMatch(/Classic|refused this API key/);
	});
});
