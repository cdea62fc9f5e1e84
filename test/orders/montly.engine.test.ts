import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { MontlyApi } from '../../credentials/MontlyApi.credentials';
import { Montly } from '../../nodes/Montly/Montly.node';
import { runWorkflow } from '../harness/run-workflow';
import { createMontlySimulator, MONTLY_API_KEY, MONTLY_WEBHOOK_SECRET } from '../simulators/montly';
import type { ShopifyFixture, WooFixture } from './fixtures';
import { SHOPIFY, SHOPIFY_NAMES, WOO, WOO_NAMES } from './fixtures';
import { serveForTests } from '../harness/serve';

/* Each Shopify and WooCommerce fixture through Montly → Order → Create, in n8n's engine. */

const ml = createMontlySimulator();
const { sim } = ml;

serveForTests(sim, () => ml.resetState());

const params = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'order',
	operation: 'create',
	orgNumber: '559089-4308',
	months: 24,
	tariff: 1.47,
	...extra,
});

async function run(parameters: INodeParameters, items: IDataObject[]) {
	return await runWorkflow({
		node: { type: 'montly', parameters },
		nodeTypes: { montly: new Montly() },
		credentialTypes: { montlyApi: new MontlyApi() },
		credentials: { montlyApi: { apiKey: MONTLY_API_KEY, baseUrl: sim.url, webhookSecret: MONTLY_WEBHOOK_SECRET } },
		items,
	});
}

const bodies = () => sim.requestsTo('POST', /^\/v1\/orders$/).map((r) => r.json);

/** The Shopify order paid in SEK: 22 134.00 SEK including 4 426.80 VAT (25 %). */
const SHOPIFY_SEK = {
	data: {
		type: 'order',
		attributes: {
			orderId: '5873523306231',
			firstName: 'Karin',
			lastName: 'Lindqvist',
			company: 'Nordljus AB',
			orgNumber: '559089-4308',
			email: 'inkop@nordljus.se',
			phone: '+46701234567',
			itemsCount: 2,
			totalPrice: 1770720,
			VAT: 442680,
			shipping: 11920,
			shippingVAT: 2980,
			currency: 'SEK',
			months: 24,
			tariff: 1.47,
			customerIp: '81.232.145.17',
			billingAddress: 'Sveavägen 44',
			billingCity: 'Stockholm',
			billingPostcode: '111 34',
			billingCountry: 'SE',
			shippingFirstName: 'Karin',
			shippingLastName: 'Lindqvist',
			shippingCompany: 'Nordljus AB',
			shippingAddress: 'Sveavägen 44',
			shippingAddress2: 'Leveransport 2',
			shippingCity: 'Stockholm',
			shippingPostcode: '111 34',
			shippingCountry: 'SE',
			monthlyPrice: 26030,
		},
		relationships: {
			item: {
				data: [
					{ name: 'ProBook 14 Laptop - 16 GB / 512 GB', productId: '8123455500011', quantity: 1, totalPrice: 1199600, VAT: 299900, sku: 'LAPTOP-PRO-14', variationId: '44123455500011' },
					{ name: '27" 4K Monitor', productId: '8123455500022', quantity: 2, totalPrice: 559200, VAT: 139800, sku: 'MON-27-4K', variationId: '44123455500022' },
				],
			},
		},
	},
};

/** The WooCommerce order: 17 791.20 SEK excluding VAT, 4 447.80 VAT; line amounts exclude tax already. */
const WOO_SEK = {
	data: {
		type: 'order',
		attributes: {
			orderId: '2048',
			firstName: 'Erik',
			lastName: 'Johansson',
			company: 'Fjällvägen Bygg AB',
			orgNumber: '559089-4308',
			email: 'erik@fjallvagenbygg.se',
			phone: '+46 70 123 45 67',
			itemsCount: 2,
			totalPrice: 1779120,
			VAT: 444780,
			shipping: 19920,
			shippingVAT: 4980,
			currency: 'SEK',
			months: 24,
			tariff: 1.47,
			customerIp: '81.232.145.17',
			billingAddress: 'Fjällvägen 12',
			billingCity: 'Östersund',
			billingPostcode: '831 32',
			billingCountry: 'SE',
			shippingFirstName: 'Erik',
			shippingLastName: 'Johansson',
			shippingCompany: 'Fjällvägen Bygg AB',
			shippingAddress: 'Industrigatan 4',
			shippingAddress2: 'Port B',
			shippingCity: 'Östersund',
			shippingPostcode: '831 48',
			shippingCountry: 'SE',
			monthlyPrice: 26153,
		},
		relationships: {
			item: {
				data: [
					{ name: 'Robotgräsklippare X7', productId: '3301', quantity: 1, totalPrice: 1599600, VAT: 399900, sku: 'ROBO-X7' },
					{ name: 'Laddstation', productId: '3302', quantity: 1, totalPrice: 159600, VAT: 39900, sku: 'CHARGE-X7' },
				],
			},
		},
	},
};

const shopifyCurrency = (code: string) =>
	`[item 0] currency: Montly accepts SEK only; this order is in ${code} (if the customer paid in SEK, choose Currency: Customer Currency)`;
const wooCurrency = (code: string) => `[item 0] currency: Montly accepts SEK only; this order is in ${code}`;

