/**
 * One execution per order, many executions at once (a Shopify/WooCommerce trigger or a Webhook node
 * in front of our nodes). n8n's Retry On Fail: test/engine/memo.test.ts. Executions run concurrently in one process
 * through n8n-core and share one credential store, as executions share n8n's database.
 */
import type { IDataObject } from 'n8n-workflow';

import { FeedbackCompanyApi } from '../../credentials/FeedbackCompanyApi.credentials';
import { MailerLiteEcommerceApi } from '../../credentials/MailerLiteEcommerceApi.credentials';
import { FeedbackCompany } from '../../nodes/FeedbackCompany/FeedbackCompany.node';
import { MailerLiteEcommerce } from '../../nodes/MailerLiteEcommerce/MailerLiteEcommerce.node';
import { TestCredentialsHelper } from '../harness/credentials-helper';
import { feedbackCompanyOrderRun, feedbackCompanyStore, mailerLiteOrderRun } from '../harness/order-runs';
import type { RunOptions } from '../harness/run-workflow';
import { runWorkflow } from '../harness/run-workflow';
import { serveForTests } from '../harness/serve';
import { createFeedbackCompanySimulator } from '../simulators/feedback-company';
import { createMailerLiteSimulator, mailerLiteRateLimit } from '../simulators/mailerlite';

const fc = createFeedbackCompanySimulator();
const ml = createMailerLiteSimulator();
serveForTests(fc.sim, () => fc.resetState());
serveForTests(ml.sim, () => {
	ml.sim.rateLimit = mailerLiteRateLimit();
	for (const map of Object.values(ml.state)) if (map instanceof Map) map.clear();
});

const fcStore = (accessToken = '') => feedbackCompanyStore(fc.sim.url, accessToken);
const fcOrder = (n: number) => feedbackCompanyOrderRun([{ orderId: `ORD-${n}`, email: `buyer${n}@example.com` }]);

const burst = async (count: number, options: (n: number) => RunOptions) =>
	await Promise.all(Array.from({ length: count }, async (_, n) => await runWorkflow(options(n))));

describe('The Feedback Company: many single-order executions at once share one token', () => {
	it('20 executions with no stored token: one token request, every order stored, every execution succeeds', async () => {
		const store = fcStore();
		const runs = await burst(20, (n) => ({ ...fcOrder(n), credentialsHelper: store }));
		expect(runs.map((r) => r.status)).toEqual(Array(20).fill('success'));
		expect(fc.state.tokenRequests).toBe(1);
		expect(fc.state.orders.size).toBe(20);
		const tokens = new Set(fc.sim.requestsTo('POST', /\/orders$/).map((r) => r.headers.authorization));
		expect(tokens).toEqual(new Set([`Bearer ${fc.state.issued[0]}`]));
		expect(store.stored.feedbackCompanyApi.accessToken).toBe(fc.state.issued[0]);
	});

	it('20 executions after the stored token was invalidated elsewhere: one refresh for the whole burst', async () => {
		const store = fcStore();
		expect((await runWorkflow({ ...fcOrder(100), credentialsHelper: store })).status).toBe('success');
		fc.expireToken(); // the shop plugin fetched a token with the same client ID
		const before = fc.state.tokenRequests;
		const runs = await burst(20, (n) => ({ ...fcOrder(n), credentialsHelper: store }));
		expect(runs.map((r) => r.status)).toEqual(Array(20).fill('success'));
		expect(fc.state.tokenRequests - before).toBe(1);
		expect(fc.state.orders.size).toBe(21);
		expect(store.stored.feedbackCompanyApi.accessToken).toBe(fc.state.issued[fc.state.issued.length - 1]);
	});

	it('a token that another n8n process stored meanwhile is used, not replaced by a new one', async () => {
		const store = fcStore();
		expect((await runWorkflow({ ...fcOrder(100), credentialsHelper: store })).status).toBe('success');
		const seen = fc.state.tokenRequests;
		// Another process refreshed: the provider has a new token, and the database holds it, but this
		// request goes out first with the token it read before (simulated by a stale in-memory copy).
		fc.expireToken();
		const fresh = fc.issueToken();
		const stale = store.stored.feedbackCompanyApi.accessToken;
		let reads = 0;
		const original = store.getDecrypted.bind(store);
		store.getDecrypted = async (...args: Parameters<TestCredentialsHelper['getDecrypted']>) => {
			const data = await original(...args);
			// The node's first reads (client set-up, then signing) see the old token.
			return reads++ < 2 ? { ...data, accessToken: stale } : { ...data, accessToken: fresh };
		};
		const r = await runWorkflow({ ...fcOrder(1), credentialsHelper: store });
		expect(r.status).toBe('success');
		expect(fc.state.tokenRequests).toBe(seen + 1); // the one issueToken() above, none by the node
		const posts = fc.sim.requestsTo('POST', /\/orders$/).slice(1);
		expect(posts.map((p) => p.headers.authorization)).toEqual([`Bearer ${stale}`, `Bearer ${fresh}`]);
	});
});

/** MailerLite Order → Create of order n. */
const mlOrder = (shopId: string, n: number) => mailerLiteOrderRun(ml.sim.url, shopId, [{ email: `buyer${n}@example.com` }]);

