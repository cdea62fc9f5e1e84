'use strict';
/*
 * One entry per provider: where its simulator lives, the demo credential that points n8n at it,
 * and the demo data it starts with. `npm start` and the end-to-end tests start every provider
 * whose simulator file exists and whose credential type the package ships.
 *
 * To add a provider: add an entry whose `start(module)` creates the simulator from its module,
 * seeds what the example workflows need, starts it and returns `{ sim, credentialData }`. The
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
];

module.exports = { providers, MAILERLITE_DEMO_SHOP_ID };
