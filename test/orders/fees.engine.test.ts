import type { IDataObject } from 'n8n-workflow';

import taxExclusive from '../fixtures/woocommerce/fees-tax-exclusive-sek.json';
import taxInclusive from '../fixtures/woocommerce/fees-tax-inclusive-sek.json';
import { fiveProviders } from './five-providers';
import { SHOPIFY } from './fixtures';

/*
 * What an order charges besides its lines and shipping, through all five providers in n8n's
 * engine: WooCommerce fee lines (with and without tax, negative, with a coupon, on a shop whose
 * prices exclude tax and on one whose prices include it), and Shopify's tips, duties and
 * shipping discounts. eSputnik's own Check Total Cost (on by default) must pass.
 */

const { run, writes } = fiveProviders();

const WOO_EXCLUSIVE = taxExclusive as unknown as IDataObject;
const WOO_INCLUSIVE = taxInclusive as unknown as IDataObject;
const woo = { inputMode: 'wooCommerceOrder' };

const esputnikOrder = () => writes('esputnik').flatMap((b) => b.orders as IDataObject[]);
const montlyAttributes = () => writes('montly').map((b) => (b.data as { attributes: IDataObject }).attributes);
const montlyItems = () =>
	writes('montly').map((b) => (b.data as { relationships: { item: { data: IDataObject[] } } }).relationships.item.data);

const PRODUCT_ITEMS = [
	{ externalItemId: '3301', name: 'Robotgräsklippare X7', quantity: 1, cost: 15996 },
	{ externalItemId: '3302', name: 'Laddstation', quantity: 1, cost: 1596 },
];

/** items + shipping − discount + taxes, in öre, as eSputnik's Check Total Cost adds them. */
const esputnikSum = (o: IDataObject) =>
	Math.round(
		100 *
			((o.items as IDataObject[]).reduce((sum, i) => sum + (i.cost as number), 0) +
				(o.shipping as number) -
				(o.discount as number) +
				(o.taxes as number)),
	);

describe('WooCommerce fee lines, on a shop whose prices exclude tax (coupon VAR10, a taxed and an untaxed fee)', () => {
	it('eSputnik: each fee an item of its own (category fee); the fee tax in taxes; Check Total Cost passes', async () => {
		const r = await run('esputnik', [WOO_EXCLUSIVE], woo);
		expect(r.error).toBeUndefined();
		const [order] = esputnikOrder();
		expect(order).toMatchObject({ totalCost: 20139, shipping: 199.2, discount: 1759.2, taxes: 4017.8, status: 'IN_PROGRESS' });
		expect(order.items).toEqual([
			...PRODUCT_ITEMS,
			{ externalItemId: 'fee-2113', name: 'Fakturaavgift', category: 'fee', quantity: 1, cost: 39.2 },
			{ externalItemId: 'fee-2115', name: 'Miljöavgift', category: 'fee', quantity: 1, cost: 50 },
		]);
		expect(esputnikSum(order)).toBe(2013900);
	});

	it('MailerLite: the order total holds the fees; the cart only the products', async () => {
		const r = await run('mailerLite', [WOO_EXCLUSIVE], woo);
		expect(r.error).toBeUndefined();
		const [order] = writes('mailerLite');
		expect(order.total_price).toBe(20139);
		expect((order.cart as IDataObject).items).toEqual([
			{ ecommerce_product_id: '3301', quantity: 1, price: 15996 },
			{ ecommerce_product_id: '3302', quantity: 1, price: 1596 },
		]);
	});

	it('Montly: totalPrice excluding VAT holds the fees, VAT their tax (öre); items only the products', async () => {
		const r = await run('montly', [WOO_EXCLUSIVE], woo);
		expect(r.error).toBeUndefined();
		expect(montlyAttributes()[0]).toMatchObject({ totalPrice: 1612120, VAT: 401780, shipping: 19920, shippingVAT: 4980, itemsCount: 2 });
		expect(montlyItems()[0]).toEqual([
			{ name: 'Robotgräsklippare X7', productId: '3301', quantity: 1, totalPrice: 1439640, VAT: 359910, sku: 'ROBO-X7' },
			{ name: 'Laddstation', productId: '3302', quantity: 1, totalPrice: 143640, VAT: 35910, sku: 'CHARGE-X7' },
		]);
	});

	it('Monto and The Feedback Company have no amounts: the fees are no products or slugs', async () => {
		expect((await run('monto', [WOO_EXCLUSIVE], woo)).error).toBeUndefined();
		expect(writes('monto')[0].items).toEqual([{ slug: 'robo-x7' }, { slug: 'charge-x7' }]);
		expect((await run('feedbackCompany', [WOO_EXCLUSIVE], woo)).error).toBeUndefined();
		expect((writes('feedbackCompany')[0].products as IDataObject[]).map((p) => p.external_id)).toEqual(['3301', '3302']);
	});
});

