import { EsputnikApi } from '../../credentials/EsputnikApi.credentials';
import { testCredential as runCredentialTest } from '../harness/credential-test';
import { capturedLogs } from '../harness/run-workflow';
import { basicPassword, createEsputnikSimulator, ESPUTNIK_API_KEY } from '../simulators/esputnik';
import { serveForTests } from '../harness/serve';

const es = createEsputnikSimulator();
const { sim } = es;
serveForTests(sim, () => es.clear());

async function testCredential(apiKey: string, baseUrl = `${sim.url}/api`) {
	return (await runCredentialTest(new EsputnikApi(), { apiKey, baseUrl })).run;
}

describe('eSputnik credential', () => {
	it('offers the three documented hosts, esputnik.com by default', () => {
		const baseUrl = new EsputnikApi().properties.find((p) => p.name === 'baseUrl')!;
		expect(baseUrl.default).toBe('https://esputnik.com/api');
		expect(baseUrl.options!.map((o) => (o as { value: string }).value)).toEqual([
			'https://esputnik.com/api',
			'https://api.yespo.io/api',
			'https://yespo.io/api',
		]);
	});

	it('Test calls GET /v1/account/info with HTTP Basic, the key as password, and succeeds', async () => {
		const r = await testCredential(ESPUTNIK_API_KEY);
		expect(r.status).toBe('success');
		expect(sim.requests).toHaveLength(1);
		expect(sim.requests[0].method).toBe('GET');
		expect(sim.requests[0].rawUrl).toBe('/api/v1/account/info');
		expect(basicPassword(sim.requests[0])).toBe(ESPUTNIK_API_KEY);
		expect(r.output[0].json).toMatchObject({ organisationName: 'Simulated shop' });
	});

	it('Test fails on a wrong key with 401 and does not reveal the key', async () => {
		const r = await testCredential('esputnik-dummy-rejected-key');
		expect(r.status).toBe('error');
		expect(r.error?.name).toBe('NodeApiError');
		expect((r.error as { httpCode?: string }).httpCode).toBe('401');
		expect(JSON.stringify(r.run)).not.toContain('esputnik-dummy-rejected-key');
		expect(capturedLogs()).not.toContain('esputnik-dummy-rejected-key');
	});
});