/** In shop currency the Swedish Shopify order is in EUR; Montly takes SEK only. */
const SHOPIFY_OUTCOME: Record<ShopifyFixture, IDataObject | string> = {
	standard: shopifyCurrency('EUR'),
	guestDiscount: shopifyCurrency('USD'),
	presentmentSek: shopifyCurrency('EUR'),
	jpy: shopifyCurrency('JPY'),
	refunded: shopifyCurrency('GBP'),
	cancelled: shopifyCurrency('EUR'),
};
const WOO_OUTCOME: Record<WooFixture, IDataObject | string> = {
	processing: wooCurrency('EUR'),
	guestCoupon: wooCurrency('USD'),
	sek: WOO_SEK,
	jpy: wooCurrency('JPY'),
	refunded: wooCurrency('GBP'),
	cancelled: wooCurrency('EUR'),
};

async function expectOutcome(parameters: INodeParameters, item: IDataObject, expected: IDataObject | string) {
	const r = await run(parameters, [item]);
	if (typeof expected === 'string') {
		expect(r.error?.message).toBe(expected);
		expect(bodies()).toEqual([]);
	} else {
		expect(r.error).toBeUndefined();
		expect(bodies()).toEqual([expected]);
		const attributes = (expected.data as { attributes: IDataObject }).attributes;
		// The seed revision of the API answers with Montly's own id.
		expect(r.output.map((i) => i.json)).toEqual([{ orderId: attributes.orderId, id: '42', alreadyExists: false }]);
	}
}

describe('Montly ← Shopify order', () => {
	it.each(SHOPIFY_NAMES)('%s (shop currency)', async (name) => {
		await expectOutcome(params({ inputMode: 'shopifyOrder' }), SHOPIFY[name], SHOPIFY_OUTCOME[name]);
	});

	it('sends the order paid in SEK in öre, VAT taken out of the prices that include it', async () => {
		await expectOutcome(params({ inputMode: 'shopifyOrder', shopifyCurrency: 'presentment' }), SHOPIFY.presentmentSek, SHOPIFY_SEK);
	});

	it('lists everything a non-Swedish, cancelled order lacks in one error', async () => {
		const r = await run(params({ inputMode: 'shopifyOrder', shopifyCurrency: 'presentment' }), [SHOPIFY.cancelled]);
		expect(r.error?.message).toBe(shopifyCurrency('EUR'));
		expect(r.error?.description).toBe(
			'Also: status: The order is cancelled; Montly would start a leasing application for it; Company (company): The order has no billing company; give Company. Nothing was sent for this item.',
		);
	});

	it('the given Company, Customer IP and Phone win over the order\'s', async () => {
		const r = await run(
			params({ inputMode: 'shopifyOrder', shopifyCurrency: 'presentment', company: 'Nordljus Holding AB', customerIp: '10.1.2.3', phone: '08-123 456 78' }),
			[SHOPIFY.presentmentSek],
		);
		expect(r.error).toBeUndefined();
		expect(bodies()).toEqual([
			{
				data: {
					...SHOPIFY_SEK.data,
					attributes: { ...SHOPIFY_SEK.data.attributes, company: 'Nordljus Holding AB', customerIp: '10.1.2.3', phone: '08-123 456 78' },
				},
			},
		]);
	});

	it('names a missing organisation number, and checks a given one with the node\'s schema', async () => {
		const missing = await run(params({ inputMode: 'shopifyOrder', shopifyCurrency: 'presentment', orgNumber: '={{ $json.note }}' }), [SHOPIFY.presentmentSek]);
		expect(missing.error?.message).toBe(
			'[item 0] Organisation Number (orgNumber): is required: the customer\'s Swedish organisation number (000000-0000), which shop orders do not carry',
		);
		const malformed = await run(params({ inputMode: 'shopifyOrder', shopifyCurrency: 'presentment', orgNumber: '5590894308' }), [SHOPIFY.presentmentSek]);
		expect(malformed.error?.message).toBe(
			'[item 0] Organisation Number (data.attributes.orgNumber): "5590894308" must be a Swedish organisation number like 559089-4308 (000000-0000)',
		);
		expect(bodies()).toEqual([]);
	});

	it('names a tariff that is not above 0', async () => {
		const r = await run(params({ inputMode: 'shopifyOrder', shopifyCurrency: 'presentment', tariff: 0 }), [SHOPIFY.presentmentSek]);
		expect(r.error?.message).toMatch(/^\[item 0\] Tariff Name or ID \(tariff\): must be a tariff /);
		expect(r.error?.message).toContain('leave Tariff empty to use Montly\'s current one');
		expect(bodies()).toEqual([]);
	});
});

describe('Montly ← WooCommerce order', () => {
	it.each(WOO_NAMES)('%s', async (name) => {
		await expectOutcome(params({ inputMode: 'wooCommerceOrder' }), WOO[name], WOO_OUTCOME[name]);
	});

	it('an order below Montly\'s 6 000 SEK minimum is refused by the node\'s schema', async () => {
		const small = {
			...WOO.sek,
			total: '2239.00',
			total_tax: '447.80',
			line_items: [{ ...(WOO.sek.line_items as IDataObject[])[1], subtotal: '1596.00', total: '1596.00', total_tax: '398.00' }],
		};
		const r = await run(params({ inputMode: 'wooCommerceOrder' }), [small]);
		expect(r.error?.message).toBe(
			'[item 0] Total Price (data.attributes.totalPrice): 179120 must be at least 600000 öre (6 000 SEK excluding VAT), Montly\'s minimum order',
		);
		expect(bodies()).toEqual([]);
	});
});