describe('The Feedback Company: two n8n processes share only the credential', () => {
	it('20 executions split over two processes with no stored token: all succeed, at most one token per process', async () => {
		// A second copy of the node's modules, as a second n8n process (a queue-mode worker) loads them.
		let Other!: typeof FeedbackCompany;
		let OtherApi!: typeof FeedbackCompanyApi;
		jest.isolateModules(() => {
			/* eslint-disable @typescript-eslint/no-require-imports */
			Other = (require('../../nodes/FeedbackCompany/FeedbackCompany.node') as { FeedbackCompany: typeof FeedbackCompany }).FeedbackCompany;
			OtherApi = (require('../../credentials/FeedbackCompanyApi.credentials') as { FeedbackCompanyApi: typeof FeedbackCompanyApi }).FeedbackCompanyApi;
			/* eslint-enable @typescript-eslint/no-require-imports */
		});
		const store = fcStore();
		const runs = await burst(20, (n) => {
			const options = { ...fcOrder(n), credentialsHelper: store };
			return n % 2 ? options : { ...options, nodeTypes: { feedbackCompany: new Other() }, credentialTypes: { feedbackCompanyApi: new OtherApi() } };
		});
		expect(runs.map((r) => r.status)).toEqual(Array(20).fill('success'));
		expect(fc.state.tokenRequests).toBeLessThanOrEqual(3);
		expect(fc.state.orders.size).toBe(20);
	});
});

describe('MailerLite: many single-order executions share the account limit', () => {

	// Real time: 130 requests under the simulator's real 120-per-60-s window take just over a minute.
	it('130 executions at once under 120 requests/minute: zero 429s, every order created once', async () => {
		const shopId = ml.seedShop().id;
		const started = Date.now();
		const runs = await burst(130, (n) => mlOrder(shopId, n));
		const elapsed = Date.now() - started;
		expect(runs.map((r) => r.status)).toEqual(Array(130).fill('success'));
		expect(ml.sim.rateLimited).toBe(0);
		expect(ml.sim.requestsTo('POST', /\/orders$/)).toHaveLength(130);
		expect(ml.state.orders.get(shopId)?.size).toBe(130);
		expect(elapsed).toBeGreaterThanOrEqual(60_000);
	}, 180_000);

	// Real time: 390 requests under 120 per 60 s take just over three minutes.
	it('3 n8n processes on one account, 390 executions at once, defaults: none fails, every order once, few 429s', async () => {
		// Two more copies of the node's modules, as two more n8n processes (queue-mode workers) load
		// them: each has its own limiter, and they share only the account (and its answers).
		const copies: Array<{ node: typeof MailerLiteEcommerce; api: typeof MailerLiteEcommerceApi }> = [
			{ node: MailerLiteEcommerce, api: MailerLiteEcommerceApi },
		];
		for (let i = 0; i < 2; i++) {
			jest.isolateModules(() => {
				/* eslint-disable @typescript-eslint/no-require-imports */
				copies.push({
					node: (require('../../nodes/MailerLiteEcommerce/MailerLiteEcommerce.node') as { MailerLiteEcommerce: typeof MailerLiteEcommerce }).MailerLiteEcommerce,
					api: (require('../../credentials/MailerLiteEcommerceApi.credentials') as { MailerLiteEcommerceApi: typeof MailerLiteEcommerceApi }).MailerLiteEcommerceApi,
				});
				/* eslint-enable @typescript-eslint/no-require-imports */
			});
		}
		expect(new Set(copies.map((c) => c.node)).size).toBe(3);
		const shopId = ml.seedShop().id;
		const orders = 390;
		const started = Date.now();
		const runs = await burst(orders, (n) => {
			const copy = copies[n % 3];
			return {
				...mlOrder(shopId, n),
				nodeTypes: { mailerLiteEcommerce: new copy.node() },
				credentialTypes: { mailerLiteEcommerceApi: new copy.api() },
			};
		});
		const elapsed = Date.now() - started;
		// The last request can go once the account's first (orders - 1) / 120 windows are over.
		const boundMs = Math.floor((orders - 1) / 120) * 60_000;
		const failed = runs.filter((r) => r.status !== 'success');
		// eslint-disable-next-line no-console -- the measured figures
		console.log(
			`[rate limit] 3 processes × ${orders / 3} MailerLite orders at once: ${failed.length} failed, ${ml.sim.rateLimited} × 429 (${((100 * ml.sim.rateLimited) / orders).toFixed(1)} % of the orders), wall ${(elapsed / 1000).toFixed(1)} s = ${(elapsed / boundMs).toFixed(3)} × the bound of ${boundMs / 1000} s`,
		);
		expect(failed.map((r) => r.error?.message)).toEqual([]);
		const created = ml.sim.requestsTo('POST', /\/orders$/).map((r) => ((r.json as IDataObject).customer as IDataObject).email);
		expect(created).toHaveLength(orders);
		expect(new Set(created).size).toBe(orders);
		expect(ml.state.orders.get(shopId)?.size).toBe(orders);
		expect(ml.sim.rateLimited).toBeLessThanOrEqual(Math.floor(orders * 0.05));
		expect(elapsed).toBeGreaterThanOrEqual(boundMs);
		expect(elapsed).toBeLessThanOrEqual(boundMs * 1.15);
	}, 300_000);

	it("the credential's share of the limit paces one process below the account's limit", async () => {
		const shopId = ml.seedShop().id;
		// 10% of 120 = 12 a minute: the 13th request of a burst waits for the window.
		const runs = await Promise.all(
			Array.from({ length: 13 }, async (_, n) => {
				const o = mlOrder(shopId, n);
				const t0 = Date.now();
				const r = await runWorkflow({
					...o,
					credentials: { mailerLiteEcommerceApi: { ...o.credentials.mailerLiteEcommerceApi, rateLimitShare: 10 } },
				});
				return { status: r.status, ms: Date.now() - t0 };
			}),
		);
		expect(runs.map((r) => r.status)).toEqual(Array(13).fill('success'));
		expect(Math.max(...runs.map((r) => r.ms))).toBeGreaterThanOrEqual(59_000);
		expect(runs.filter((r) => r.ms < 30_000)).toHaveLength(12);
	}, 180_000);
});
