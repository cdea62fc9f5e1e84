/**
 * The Retry-On-Fail memo of the write engine (nodes/shared/engine/memo.ts): n8n's Retry On Fail
 * (the node run again in the same execution) and an execution's Retry from the executions list (a
 * new execution from the failed one's stored data) never send again a request that succeeded, and
 * send again one whose body changed. Real n8n-core executions against the simulators.
 */
import type { IDataObject, INode } from 'n8n-workflow';

import { MontlyApi } from '../../credentials/MontlyApi.credentials';
import { Montly } from '../../nodes/Montly/Montly.node';
import { createExample as seedExample } from '../../nodes/Montly/actions/order/fields';
import { feedbackCompanyOrderRun, feedbackCompanyStore, mailerLiteOrderRun } from '../harness/order-runs';
import type { RunOptions } from '../harness/run-workflow';
import { runWorkflow } from '../harness/run-workflow';
import { serveForTests } from '../harness/serve';
import { createFeedbackCompanySimulator } from '../simulators/feedback-company';
import { createMailerLiteSimulator } from '../simulators/mailerlite';
import { createMontlySimulator, MONTLY_API_KEY, MONTLY_WEBHOOK_SECRET } from '../simulators/montly';

const fc = createFeedbackCompanySimulator();
const ml = createMailerLiteSimulator();
const mt = createMontlySimulator();
serveForTests(fc.sim, () => fc.resetState());
serveForTests(ml.sim, () => {
	for (const map of Object.values(ml.state)) if (map instanceof Map) map.clear();
});
serveForTests(mt.sim, () => mt.resetState());

const fcStore = () => feedbackCompanyStore(fc.sim.url);
const fcOrder = () => feedbackCompanyOrderRun();
const mlOrder = (shopId: string) => mailerLiteOrderRun(ml.sim.url, shopId);

