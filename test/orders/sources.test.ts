import type { IDataObject } from 'n8n-workflow';

import { minorToDecimal, minorToText } from '../../nodes/shared/input/money';
import { currencyDecimals } from '../../nodes/shared/orders/currency';
import type { CanonicalOrder } from '../../nodes/shared/orders/model';
import {
	addressLine,
	canonicalOrder,
	fullName,
	isCanonical,
} from '../../nodes/shared/orders/model';
import { shopifyOrderSchema, shopifyStatus } from '../../nodes/shared/orders/shopify';
import { unwrapOrder } from '../../nodes/shared/orders/source';
import { wooCommerceOrderSchema, wooCommerceStatus } from '../../nodes/shared/orders/woocommerce';
import { formatPath } from '../../nodes/shared/input/validation';
import { SHOPIFY, WOO } from './fixtures';

/* The source mappers: Shopify and WooCommerce orders read into the canonical order. */

const shopify = (order: unknown, currency: 'shop' | 'presentment' = 'shop'): CanonicalOrder =>
	shopifyOrderSchema(currency).parse(order);
const woo = (order: unknown): CanonicalOrder => wooCommerceOrderSchema().parse(order);

/** "path: message" of every issue, as the nodes report them. */
function problems(result: {
	success: boolean;
	error?: { issues: Array<{ path: PropertyKey[]; message: string }> };
}): string[] {
	expect(result.success).toBe(false);
	return result.error!.issues.map((i) => `${formatPath(i.path)}: ${i.message}`);
}

const line = (order: IDataObject, index: number) => (order.line_items as IDataObject[])[index];

describe('currency', () => {
	it('knows the minor units of ISO 4217: 0 for JPY and KRW, 3 for KWD, 2 otherwise', () => {
		expect(
			['EUR', 'SEK', 'USD', 'jpy', 'KRW', 'ISK', 'KWD', 'BHD', 'CLF'].map(currencyDecimals),
		).toEqual([2, 2, 2, 0, 0, 0, 3, 3, 4]);
	});

	it('writes minor units as exact decimal text and numbers', () => {
		expect([
			minorToText(2490, 2),
			minorToText(5, 2),
			minorToText(-1205, 2),
			minorToText(1500, 0),
			minorToText(1234, 3),
		]).toEqual(['24.90', '0.05', '-12.05', '1500', '1.234']);
		expect(minorToDecimal(962768, 2)).toBe(9627.68);
		expect(minorToDecimal(30, 2)).toBe(0.3);
	});
});

