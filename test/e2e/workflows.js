'use strict';
/*
 * What each example workflow (examples/<file>.json, keyed by workflow id) must produce when n8n runs
 * it against the simulators. Every example needs an entry: the suite fails for one without.
 *
 * `check(run, ctx)` gets n8n's run data (IRun, as `n8n execute --rawOutput` prints it) and
 * `ctx.requests(key)`: the requests the simulator of that provider received during this run.
 */
const { MAILERLITE_DEMO_SHOP_ID } = require('../../scripts/lib/providers');

/** The output items (json) of a node's first run; fails when the node did not succeed. */
function output(run, nodeName) {
	const runs = run.data.resultData.runData[nodeName];
	if (!runs) throw new Error(`Node "${nodeName}" did not run`);
	const [first] = runs;
	if (first.error) throw new Error(`Node "${nodeName}" failed: ${first.error.message}`);
	expect(first.executionStatus).toBe('success');
	return first.data.main[0].map((item) => item.json);
}

function pairing(run, nodeName) {
	return run.data.resultData.runData[nodeName][0].data.main[0].map((item) => item.pairedItem);
}

const mailerLitePath = (suffix) => `/api/ecommerce/shops/${MAILERLITE_DEMO_SHOP_ID}${suffix}`;

const workflows = {
	osExMlOrderBasics: {
		check(run, { requests }) {
			const [created] = output(run, 'Create order');
			expect(created).toMatchObject({
				id: expect.stringMatching(/^\d+$/),
				status: 'complete',
				total: 49.8,
				shop: { id: MAILERLITE_DEMO_SHOP_ID, name: 'Demo Shop' },
				customer: { email: 'jane.doe@example.com', accepts_marketing: true },
				cart: {
					checkout_url: 'https://demo-shop.example.com/cart/c1f0a7',
					items: [{ product: { id: 'TSHIRT-BLUE-M' }, variant: 'Blue / M', quantity: 2, price: 24.9 }],
				},
			});
			expect(pairing(run, 'Create order')).toEqual([{ item: 0 }]);
			expect(output(run, 'Get order')).toEqual([created]);
			const listed = output(run, 'Get many orders');
			expect(listed.map((o) => o.id)).toContain(created.id);
			expect(new Set(listed.map((o) => o.shop.id))).toEqual(new Set([MAILERLITE_DEMO_SHOP_ID]));

			const post = requests('mailerlite').find((r) => r.method === 'POST' && r.path === mailerLitePath('/orders'));
			expect(post.headers.authorization).toMatch(/^Bearer /);
			expect(post.json).toEqual({
				customer: { email: 'jane.doe@example.com', accepts_marketing: true },
				cart: {
					items: [{ ecommerce_product_id: 'TSHIRT-BLUE-M', variant: 'Blue / M', quantity: 2, price: 24.9 }],
					checkout_url: 'https://demo-shop.example.com/cart/c1f0a7',
				},
				status: 'complete',
				total_price: 49.8,
			});
		},
	},

	osExMlAbandonedCart: {
		check(run, { requests }) {
			const [pending] = output(run, 'Send pending order');
			const checkoutUrl =
				'https://demo-shop.example.com/73462382839/checkouts/c1f0a7e3b9d24f6e8a5b7c9d0e1f2a3b/recover?key=6f1e2d';
			expect(pending).toMatchObject({
				status: 'pending',
				total: 89.7,
				customer: { email: 'sam.jansen@example.com' },
				cart: {
					checkout_url: checkoutUrl,
					items: [
						{ product: { id: 'HOODIE-GREY-L' }, variant: 'Grey / L', quantity: 1, price: 59.9 },
						{ product: { id: 'SOCKS-3PACK' }, variant: null, quantity: 2, price: 14.9 },
					],
				},
			});
			const [completed] = output(run, 'Mark order complete');
			expect(completed).toMatchObject({ id: pending.id, status: 'complete', total: 89.7 });
			const [cart] = output(run, 'Get cart');
			expect(cart).toMatchObject({ id: pending.cart.id, ecommerce_order_id: pending.id, checkout_url: checkoutUrl });
			expect(cart.items).toHaveLength(2);

			const put = requests('mailerlite').find((r) => r.method === 'PUT');
			expect(put.path).toBe(mailerLitePath(`/orders/${pending.id}`));
			expect(put.json).toEqual({ status: 'complete' });
		},
	},

	osExShopifyAllProv: {
		check(run, { requests }) {
			const [shopify] = output(run, 'Shopify order');
			expect(shopify).toMatchObject({
				name: '#1042',
				currency: 'EUR',
				presentment_currency: 'SEK',
				financial_status: 'paid',
				line_items: expect.any(Array),
			});
			const customer = { email: 'elin.lindqvist@example.com', fullname: 'Elin Lindqvist' };
			const handles = ['sit-stand-desk', 'ergonomic-office-chair', 'dual-monitor-arm'];
			for (const node of [
				'MailerLite: create order',
				'eSputnik: create or update order',
				'Monto: create or update order',
				'Feedback Company: order with invitation',
				'Montly: create lease order',
			]) {
				expect({ node, pairing: pairing(run, node) }).toEqual({ node, pairing: [{ item: 0 }] });
			}

			// MailerLite: the shop's currency (EUR), a paid order is complete; products by Shopify product id.
			const [mailerLite] = output(run, 'MailerLite: create order');
			expect(mailerLite).toMatchObject({
				status: 'complete',
				total: 1694,
				shop: { id: MAILERLITE_DEMO_SHOP_ID, currency: 'EUR' },
				customer: { email: customer.email, accepts_marketing: true },
			});
			expect(mailerLite.cart.items.map((i) => [i.product.id, i.variant, i.quantity, i.price])).toEqual([
				['8123456789012', '160 × 80 cm / Oak', 2, 449],
				['8123456789055', 'Black', 2, 329],
				['8123456789098', null, 1, 89],
			]);

			// eSputnik: an unfulfilled Shopify order is INITIALIZED; line costs are quantity × price.
			const [esputnik] = output(run, 'eSputnik: create or update order');
			expect(esputnik).toMatchObject({
				success: true,
				externalOrderId: '5873478926583',
				status: 'INITIALIZED',
				date: '2026-11-20T14:03:11+01:00',
				totalCost: 1694,
				currency: 'EUR',
				email: customer.email,
				firstName: 'Elin',
				lastName: 'Lindqvist',
				shipping: 49,
				taxes: 338.8,
				restoreUrl: shopify.order_status_url,
			});
			expect(esputnik.items.map((i) => [i.externalItemId, i.quantity, i.cost])).toEqual([
				['8123456789012', 2, 898],
				['8123456789055', 2, 658],
				['8123456789098', 1, 89],
			]);
			const [esPost, ...moreEs] = requests('esputnik').filter((r) => r.method === 'POST' && r.path === '/api/v1/orders');
			expect(moreEs).toEqual([]);
			expect(esPost.headers.authorization).toMatch(/^Basic /);
			const { success, ...sentToEsputnik } = esputnik;
			expect(success).toBe(true);
			expect(esPost.json).toEqual({ orders: [sentToEsputnik] });

			// Monto: registered as pending (not yet fulfilled), one slug per line from the product title.
			const montoOrder = {
				order_id: '5873478926583',
				customer: { name: customer.fullname, email: customer.email },
				status: 'pending',
				items: handles.map((slug) => ({ slug })),
			};
			expect(output(run, 'Monto: create or update order')).toEqual([{ success: true, ...montoOrder }]);
			const montoPosts = requests('monto').filter((r) => r.method === 'POST' && r.path === '/orders');
			expect(montoPosts.map((r) => r.json)).toEqual([montoOrder]);

			// The Feedback Company: invitation after 7 days, reminder after 14, one product per line.
			expect(output(run, 'Feedback Company: order with invitation')).toEqual([
				{ external_id: '5873478926583', invitationScheduled: true, success: true },
			]);
			const fcPosts = requests('feedbackcompany').filter((r) => r.method === 'POST' && r.path === '/api/v2/orders');
			expect(fcPosts.map((r) => r.json)).toEqual([
				{
					external_id: '5873478926583',
					customer,
					invitation: { delay: { unit: 'days', amount: 7 }, reminder: { unit: 'days', amount: 14 } },
					products: [
						['8123456789012', 'Sit-stand desk', 'DESK-OAK-160'],
						['8123456789055', 'Ergonomic office chair', 'CHAIR-ERGO-BLK'],
						['8123456789098', 'Dual monitor arm', 'ARM-DUAL'],
					].map(([id, name, sku]) => ({
						external_id: id,
						name,
						sku,
						url: `https://demo-shop.example.com/products/${sku}`,
					})),
				},
			]);
			expect(fcPosts[0].headers.authorization).toMatch(/^Bearer /);

			// Montly: what the customer paid in SEK, in öre and excluding VAT; the account's tariff for 36
			// months and the monthly price computed from it. The order ID is the Shopify order's own, so a
			// later run against the same Montly (the compatibility suite runs the example twice) is a
			// redelivery: Montly refuses it, the node reads the order's status and returns it.
			const [montly] = output(run, 'Montly: create lease order');
			const statusReads = requests('montly').filter((r) => r.method === 'GET' && r.path === '/v1/orders/5873478926583/status');
			if (montly.alreadyExists) {
				expect(montly).toEqual({ orderId: '5873478926583', status: expect.any(String), alreadyExists: true });
				expect(statusReads).toHaveLength(1);
			} else {
				expect(montly).toEqual({ orderId: '5873478926583', id: expect.stringMatching(/^\d+$/), alreadyExists: false });
				expect(statusReads).toEqual([]);
			}
			const montlyPosts = requests('montly').filter((r) => r.method === 'POST' && r.path === '/v1/orders');
			expect(montlyPosts).toHaveLength(1);
			const { attributes, relationships } = montlyPosts[0].json.data;
			expect(attributes).toEqual({
				orderId: '5873478926583',
				firstName: 'Elin',
				lastName: 'Lindqvist',
				company: 'Fjällbacka Design AB',
				orgNumber: '556036-0793',
				email: customer.email,
				phone: '+46701234567',
				customerIp: '83.248.12.41',
				currency: 'SEK',
				totalPrice: 1511920,
				VAT: 377980,
				shipping: 43920,
				shippingVAT: 10980,
				months: 36,
				tariff: 1.04,
				monthlyPrice: 15724,
				itemsCount: 3,
				billingAddress: 'Storgatan 12',
				billingCity: 'Göteborg',
				billingPostcode: '411 38',
				billingCountry: 'SE',
				shippingFirstName: 'Elin',
				shippingLastName: 'Lindqvist',
				shippingCompany: 'Fjällbacka Design AB',
				shippingAddress: 'Storgatan 12',
				shippingAddress2: 'Plan 3',
				shippingCity: 'Göteborg',
				shippingPostcode: '411 38',
				shippingCountry: 'SE',
				customerMessage: 'Leverans till receptionen, plan 3.',
			});
			expect(relationships.item.data.map((i) => [i.productId, i.quantity, i.totalPrice, i.VAT])).toEqual([
				['8123456789012', 2, 798400, 199600],
				['8123456789055', 2, 590400, 147600],
				['8123456789098', 1, 79200, 19800],
			]);
		},
	},

	osExEsSheetBulk: {
		// About 7 MB of run data: the checks are what the simulator received (counts, every order once,
		// in row order) and a sample of the output items, not the whole output.
		check(run, { requests }) {
			const rows = output(run, 'One item per row');
			expect(rows).toHaveLength(2500);
			expect(rows[0]).toEqual({
				row_number: 2,
				'Order ID': '100001',
				'Order Date': '2026-09-01 08:00:00',
				'Customer ID': 'C5001',
				'First Name': 'Olena',
				'Last Name': 'Shevchenko',
				Email: 'customer5001@example.com',
				Phone: '+380 67 1000000',
				Status: 'completed',
				'Product ID': 'HOODIE-GREY-L',
				Product: 'Hoodie, grey, L',
				Quantity: 1,
				'Unit Price': '59.90',
				Shipping: '0.00',
				Total: '59.90',
				Currency: 'UAH',
			});
			const rowIds = rows.map((r) => r['Order ID']);
			expect(new Set(rowIds).size).toBe(2500);

			// The simulator: ⌈2500 / 1000⌉ = 3 requests, each row's order sent once, in row order.
			const posts = requests('esputnik').filter((r) => r.method === 'POST' && r.path === '/api/v1/orders');
			expect(posts.map((r) => r.json.orders.length)).toEqual([1000, 1000, 500]);
			expect(posts.every((r) => /^Basic /.test(r.headers.authorization))).toBe(true);
			const sent = posts.flatMap((r) => r.json.orders);
			expect(sent.map((o) => o.externalOrderId)).toEqual(rowIds);
			// WooCommerce statuses mapped to eSputnik's; dates without offset sent in the workflow's zone (Kyiv, summer time).
			const mapped = { completed: 'DELIVERED', processing: 'IN_PROGRESS', 'on-hold': 'IN_PROGRESS', cancelled: 'CANCELLED', refunded: 'CANCELLED' };
			expect(sent.map((o) => o.status)).toEqual(rows.map((r) => mapped[r.Status]));
			expect(sent.filter((o) => !o.date.endsWith('+03:00'))).toEqual([]);

			// The output: one item per row, paired with its row; a sample (both ends and the batch
			// boundaries) is exactly the order as sent, with success: true.
			const node = 'eSputnik: create or update orders';
			const saved = output(run, node);
			expect(saved).toHaveLength(rows.length);
			expect(pairing(run, node)).toEqual(rows.map((_, item) => ({ item })));
			expect(saved.filter((o) => o.success !== true)).toEqual([]);
			for (const i of [0, 1, 999, 1000, 1999, 2000, 2499]) {
				expect({ i, item: saved[i] }).toEqual({ i, item: { success: true, ...sent[i] } });
			}
			expect(saved[1]).toEqual({
				success: true,
				externalOrderId: '100002',
				status: 'DELIVERED',
				date: '2026-09-01T08:07:00+03:00',
				totalCost: 53.95,
				currency: 'UAH',
				externalCustomerId: 'C5008',
				email: 'customer5008@example.com',
				firstName: 'Dmytro',
				lastName: 'Shevchenko',
				shipping: 4.95,
				items: [{ externalItemId: 'TSHIRT-BLUE-M', name: 'T-shirt, blue, M', quantity: 2, cost: 24.5 }],
			});
		},
	},

	osExFcAfterFulfil: {
		check(run, { requests }) {
			const [order] = output(run, 'Order fulfilled');
			expect(order).toMatchObject({ order_number: 1051, fulfillment_status: 'fulfilled' });
			expect(output(run, 'Invite to review')).toEqual([{ external_id: '1051', invitationScheduled: true, success: true }]);
			expect(pairing(run, 'Invite to review')).toEqual([{ item: 0 }]);

			const posts = requests('feedbackcompany').filter((r) => r.method === 'POST' && r.path === '/api/v2/orders');
			expect(posts.map((r) => r.json)).toEqual([
				{
					external_id: '1051',
					customer: { email: 'sanne.devries@example.com', fullname: 'Sanne de Vries' },
					invitation: { delay: { unit: 'days', amount: 3 }, reminder: { unit: 'days', amount: 10 } },
					filtercode: 'PostNL',
				},
			]);
			expect(posts[0].headers.authorization).toMatch(/^Bearer /);
		},
	},

	osExMontlyCreate: {
		check(run, { requests }) {
			const [lease] = output(run, 'Lease order');
			expect(lease.orderId).toMatch(/^LEASE-\d{8}-\d{6}$/);
			const [created] = output(run, 'Create lease order');
			expect(created).toEqual({ orderId: lease.orderId, id: expect.stringMatching(/^\d+$/), alreadyExists: false });
			expect(output(run, 'Get lease status')).toEqual([{ orderId: lease.orderId, status: 'pending' }]);
			expect(pairing(run, 'Get lease status')).toEqual([{ item: 0 }]);

			const sent = requests('montly');
			expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([
				'POST /v1/orders',
				`GET /v1/orders/${lease.orderId}/status`,
			]);
			expect(sent.every((r) => /^Bearer /.test(r.headers.authorization))).toBe(true);
			// Amounts In: SEK, converted to whole öre exactly.
			expect(sent[0].json).toEqual({
				data: {
					type: 'order',
					attributes: {
						orderId: lease.orderId,
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
			});
		},
	},
};

module.exports = { workflows, output };