describe("n8n's Retry On Fail and an execution's Retry never re-send what succeeded", () => {
	const retrySettings = { retryOnFail: true, maxTries: 3, waitBetweenTries: 10 };

	it('MailerLite: a 503 on order 10 of 20 with Retry On Fail: each order is created exactly once', async () => {
		const shopId = ml.seedShop().id;
		let posts = 0;
		ml.sim.inject({
			times: 1, // a create is not repeated by the client: the node fails and n8n runs it again
			match: (req) => req.method === 'POST' && /\/orders$/.test(req.path) && ++posts >= 10,
			status: 503,
			body: { message: 'Service Unavailable' },
		});
		const emails = Array.from({ length: 20 }, (_, n) => ({ email: `buyer${n}@example.com` }));
		const base = mlOrder(shopId);
		const r = await runWorkflow({ ...base, node: { ...base.node, ...retrySettings }, items: emails });
		expect(r.status).toBe('success');
		expect(ml.state.orders.get(shopId)?.size).toBe(20);
		expect(r.output.map((i) => (i.json.customer as IDataObject).email)).toEqual(emails.map((e) => e.email));
		expect(r.output.map((i) => i.pairedItem)).toEqual(emails.map((_, item) => ({ item })));
	}, 120_000);

	const fcNode = (items: IDataObject[], extra: Partial<RunOptions['node']> = {}): RunOptions => ({
		...fcOrder(),
		node: { ...fcOrder().node, ...extra },
		items,
	});
	const fcItems = Array.from({ length: 20 }, (_, n) => ({ orderId: `ORD-${n}`, email: `buyer${n}@example.com` }));
	const failTenth = () => {
		let posts = 0;
		fc.sim.inject({
			times: 1,
			match: (req) => req.method === 'POST' && /\/orders$/.test(req.path) && ++posts === 10,
			status: 503,
			body: { success: false, error: 'Service Unavailable' },
		});
	};

	it('The Feedback Company: a 503 on order 10 of 20 with Retry On Fail: no invitation twice', async () => {
		failTenth();
		const r = await runWorkflow({ ...fcNode(fcItems, retrySettings), credentialsHelper: fcStore() });
		expect(r.status).toBe('success');
		expect(fc.sim.faults).toHaveLength(0); // the 503 was answered
		// The simulator records what reached it (not the 503): ORD-0 … ORD-8 once, though n8n ran the
		// node twice (their second try was answered from the memo), then ORD-9 … ORD-19.
		const externalIds = fc.sim.requestsTo('POST', /\/orders$/).map((p) => (p.json as IDataObject).external_id);
		expect(externalIds).toEqual(fcItems.map((i) => i.orderId));
		expect(fc.state.orders.size).toBe(20);
		expect(r.output.map((i) => i.json.external_id)).toEqual(fcItems.map((i) => i.orderId));
	});

	it("The Feedback Company: the execution's Retry from the executions list sends only what failed", async () => {
		failTenth();
		const store = fcStore();
		const failed = await runWorkflow({ ...fcNode(fcItems), credentialsHelper: store });
		expect(failed.status).toBe('error');
		expect(failed.error?.message).toContain('[item 9]');
		const sentBefore = fc.sim.requestsTo('POST', /\/orders$/).length;
		expect(sentBefore).toBe(9); // ORD-0 … ORD-8 stored; ORD-9 answered 503
		const retried = await runWorkflow({ ...fcNode(fcItems), credentialsHelper: store, retryOf: failed.run });
		expect(retried.status).toBe('success');
		const resent = fc.sim.requestsTo('POST', /\/orders$/).slice(sentBefore).map((p) => (p.json as IDataObject).external_id);
		expect(resent).toEqual(fcItems.slice(9).map((i) => i.orderId));
		expect(fc.state.orders.size).toBe(20);
		expect(retried.output.map((i) => i.json.external_id)).toEqual(fcItems.map((i) => i.orderId));
	});

	it('a changed request is sent again: the memo is keyed by the request body', async () => {
		failTenth();
		const store = fcStore();
		const failed = await runWorkflow({ ...fcNode(fcItems), credentialsHelper: store });
		expect(failed.status).toBe('error');
		const sentBefore = fc.sim.requestsTo('POST', /\/orders$/).length;
		// Same execution data, but the node now sends another full name: every item's body differs.
		const changed = fcNode(fcItems);
		changed.node.parameters = { ...changed.node.parameters, customerFullname: 'Ann Changed' };
		const retried = await runWorkflow({ ...changed, credentialsHelper: store, retryOf: failed.run });
		expect(retried.status).toBe('success');
		const resent = fc.sim.requestsTo('POST', /\/orders$/).slice(sentBefore);
		expect(resent.map((p) => ((p.json as IDataObject).customer as IDataObject).fullname)).toEqual(Array(20).fill('Ann Changed'));
	});

	it('Montly: a 503 on order 3 of 5 with Retry On Fail: no order is submitted twice', async () => {
		let posts = 0;
		mt.sim.inject({
			times: 1,
			match: (req) => req.method === 'POST' && req.path === '/v1/orders' && ++posts === 3,
			status: 503,
			body: { error: { code: 'Unavailable', message: 'Service Unavailable' } },
		});
		const seed = { resource: 'order', operation: 'create', inputMode: 'json', jsonBody: '={{ JSON.stringify($json.body) }}' };
		const items = Array.from({ length: 5 }, (_, n) => ({
			body: { data: { ...seedExample.data, attributes: { ...seedExample.data.attributes, orderId: `ORD-${n}` } } },
		}));
		const r = await runWorkflow({
			node: { type: 'montly', parameters: seed as INode['parameters'], ...retrySettings },
			nodeTypes: { montly: new Montly() },
			credentialTypes: { montlyApi: new MontlyApi() },
			credentials: { montlyApi: { apiKey: MONTLY_API_KEY, baseUrl: mt.sim.url, webhookSecret: MONTLY_WEBHOOK_SECRET } },
			items,
		});
		expect(r.status).toBe('success');
		// The simulator records the requests that reached it (not the one answered 503): each order once.
		// A second create of the same orderId would have been refused with a 400.
		expect(mt.sim.requestsTo('POST', /^\/v1\/orders$/).map((p) => ((p.json as IDataObject).data as IDataObject).attributes)).toEqual(
			items.map((i) => expect.objectContaining({ orderId: i.body.data.attributes.orderId })),
		);
		expect(mt.state.orders.size).toBe(5);
	});
});