describe('Shopify → canonical order', () => {
	it('reads a guest checkout with a discount code spread over the lines', () => {
		expect(shopify(SHOPIFY.guestDiscount)).toEqual({
			platform: 'shopify',
			id: '5873501114871',
			number: '#1043',
			status: 'processing',
			platformStatus: { financialStatus: 'paid', fulfillmentStatus: 'partial' },
			createdAt: '2024-11-21T09:41:27-05:00',
			updatedAt: '2024-11-22T16:05:03-05:00',
			currency: 'USD',
			decimals: 2,
			taxesIncluded: false,
			customer: {
				email: 'alex.rivera@example.net',
				phone: '+12125550147',
				firstName: 'Alex',
				lastName: 'Rivera',
				acceptsMarketing: false,
				guest: true,
			},
			billingAddress: {
				firstName: 'Alex',
				lastName: 'Rivera',
				address1: '350 5th Ave',
				address2: 'Apt 12B',
				city: 'New York',
				province: 'New York',
				postcode: '10118',
				country: 'United States',
				countryCode: 'US',
				phone: '+12125550147',
			},
			shippingAddress: {
				firstName: 'Alex',
				lastName: 'Rivera',
				address1: '350 5th Ave',
				address2: 'Apt 12B',
				city: 'New York',
				province: 'New York',
				postcode: '10118',
				country: 'United States',
				countryCode: 'US',
				phone: '+12125550147',
			},
			lineItems: [
				{
					id: '14302811324663',
					productId: '8123400011122',
					variantId: '44123400011122',
					sku: 'TRAIL-RUN-42',
					title: 'Trail Running Shoes',
					name: 'Trail Running Shoes - 42 / Forest',
					variantName: '42 / Forest',
					quantity: 1,
					unitPrice: 12000,
					subtotal: 12000,
					discount: 1200,
					total: 10800,
					tax: 864,
				},
				{
					id: '14302811357431',
					productId: '8123400022233',
					variantId: '44123400022233',
					sku: 'MERINO-SOCK-L',
					title: 'Merino Socks',
					name: 'Merino Socks - L',
					variantName: 'L',
					quantity: 3,
					unitPrice: 1450,
					subtotal: 4350,
					discount: 435,
					total: 3915,
					tax: 313,
				},
				{
					id: '14302811390199',
					productId: '8123400033344',
					variantId: '44123400033344',
					title: 'Water Bottle',
					name: 'Water Bottle',
					quantity: 1,
					unitPrice: 999,
					subtotal: 999,
					discount: 100,
					total: 899,
					tax: 72,
				},
			],
			charges: [],
			totals: {
				subtotal: 17349,
				discount: 1735,
				shipping: 750,
				shippingDiscount: 0,
				shippingTax: 0,
				tax: 1249,
				total: 17613,
			},
			discountCodes: ['SPRING10'],
			shippingMethod: 'UPS Ground',
			paymentMethod: 'shopify_payments',
			orderUrl:
				'https://demo-shop.example.com/73462382839/orders/3c9e0f17aa52d8b4/authenticate?key=3c9e0f',
			customerIp: '72.229.28.185',
		});
	});

	it('adds up exactly: subtotal − discount + shipping + tax = total, in minor units', () => {
		const o = shopify(SHOPIFY.guestDiscount);
		expect(o.totals.subtotal - o.totals.discount + o.totals.shipping + o.totals.tax).toBe(
			o.totals.total,
		);
		const sek = shopify(SHOPIFY.presentmentSek, 'presentment');
		// Prices include VAT here, so tax is not added on top.
		expect(sek.totals.subtotal - sek.totals.discount + sek.totals.shipping).toBe(sek.totals.total);
		expect(sek.lineItems.reduce((sum, l) => sum + l.tax, 0) + sek.totals.shippingTax).toBe(
			sek.totals.tax,
		);
	});

	it("takes the customer's currency from the *_set fields when asked, and the shop currency otherwise", () => {
		const shop = shopify(SHOPIFY.presentmentSek);
		const paid = shopify(SHOPIFY.presentmentSek, 'presentment');
		expect([
			shop.currency,
			shop.totals.total,
			shop.totals.shipping,
			shop.lineItems[1].unitPrice,
		]).toEqual(['EUR', 190990, 1290, 29900]);
		expect([
			paid.currency,
			paid.totals.total,
			paid.totals.shipping,
			paid.totals.shippingTax,
			paid.totals.tax,
		]).toEqual(['SEK', 2213400, 14900, 2980, 442680]);
		expect(paid.lineItems.map((l) => [l.unitPrice, l.subtotal, l.tax])).toEqual([
			[1499500, 1499500, 299900],
			[349500, 699000, 139800],
		]);
		// An order in one currency is read the same either way.
		expect(shopify(SHOPIFY.standard, 'presentment')).toEqual(shopify(SHOPIFY.standard));
	});

	it("refuses the customer's currency when the *_set amounts are missing, naming the field", () => {
		const order = { ...SHOPIFY.presentmentSek, total_price_set: undefined };
		expect(problems(shopifyOrderSchema('presentment').safeParse(order))).toEqual([
			"total_price_set.presentment_money.amount: Required for amounts in the customer's currency (SEK); choose the shop currency instead",
		]);
	});

	it('reads JPY without minor units, and refuses a fraction of a yen instead of rounding it', () => {
		const jpy = shopify(SHOPIFY.jpy);
		expect([
			jpy.currency,
			jpy.decimals,
			jpy.totals.total,
			jpy.totals.tax,
			jpy.lineItems[0].unitPrice,
		]).toEqual(['JPY', 0, 13980, 1271, 1980]);
		expect(jpy.billingAddress).toBeUndefined();
		expect(jpy.shippingAddress).toBeUndefined();
		expect(jpy.totals.shipping).toBe(0);
		const withZeros = {
			...SHOPIFY.jpy,
			line_items: [{ ...line(SHOPIFY.jpy, 0), price: '1980.00' }],
		};
		expect(shopify(withZeros).lineItems[0].unitPrice).toBe(1980);
		const fraction = {
			...SHOPIFY.jpy,
			line_items: [{ ...line(SHOPIFY.jpy, 0), price: '1980.50' }],
		};
		expect(problems(shopifyOrderSchema().safeParse(fraction))).toEqual([
			'line_items[0].price: Has more than 0 decimal places',
		]);
	});

	it('keeps amounts exact where floating point would not (0.10 × 3, 3 decimals for KWD)', () => {
		const dimes = {
			...SHOPIFY.standard,
			line_items: [{ ...line(SHOPIFY.standard, 1), price: '0.10', quantity: 3 }],
		};
		expect(0.1 * 3).not.toBe(0.3);
		expect(shopify(dimes).lineItems[0].subtotal).toBe(30);
		const kwd = {
			...SHOPIFY.standard,
			currency: 'KWD',
			presentment_currency: 'KWD',
			total_price: '12.345',
		};
		expect(shopify(kwd).totals.total).toBe(12345);
		const huge = { ...SHOPIFY.standard, total_price: '99999999999999999.99' };
		expect(problems(shopifyOrderSchema().safeParse(huge))).toEqual([
			'total_price: Amount is too large',
		]);
	});

	it('uses total_discount when a line has no discount allocations (older API versions)', () => {
		const old = {
			...SHOPIFY.guestDiscount,
			line_items: [
				{
					...line(SHOPIFY.guestDiscount, 0),
					discount_allocations: undefined,
					total_discount: '12.00',
				},
			],
		};
		expect(shopify(old).lineItems[0]).toMatchObject({
			subtotal: 12000,
			discount: 1200,
			total: 10800,
		});
	});

	it('maps the three Shopify status fields to one status', () => {
		const cases: Array<[IDataObject, string]> = [
			[{ financial_status: 'pending' }, 'pending'],
			[{ financial_status: 'authorized' }, 'processing'],
			[{ financial_status: 'paid' }, 'processing'],
			[{ financial_status: 'partially_paid' }, 'processing'],
			[{ financial_status: 'partially_refunded', fulfillment_status: 'fulfilled' }, 'completed'],
			[{ financial_status: 'paid', fulfillment_status: 'partial' }, 'processing'],
			[{ financial_status: 'paid', fulfillment_status: 'fulfilled' }, 'completed'],
			[{ financial_status: 'refunded', fulfillment_status: 'fulfilled' }, 'refunded'],
			[{ financial_status: 'voided' }, 'cancelled'],
			[{ financial_status: 'paid', fulfillment_status: 'restocked' }, 'cancelled'],
			[{ financial_status: 'paid', cancelled_at: '2024-11-25T11:20:08+01:00' }, 'cancelled'],
			[{}, 'pending'],
		];
		expect(cases.map(([fields]) => shopifyStatus(fields))).toEqual(
			cases.map(([, status]) => status),
		);
		expect(
			[SHOPIFY.refunded, SHOPIFY.cancelled, SHOPIFY.jpy].map((o) => shopify(o).status),
		).toEqual(['refunded', 'cancelled', 'completed']);
	});

	it('names the fields of a broken order', () => {
		const broken = {
			...SHOPIFY.standard,
			currency: 'euro',
			created_at: null,
			line_items: [{ ...line(SHOPIFY.standard, 0), quantity: 0, price: 'free' }],
		};
		expect(problems(shopifyOrderSchema().safeParse(broken))).toEqual([
			'created_at: Required',
			'currency: Expected a three-letter ISO 4217 code, e.g. EUR',
			'line_items[0].quantity: Must be more than 0',
		]);
		expect(
			problems(shopifyOrderSchema().safeParse({ ...SHOPIFY.standard, line_items: [] })),
		).toEqual(['line_items: An order needs at least one line item']);
	});
});

