'use strict';
/*
 * One entry per provider: where its simulator lives, the demo credential that points n8n at it,
 * and the demo data it starts with. `npm start` and the end-to-end tests start every provider
 * whose simulator file exists and whose credential type the package ships.
 *
 * To add a provider: add an entry whose `start(module)` creates the simulator from its module,
 * seeds what the example workflows need, starts it and returns `{ sim, credentialData }` (and
 * `forgetOrders()` when the provider refuses an order it has seen). The
 * credential `id` is what the example workflows reference, so keep it stable; `secretField` is
 * the credential field the end-to-end test spoils to see the credential test fail.
 */

/** The demo shop in the MailerLite simulator, referenced by the example workflows. */
const MAILERLITE_DEMO_SHOP_ID = '31986843064990001';

const providers = [
	{
		key: 'mailerlite',
		title: 'MailerLite E-commerce',
		simulator: 'test/simulators/mailerlite.ts',
		credential: {
			id: 'osDemoMailerLite',
			name: 'MailerLite (local simulator)',
			type: 'mailerLiteEcommerceApi',
			file: 'dist/credentials/MailerLiteEcommerceApi.credentials.js',
			secretField: 'apiKey',
		},
		async start(mod) {
			const ml = mod.createMailerLiteSimulator();
			ml.sim.rateLimit = mod.mailerLiteRateLimit();
			const url = await ml.sim.start();
			ml.seedShop({
				id: MAILERLITE_DEMO_SHOP_ID,
				name: 'Demo Shop',
				url: 'https://demo-shop.example.com',
				currency: 'EUR',
			});
			return { sim: ml.sim, credentialData: { apiKey: mod.MAILERLITE_TOKEN, baseUrl: `${url}/api` } };
		},
	},
	{
		key: 'esputnik',
		title: 'eSputnik (Yespo)',
		simulator: 'test/simulators/esputnik.ts',
		credential: {
			id: 'osDemoEsputnik',
			name: 'eSputnik (local simulator)',
			type: 'esputnikApi',
			file: 'dist/credentials/EsputnikApi.credentials.js',
			secretField: 'apiKey',
		},
		async start(mod) {
			const es = mod.createEsputnikSimulator();
			const url = await es.sim.start();
			return { sim: es.sim, credentialData: { apiKey: mod.ESPUTNIK_API_KEY, baseUrl: `${url}/api` } };
		},
	},
	{
		key: 'feedbackcompany',
		title: 'The Feedback Company',
		simulator: 'test/simulators/feedback-company.ts',
		credential: {
			id: 'osDemoFeedbackCo',
			name: 'Feedback Company (local simulator)',
			type: 'feedbackCompanyApi',
			file: 'dist/credentials/FeedbackCompanyApi.credentials.js',
			secretField: 'clientSecret',
		},
		async start(mod) {
			const fc = mod.createFeedbackCompanySimulator();
			const url = await fc.sim.start();
			return {
				sim: fc.sim,
				credentialData: { clientId: mod.FC_CLIENT_ID, clientSecret: mod.FC_CLIENT_SECRET, baseUrl: `${url}/api/v2` },
			};
		},
	},
	{
		key: 'monto',
		title: 'Monto',
		simulator: 'test/simulators/monto.ts',
		credential: {
			id: 'osDemoMonto',
			name: 'Monto (local simulator)',
			type: 'montoApi',
			file: 'dist/credentials/MontoApi.credentials.js',
			secretField: 'apiKey',
		},
		async start(mod) {
			const monto = mod.createMontoSimulator();
			monto.sim.rateLimit = mod.montoRateLimit();
			const url = await monto.sim.start();
			return { sim: monto.sim, credentialData: { apiKey: mod.MONTO_API_KEY, baseUrl: url } };
		},
	},
	{
		key: 'montly',
		title: 'Montly (LeaseCloud)',
		simulator: 'test/simulators/montly.ts',
		credential: {
			id: 'osDemoMontly',
			name: 'Montly (local simulator)',
			type: 'montlyApi',
			file: 'dist/credentials/MontlyApi.credentials.js',
			secretField: 'apiKey',
		},
		async start(mod) {
			const montly = mod.createMontlySimulator();
			const url = await montly.sim.start();
			return {
				sim: montly.sim,
				credentialData: { apiKey: mod.MONTLY_API_KEY, baseUrl: url, webhookSecret: mod.MONTLY_WEBHOOK_SECRET },
				// Montly refuses an order ID it has seen: a second run of the same examples against this
				// simulator starts from a Montly that has seen none.
				forgetOrders: () => montly.resetState(),
			};
		},
	},
];

module.exports = { providers, MAILERLITE_DEMO_SHOP_ID };