describe('WooCommerce fee lines, on a shop whose prices include tax (coupon ROBOT500, a taxed fee and a negative one)', () => {
	it('eSputnik: the fee an item, the negative fee added to the discount; Check Total Cost passes', async () => {
		const r = await run('esputnik', [WOO_INCLUSIVE], woo);
		expect(r.error).toBeUndefined();
		const [order] = esputnikOrder();
		expect(order).toMatchObject({ totalCost: 21568, shipping: 199.2, discount: 560, taxes: 4313.6 });
		expect(order.items).toEqual([
			...PRODUCT_ITEMS,
			{ externalItemId: 'fee-2123', name: 'Fakturaavgift', category: 'fee', quantity: 1, cost: 23.2 },
		]);
		expect(esputnikSum(order)).toBe(2156800);
	});

	it('MailerLite: the order total after both fees', async () => {
		expect((await run('mailerLite', [WOO_INCLUSIVE], woo)).error).toBeUndefined();
		expect(writes('mailerLite')[0].total_price).toBe(21568);
	});

	it("Montly: totalPrice and VAT with both fees' amounts and VAT", async () => {
		expect((await run('montly', [WOO_INCLUSIVE], woo)).error).toBeUndefined();
		// 21 568.00 − 4 313.60 VAT; the VAT is 25 % of 17 254.40 (the negative fee's −40.00 included).
		expect(montlyAttributes()[0]).toMatchObject({ totalPrice: 1725440, VAT: 431360, shipping: 19920, shippingVAT: 4980 });
		expect(montlyItems()[0].map((i) => [i.totalPrice, i.VAT])).toEqual([
			[1559600, 389900],
			[159600, 39900],
		]);
	});

	it('eSputnik with Check Total Cost refuses the order if the fees were left out', async () => {
		const r = await run('esputnik', [{ ...WOO_INCLUSIVE, fee_lines: [] }], woo);
		expect(r.error?.message).toBe(
			'[item 0] Total Cost (totalCost): Item costs 17592.00 + shipping 199.20 − discount 400.00 do not add up to 21568.00. Correct the amounts, or turn off Options → Check Total Cost',
		);
		expect(esputnikOrder()).toEqual([]);
	});
});

/** Shopify's guest order (USD, tax on top) with a 5.00 tip, 12.34 duties and free shipping (7.50 off). */
function shopifyWithCharges(totalDiscountsIncludesShipping: boolean): IDataObject {
	const order = structuredClone(SHOPIFY.guestDiscount);
	const set = (amount: string) => ({
		shop_money: { amount, currency_code: 'USD' },
		presentment_money: { amount, currency_code: 'USD' },
	});
	const discounts = totalDiscountsIncludesShipping ? '24.85' : '17.35';
	Object.assign(order, {
		total_tip_received: '5.00',
		original_total_duties_set: set('12.34'),
		current_total_duties_set: set('12.34'),
		total_discounts: discounts,
		total_discounts_set: set(discounts),
		total_price: '185.97',
		total_price_set: set('185.97'),
		discount_codes: [...(order.discount_codes as IDataObject[]), { code: 'FREESHIP', amount: '7.50', type: 'shipping' }],
	});
	const [line] = order.shipping_lines as IDataObject[];
	Object.assign(line, {
		discounted_price: '0.00',
		discounted_price_set: set('0.00'),
		discount_allocations: [{ amount: '7.50', amount_set: set('7.50'), discount_application_index: 1 }],
	});
	return order;
}