describe('WooCommerce → canonical order', () => {
	it("reads a registered customer's order; dates in UTC; attribute meta as the variant", () => {
		expect(woo(WOO.processing)).toEqual({
			platform: 'wooCommerce',
			id: '727',
			number: '727',
			status: 'processing',
			platformStatus: { status: 'processing' },
			createdAt: '2024-05-06T12:22:10Z',
			updatedAt: '2024-05-06T12:22:10Z',
			currency: 'EUR',
			decimals: 2,
			taxesIncluded: false,
			customer: {
				id: '42',
				email: 'sanne.devries@example.nl',
				phone: '+31 6 12345678',
				firstName: 'Sanne',
				lastName: 'de Vries',
				guest: false,
			},
			billingAddress: {
				firstName: 'Sanne',
				lastName: 'de Vries',
				address1: 'Oudegracht 211',
				city: 'Utrecht',
				postcode: '3511 NH',
				country: 'NL',
				countryCode: 'NL',
				phone: '+31 6 12345678',
			},
			shippingAddress: {
				firstName: 'Sanne',
				lastName: 'de Vries',
				address1: 'Oudegracht 211',
				city: 'Utrecht',
				postcode: '3511 NH',
				country: 'NL',
				countryCode: 'NL',
			},
			lineItems: [
				{
					id: '315',
					productId: '1201',
					variantId: '1207',
					sku: 'HOODIE-BLUE',
					title: 'Hoodie - Blue',
					name: 'Hoodie - Blue',
					variantName: 'Blue',
					quantity: 1,
					unitPrice: 4132,
					subtotal: 4132,
					discount: 0,
					total: 4132,
					tax: 868,
				},
				{
					id: '316',
					productId: '1188',
					sku: 'BEANIE-GREY',
					title: 'Beanie',
					name: 'Beanie',
					quantity: 2,
					unitPrice: 1240,
					subtotal: 2480,
					discount: 0,
					total: 2480,
					tax: 521,
				},
			],
			charges: [],
			totals: {
				subtotal: 6612,
				discount: 0,
				shipping: 495,
				shippingDiscount: 0,
				shippingTax: 104,
				tax: 1493,
				total: 8600,
			},
			discountCodes: [],
			shippingMethod: 'PostNL',
			paymentMethod: 'iDEAL',
			note: 'Graag bij de buren afgeven als ik niet thuis ben.',
			customerIp: '145.53.11.206',
		});
	});

	it('reads a guest order with a coupon: discounts per line from subtotal − total; uneven unit prices rounded', () => {
		const o = woo(WOO.guestCoupon);
		expect(o.customer).toEqual({
			email: 'maya.chen@example.com',
			firstName: 'Maya',
			lastName: 'Chen',
			guest: true,
		});
		expect(o.lineItems.map((l) => [l.unitPrice, l.subtotal, l.discount, l.total])).toEqual([
			[2500, 5000, 750, 4250],
			[1299, 1299, 195, 1104],
			[667, 2000, 300, 1700],
		]);
		expect(o.lineItems[2].sku).toBeUndefined();
		expect(o.totals).toEqual({
			subtotal: 8299,
			discount: 1245,
			shipping: 600,
			shippingDiscount: 0,
			shippingTax: 0,
			tax: 0,
			total: 7654,
		});
		expect(o.totals.subtotal - o.totals.discount + o.totals.shipping + o.totals.tax).toBe(
			o.totals.total,
		);
		expect(o.discountCodes).toEqual(['welcome15']);
	});

	it('an empty shipping address is no address; JPY has no minor unit', () => {
		const o = woo(WOO.jpy);
		expect(o.shippingAddress).toBeUndefined();
		expect([o.currency, o.decimals, o.totals.total, o.status, o.platformStatus.status]).toEqual([
			'JPY',
			0,
			5060,
			'pending',
			'on-hold',
		]);
	});

	it('keeps the pay-for-order link only while the order can still be paid', () => {
		expect(woo({ ...WOO.processing, status: 'pending', needs_payment: true }).paymentUrl).toBe(
			'https://shop.example.com/checkout/order-pay/727/?pay_for_order=true&key=wc_order_Zq8pW3rT5yUx1',
		);
		expect(
			woo({ ...WOO.processing, status: 'failed', needs_payment: undefined }).paymentUrl,
		).toBeDefined();
		expect(woo(WOO.jpy).paymentUrl).toBeUndefined();
		expect(woo(WOO.processing).paymentUrl).toBeUndefined();
	});

	it('falls back to the site-local date (no offset) without date_created_gmt, and requires one of them', () => {
		expect(woo({ ...WOO.processing, date_created_gmt: null }).createdAt).toBe(
			'2024-05-06T14:22:10',
		);
		expect(
			problems(
				wooCommerceOrderSchema().safeParse({
					...WOO.processing,
					date_created_gmt: null,
					date_created: '',
				}),
			),
		).toEqual(['date_created_gmt: Required']);
	});

	it('maps WooCommerce statuses; statuses added by plugins count as processing', () => {
		const statuses = [
			'pending',
			'on-hold',
			'checkout-draft',
			'processing',
			'completed',
			'cancelled',
			'trash',
			'refunded',
			'failed',
			'wc-completed',
			'shipped',
		];
		expect(statuses.map(wooCommerceStatus)).toEqual([
			'pending',
			'pending',
			'pending',
			'processing',
			'completed',
			'cancelled',
			'cancelled',
			'refunded',
			'failed',
			'completed',
			'processing',
		]);
	});

	it('names the fields of a broken order', () => {
		const broken = {
			...WOO.processing,
			total: '86.001',
			line_items: [{ ...line(WOO.processing, 0), subtotal: '41.32', total: '45.00' }],
		};
		expect(problems(wooCommerceOrderSchema().safeParse(broken))).toEqual([
			'line_items[0].total: Is more than the line subtotal',
			'total: Has more than 2 decimal places',
		]);
	});
});

