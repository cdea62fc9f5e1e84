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
		check(run) {
			const [shopify] = output(run, 'Shopify order');
			expect(shopify).toMatchObject({ name: '#1042', financial_status: 'paid', line_items: expect.any(Array) });

			const [mailerLite] = output(run, 'MailerLite: create order');
			expect(mailerLite).toMatchObject({
				status: 'complete',
				total: 64.75,
				customer: { email: 'jane.doe@example.com', accepts_marketing: true },
				cart: { checkout_url: shopify.order_status_url },
			});
			expect(mailerLite.cart.items.map((i) => [i.product.id, i.variant, i.quantity, i.price])).toEqual([
				['TSHIRT-BLUE-M', 'Blue / M', 2, 24.9],
				['MUG-WHITE', null, 1, 15],
			]);
		},
	},
};

module.exports = { workflows, output };
