'use strict';
/*
 * The workflows of the queue-mode rig: a Webhook node (production URL, answers at once) in front of
 * one of our five order writes, its body passed through as the provider's order (Input Mode: JSON).
 * Also the order bodies the bursts send, and how each simulator's stored orders are counted.
 */
const crypto = require('node:crypto');

const { MAILERLITE_DEMO_SHOP_ID } = require('./providers');

const PACKAGE = 'n8n-nodes-order-sync';

/** A stable UUID from a name, so re-imports keep node and webhook ids. */
function uuid(name) {
	const h = crypto.createHash('sha1').update(`order-sync-queue:${name}`).digest('hex');
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * One entry per provider: the node that writes the order, the simulator key, how a successful
 * write is recognised in the simulator (method, path, the order key in its body), and the body a
 * burst sends for order `key`.
 */
const targets = {
	mailerlite: {
		nodeName: 'MailerLite: create order',
		type: `${PACKAGE}.mailerLiteEcommerce`,
		credentialType: 'mailerLiteEcommerceApi',
		parameters: {
			resource: 'order',
			operation: 'create',
			shopId: { __rl: true, mode: 'id', value: MAILERLITE_DEMO_SHOP_ID },
			inputMode: 'json',
			jsonBody: '={{ $json.body }}',
		},
		write: {
			method: 'POST',
			path: /^\/api\/ecommerce\/shops\/[^/]+\/orders$/,
			key: (json) => json?.cart?.checkout_url?.split('/').pop(),
		},
		body: (key) => ({
			customer: { email: `${key}@example.com`, accepts_marketing: false },
			cart: {
				items: [
					{ ecommerce_product_id: 'TSHIRT-BLUE-M', variant: 'Blue / M', quantity: 1, price: 24.9 },
				],
				checkout_url: `https://demo-shop.example.com/cart/${key}`,
			},
			status: 'complete',
			total_price: 24.9,
		}),
	},
	esputnik: {
		nodeName: 'eSputnik: create or update order',
		type: `${PACKAGE}.esputnik`,
		credentialType: 'esputnikApi',
		parameters: {
			resource: 'order',
			operation: 'upsert',
			inputMode: 'json',
			jsonBody: '={{ $json.body }}',
			options: {},
		},
		write: {
			method: 'POST',
			path: /^\/api\/v1\/orders$/,
			keys: (json) => (json?.orders ?? []).map((o) => o.externalOrderId),
		},
		body: (key) => ({
			externalOrderId: key,
			externalCustomerId: `C-${key}`,
			status: 'INITIALIZED',
			date: '2026-12-01T10:00:00+01:00',
			totalCost: 24.9,
			currency: 'EUR',
			email: `${key}@example.com`,
			items: [
				{ externalItemId: 'TSHIRT-BLUE-M', name: 'T-shirt, blue, M', quantity: 1, cost: 24.9 },
			],
		}),
	},
	feedbackcompany: {
		nodeName: 'Feedback Company: order with invitation',
		type: `${PACKAGE}.feedbackCompany`,
		credentialType: 'feedbackCompanyApi',
		parameters: {
			resource: 'order',
			operation: 'create',
			inputMode: 'json',
			jsonBody: '={{ $json.body }}',
		},
		write: { method: 'POST', path: /^\/api\/v2\/orders$/, key: (json) => json?.external_id },
		body: (key) => ({
			external_id: key,
			customer: { email: `${key}@example.com`, fullname: 'Queue Tester' },
			invitation: { delay: { unit: 'days', amount: 7 }, reminder: { unit: 'days', amount: 14 } },
		}),
	},
	monto: {
		nodeName: 'Monto: create or update order',
		type: `${PACKAGE}.monto`,
		credentialType: 'montoApi',
		// 100 ms between requests per process (the rig's simulator allows 600 a minute), not the
		// 2 s default for Monto's measured ~30 a minute: the rig proves queue mode, not Monto's pace.
		parameters: {
			resource: 'order',
			operation: 'upsert',
			inputMode: 'json',
			jsonBody: '={{ $json.body }}',
			options: { requestInterval: 100 },
		},
		write: { method: 'POST', path: /^\/orders$/, key: (json) => json?.order_id },
		body: (key) => ({
			order_id: key,
			customer: { name: 'Queue Tester', email: `${key}@example.com` },
			status: 'pending',
			items: [{ slug: 'organic-t-shirt' }],
		}),
	},
	montly: {
		nodeName: 'Montly: create lease order',
		type: `${PACKAGE}.montly`,
		credentialType: 'montlyApi',
		parameters: {
			resource: 'order',
			operation: 'create',
			inputMode: 'json',
			jsonBody: '={{ $json.body }}',
		},
		write: {
			method: 'POST',
			path: /^\/v1\/orders$/,
			key: (json) => json?.data?.attributes?.orderId,
		},
		body: (key) => ({
			data: {
				type: 'order',
				attributes: {
					orderId: key,
					firstName: 'Elin',
					lastName: 'Lindqvist',
					company: 'Fjällbacka Design AB',
					orgNumber: '556036-0793',
					email: 'elin.lindqvist@example.com',
					phone: '+46 70 123 45 67',
					customerIp: '83.248.12.41',
					currency: 'SEK',
					totalPrice: 4816700,
					VAT: 1204175,
					shipping: 19900,
					shippingVAT: 4975,
					monthlyPrice: 50094,
					months: 36,
					tariff: 1.04,
					itemsCount: 1,
					billingAddress: 'Storgatan 12',
					billingCity: 'Göteborg',
					billingPostcode: '411 38',
					billingCountry: 'SE',
				},
				relationships: {
					item: {
						data: [
							{
								name: 'Laptop 14" (i7, 32 GB, 512 GB)',
								productId: 'LAPTOP-14-I7-32',
								sku: 'LT14-I7-32-512',
								quantity: 4,
								totalPrice: 4796800,
								VAT: 1199200,
							},
						],
					},
				},
			},
		}),
	},
};

/**
 * A workflow "Webhook → <provider node>" for n8n's import. `id` is at most 16 characters of
 * [A-Za-z0-9]; `credential` is `{ id, name }` of an imported credential.
 */
function burstWorkflow({ id, name, provider, credential, webhookPath }) {
	const target = targets[provider];
	if (!target) throw new Error(`No queue workflow target for ${provider}`);
	return {
		id,
		name,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: uuid(`${id}:webhook`),
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: uuid(`${id}:webhookId`),
				parameters: {
					httpMethod: 'POST',
					path: webhookPath,
					responseMode: 'onReceived',
					options: {},
				},
			},
			{
				id: uuid(`${id}:node`),
				name: target.nodeName,
				type: target.type,
				typeVersion: 1,
				position: [240, 0],
				parameters: target.parameters,
				credentials: { [target.credentialType]: credential },
			},
		],
		connections: { Webhook: { main: [[{ node: target.nodeName, type: 'main', index: 0 }]] } },
		pinData: {},
	};
}

/**
 * Records every answer a simulator gives to the provider logic (not the ones it rate-limits), so
 * that "stored exactly once" can be counted per order key from successful writes.
 */
function recordWrites(sim, provider) {
	const { write } = targets[provider];
	const writes = [];
	const handler = sim.handler;
	sim.handler = async (req) => {
		const response = await handler(req);
		if (req.method === write.method && write.path.test(req.path)) {
			const keys = write.keys ? write.keys(req.json) : [write.key(req.json)];
			for (const key of keys) writes.push({ key, status: response.status, at: Date.now() });
		}
		return response;
	};
	return {
		writes,
		/** Successful writes per order key, for keys matching `filter`. */
		stored(filter = () => true) {
			const counts = new Map();
			for (const w of writes) {
				if (w.status >= 200 && w.status < 300 && filter(w.key))
					counts.set(w.key, (counts.get(w.key) ?? 0) + 1);
			}
			return counts;
		},
	};
}

module.exports = { targets, burstWorkflow, recordWrites, PACKAGE };