describe('helpers', () => {
	it("finds the order in the item, a Webhook node's body or a REST response", () => {
		const order = SHOPIFY.standard;
		expect(unwrapOrder(order)).toBe(order);
		expect(unwrapOrder({ headers: {}, body: order })).toBe(order);
		expect(unwrapOrder({ order })).toBe(order);
		expect(unwrapOrder({ id: 1 })).toEqual({ id: 1 });
	});

	it('names and addresses in one line', () => {
		const o = shopify(SHOPIFY.presentmentSek);
		expect(fullName(o)).toBe('Karin Lindqvist');
		expect(addressLine(o.shippingAddress)).toBe(
			'Sveavägen 44 Leveransport 2, 111 34 Stockholm, Sweden',
		);
		expect(addressLine(undefined)).toBeUndefined();
	});
});

describe('isCanonical, the hand-written check in front of the canonical schema', () => {
	const readers: Array<[string, CanonicalOrder]> = [
		...Object.entries(SHOPIFY).map(([name, o]): [string, CanonicalOrder] => [
			`shopify ${name}`,
			shopify(o),
		]),
		...Object.entries(SHOPIFY).map(([name, o]): [string, CanonicalOrder] => [
			`shopify ${name} (presentment)`,
			shopify(o, 'presentment'),
		]),
		...Object.entries(WOO).map(([name, o]): [string, CanonicalOrder] => [`woo ${name}`, woo(o)]),
	];

	it.each(readers)('passes %s, which the schema returns unchanged', (_name, order) => {
		expect(isCanonical(order)).toBe(true);
		expect(canonicalOrder.parse(order)).toEqual(order);
	});

	it('never passes what the schema rejects: 20,000 seeded mutations of real orders', () => {
		let seed = 7;
		const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
		const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
		const values = [
			undefined,
			null,
			'',
			'x',
			' ',
			-1,
			0,
			1,
			1.5,
			2 ** 53,
			NaN,
			true,
			[],
			{},
			'EUR',
			'eur',
			'2024-05-01T10:00:00Z',
			'2024-05-01',
		];
		let rejected = 0;
		for (let n = 0; n < 20_000; n++) {
			const order = structuredClone(pick(readers)[1]) as unknown as Record<string, unknown>;
			// Walk to a random object in the order and set one of its keys to a random value.
			let target = order;
			for (let depth = 0; depth < 3; depth++) {
				const inner = Object.values(target).filter((v) => v && typeof v === 'object') as Array<
					Record<string, unknown>
				>;
				if (!inner.length || next() < 0.4) break;
				target = pick(inner);
			}
			const keys = Object.keys(target);
			if (!keys.length) continue;
			// Deleting from an array leaves a hole, which Array#every would skip.
			if (next() < 0.1) delete target[pick(keys)];
			else target[pick(keys)] = pick(values);
			const schemaSays = canonicalOrder.safeParse(order).success;
			if (isCanonical(order as unknown as CanonicalOrder))
				expect({ n, schemaSays, issues: canonicalOrder.safeParse(order).error?.issues }).toEqual({
					n,
					schemaSays: true,
					issues: undefined,
				});
			if (!schemaSays) rejected++;
		}
		// The mutations must have tried the check: most of them break the order.
		expect(rejected).toBeGreaterThan(10_000);
	});

	it('an order the check stops is reported by the schema, at the canonical field', () => {
		const tooMuchDiscount = structuredClone(SHOPIFY.standard) as IDataObject;
		const first = line(tooMuchDiscount, 0);
		first.discount_allocations = [{ amount: '1000.00' }];
		expect(problems(shopifyOrderSchema().safeParse(tooMuchDiscount))).toEqual([
			'lineItems[0].total: Must be 0 or more',
		]);
	});
});