describe("Shopify's other charges: tips, duties, shipping discounts", () => {
	it.each([true, false])(
		'eSputnik: tip and duties are items, the shipping discount is in the discount (total_discounts with it: %s)',
		async (withShipping) => {
			const r = await run('esputnik', [shopifyWithCharges(withShipping)]);
			expect(r.error).toBeUndefined();
			const [order] = esputnikOrder();
			expect(order).toMatchObject({ totalCost: 185.97, shipping: 7.5, discount: 24.85, taxes: 12.49 });
			expect((order.items as IDataObject[]).slice(3)).toEqual([
				{ externalItemId: 'duties', name: 'Duties', category: 'duties', quantity: 1, cost: 12.34 },
				{ externalItemId: 'tip', name: 'Tip', category: 'tip', quantity: 1, cost: 5 },
			]);
			expect(esputnikSum(order)).toBe(18597);
		},
	);

	it('MailerLite: the order total with tip and duties', async () => {
		expect((await run('mailerLite', [shopifyWithCharges(true)])).error).toBeUndefined();
		expect(writes('mailerLite')[0].total_price).toBe(185.97);
	});

	it("Montly and eSputnik: the tip in the customer's currency is what the total holds beyond the rest", async () => {
		const order = structuredClone(SHOPIFY.presentmentSek);
		const sek = (order.total_price_set as { presentment_money: { amount: string } }).presentment_money;
		// 10.00 EUR of tip in the shop currency; the customer paid 115.00 SEK more.
		Object.assign(order, { total_tip_received: '10.00', total_price: '1919.90' });
		sek.amount = '22249.00';
		(order.total_price_set as { shop_money: { amount: string } }).shop_money.amount = '1919.90';
		const r = await run('montly', [order], { shopifyCurrency: 'presentment' });
		expect(r.error).toBeUndefined();
		// Without the tip: 1 770 720 öre excluding VAT (see montly.engine.test.ts).
		expect(montlyAttributes()[0]).toMatchObject({ totalPrice: 1770720 + 11500, VAT: 442680, shipping: 11920 });
		const es = await run('esputnik', [order], { shopifyCurrency: 'presentment' });
		expect(es.error).toBeUndefined();
		expect((esputnikOrder()[0].items as IDataObject[]).at(-1)).toEqual({ externalItemId: 'tip', name: 'Tip', category: 'tip', quantity: 1, cost: 115 });
	});

	it('Montly: a free-shipping discount makes shipping 0', async () => {
		const order = structuredClone(SHOPIFY.presentmentSek);
		const [line] = order.shipping_lines as IDataObject[];
		const shipping = line.price_set as IDataObject;
		line.discount_allocations = [{ amount: line.price, amount_set: shipping, discount_application_index: 0 }];
		line.tax_lines = [];
		// The shipping's 29.80 SEK VAT (2.58 EUR) and its 149.00 SEK (12.90 EUR) are gone from the totals.
		const amounts: Record<string, [string, string]> = {
			total_discounts_set: ['12.90', '149.00'],
			total_tax_set: ['379.40', '4397.00'],
			total_price_set: ['1897.00', '21985.00'],
		};
		for (const [key, [eur, sekAmount]] of Object.entries(amounts)) {
			const s = order[key] as { shop_money: { amount: string }; presentment_money: { amount: string } };
			s.shop_money.amount = eur;
			s.presentment_money.amount = sekAmount;
		}
		Object.assign(order, { total_discounts: '12.90', total_tax: '379.40', total_price: '1897.00' });
		const r = await run('montly', [order], { shopifyCurrency: 'presentment' });
		expect(r.error).toBeUndefined();
		expect(montlyAttributes()[0]).toMatchObject({ totalPrice: 1758800, VAT: 439700, shipping: 0, shippingVAT: 0 });
	});
});
