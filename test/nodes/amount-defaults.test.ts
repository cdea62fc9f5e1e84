import type { IDataObject, INode } from 'n8n-workflow';

import { EsputnikApi } from '../../credentials/EsputnikApi.credentials';
import { MontlyApi } from '../../credentials/MontlyApi.credentials';
import { Esputnik } from '../../nodes/Esputnik/Esputnik.node';
import { Montly } from '../../nodes/Montly/Montly.node';
import { runWorkflow } from '../harness/run-workflow';
import { serveForTests } from '../harness/serve';
import { createEsputnikSimulator, ESPUTNIK_API_KEY } from '../simulators/esputnik';
import { createMontlySimulator, MONTLY_API_KEY, MONTLY_WEBHOOK_SECRET } from '../simulators/montly';

/*
 * eSputnik and Montly version 1.1 against version 1, through n8n-core: a required amount left
 * alone is sent as 0 by a saved version-1 node (as before) and stops the item in version 1.1.
 */

const es = createEsputnikSimulator();
const montly = createMontlySimulator();

serveForTests(es.sim, () => es.clear());
serveForTests(montly.sim, () => montly.resetState());

async function esputnik(typeVersion: number, parameters: INode['parameters']) {
	return await runWorkflow({
		node: { type: 'esputnik', typeVersion, parameters },
		nodeTypes: { esputnik: new Esputnik() },
		credentialTypes: { esputnikApi: new EsputnikApi() },
		credentials: { esputnikApi: { apiKey: ESPUTNIK_API_KEY, baseUrl: `${es.sim.url}/api` } },
	});
}

async function montlyCreate(typeVersion: number, parameters: INode['parameters']) {
	return await runWorkflow({
		node: { type: 'montly', typeVersion, parameters },
		nodeTypes: { montly: new Montly() },
		credentialTypes: { montlyApi: new MontlyApi() },
		credentials: { montlyApi: { apiKey: MONTLY_API_KEY, baseUrl: montly.sim.url, webhookSecret: MONTLY_WEBHOOK_SECRET } },
	});
}

describe('eSputnik → Order → Create or Update: Total Cost and item Cost', () => {
	const leftAlone = {
		resource: 'order',
		operation: 'upsert',
		externalOrderId: 'ORD-1',
		date: '2024-05-01T10:00:00+02:00',
		currency: 'EUR',
		email: 'ann@example.com',
	};
	const orders = () => es.sim.requestsTo('POST', /^\/api\/v1\/orders$/).map((r) => (r.json as { orders: IDataObject[] }).orders[0]);

	it('version 1 sends a Total Cost left alone as 0, as before', async () => {
		const r = await esputnik(1, leftAlone);
		expect(r.status).toBe('success');
		expect(orders()).toEqual([
			{ externalOrderId: 'ORD-1', status: 'INITIALIZED', date: '2024-05-01T10:00:00+02:00', totalCost: 0, currency: 'EUR', email: 'ann@example.com' },
		]);
	});

	it('version 1.1 stops the item naming Total Cost, and an item without Cost naming it; nothing is sent', async () => {
		const noTotal = await esputnik(1.1, leftAlone);
		expect(noTotal.error?.message).toMatch(/^\[item 0\] Total Cost \(totalCost\): is required$/);
		const noCost = await esputnik(1.1, { ...leftAlone, totalCost: 10, items: { item: [{ externalItemId: 'P-1', name: 'Mug', quantity: 1 }] } });
		expect(noCost.error?.message).toMatch(/^\[item 0\] Items \(items\[0\]\.cost\): is required$/);
		expect(orders()).toEqual([]);
		const given = await esputnik(1.1, { ...leftAlone, totalCost: 10, items: { item: [{ externalItemId: 'P-1', name: 'Mug', quantity: 1, cost: 10 }] } });
		expect(given.status).toBe('success');
		expect(orders()[0]).toMatchObject({ totalCost: 10, items: [{ externalItemId: 'P-1', name: 'Mug', quantity: 1, cost: 10 }] });
	});
});

describe('Montly → Order → Create: VAT, Shipping, Shipping VAT and item amounts', () => {
	const leftAlone = {
		resource: 'order',
		operation: 'create',
		orderId: 'ORD-1',
		firstName: 'Ann',
		lastName: 'Andersson',
		company: 'Andersson AB',
		orgNumber: '559089-4308',
		email: 'ann@example.com',
		phone: '+46 8 123 456',
		customerIp: '131.168.20.70',
		totalPrice: 6000,
		tariff: 1.47,
		billingAddress: 'Storgatan 1',
		billingCity: 'Stockholm',
		billingPostcode: '111 22',
		items: { item: [{ name: 'Laptop', productId: 'LAP-1' }] },
	};
	const attributes = () => montly.sim.requestsTo('POST', /^\/v1\/orders$/).map((r) => (r.json as { data: IDataObject }).data);

	it('version 1 sends the amounts left alone as 0, as before', async () => {
		const r = await montlyCreate(1, leftAlone);
		expect(r.status).toBe('success');
		expect(attributes()[0]).toMatchObject({
			attributes: { totalPrice: 600000, VAT: 0, shipping: 0, shippingVAT: 0, monthlyPrice: 8820 },
			relationships: { item: { data: [{ name: 'Laptop', productId: 'LAP-1', quantity: 1, totalPrice: 0, VAT: 0 }] } },
		});
	});

	it('version 1.1 stops the item naming every amount left empty; nothing is sent', async () => {
		const r = await montlyCreate(1.1, leftAlone);
		expect(r.status).toBe('error');
		const named = `${r.error?.message} ${(r.error as { description?: string })?.description}`;
		for (const path of ['attributes.VAT', 'attributes.shipping', 'attributes.shippingVAT', 'item.data[0].totalPrice', 'item.data[0].VAT']) {
			expect(named).toContain(path);
		}
		expect(attributes()).toEqual([]);
	});
});
