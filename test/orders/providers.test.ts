import { fromOrder as esputnik } from '../../nodes/Esputnik/fromOrder';
import { fromOrder as feedbackCompany } from '../../nodes/FeedbackCompany/fromOrder';
import { customerFromOrder, orderFromOrder } from '../../nodes/MailerLiteEcommerce/fromOrder';
import { monthlyPrice } from '../../nodes/Montly/tariffs';
import { fromOrder as monto, slugify } from '../../nodes/Monto/fromOrder';
import type { CanonicalOrder, OrderStatus } from '../../nodes/shared/orders/model';
import { shopifyOrderSchema } from '../../nodes/shared/orders/shopify';
import { wooCommerceOrderSchema } from '../../nodes/shared/orders/woocommerce';
import type { Issue } from '../../nodes/shared/input/validation';
import { SHOPIFY, WOO } from './fixtures';

/* The per-provider mappers out of the canonical order, without n8n around them. */

const shopify = shopifyOrderSchema().parse(SHOPIFY.standard);
const wooOrder = wooCommerceOrderSchema().parse(WOO.processing);
const withStatus = (order: CanonicalOrder, status: OrderStatus, platformStatus = {}): CanonicalOrder => ({
	...order,
	status,
	platformStatus: { ...order.platformStatus, ...platformStatus },
});

describe('eSputnik status, by the tables of Yespo\'s own integrations (statuses.ts)', () => {
	const status = (order: CanonicalOrder, statusOverride?: string) => esputnik(order, { statusOverride }).status;

	it('Shopify: fulfilment status; cancelled and refunded orders are CANCELLED', () => {
		expect([
			status(withStatus(shopify, 'processing', { fulfillmentStatus: undefined })),
			status(withStatus(shopify, 'processing', { fulfillmentStatus: 'partial' })),
			status(withStatus(shopify, 'completed', { fulfillmentStatus: 'fulfilled' })),
			status(withStatus(shopify, 'cancelled', { fulfillmentStatus: undefined })),
			status(withStatus(shopify, 'refunded', { fulfillmentStatus: 'fulfilled' })),
			status(withStatus(shopify, 'pending', { fulfillmentStatus: undefined })),
		]).toEqual(['INITIALIZED', 'IN_PROGRESS', 'DELIVERED', 'CANCELLED', 'CANCELLED', 'INITIALIZED']);
	});

	it('WooCommerce: the order status', () => {
		const woo = (s: string) => status(withStatus(wooOrder, 'pending', { status: s }));
		expect(['pending', 'on-hold', 'processing', 'completed', 'failed', 'refunded', 'cancelled', 'checkout-draft'].map(woo)).toEqual([
			'INITIALIZED',
			'IN_PROGRESS',
			'IN_PROGRESS',
			'DELIVERED',
			'CANCELLED',
			'CANCELLED',
			'CANCELLED',
			'INITIALIZED',
		]);
	});

	it('an override is taken as it is (any letter case), for the schema to check', () => {
		expect([status(shopify, 'delivered'), status(shopify, 'ABANDONED_SHOPPING_CART'), status(shopify, 'shipped')]).toEqual([
			'DELIVERED',
			'ABANDONED_SHOPPING_CART',
			'shipped',
		]);
	});
});

describe('MailerLite', () => {
	const status = (s: OrderStatus) => {
		const issues: Issue[] = [];
		const body = orderFromOrder(withStatus(shopify, s), {}, issues);
		return issues.length ? issues.map((i) => i.path.join('.')).join() : body.status;
	};

	it('unpaid → pending, paid or shipped → complete, cancelled and refunded → refused', () => {
		expect((['pending', 'failed', 'processing', 'completed', 'cancelled', 'refunded'] as OrderStatus[]).map(status)).toEqual([
			'pending',
			'pending',
			'complete',
			'complete',
			'status',
			'status',
		]);
	});

	it('a customer without an e-mail address is an issue; subscriber fields only for what is known', () => {
		const issues: Issue[] = [];
		const nameless = { ...shopify, customer: { guest: true }, billingAddress: undefined, shippingAddress: undefined };
		expect(customerFromOrder(nameless, { createSubscriber: true }, issues)).toEqual({ email: undefined, create_subscriber: true });
		expect(issues).toEqual([{ path: ['email'], message: 'The order has no e-mail address, and MailerLite knows customers by e-mail' }]);
	});
});

describe('Monto', () => {
	it('makes slugs as Webflow does', () => {
		expect(['Crème Brûlée – Large', '27" 4K Monitor', '  MUG_WHITE  ', '---', 'Ærø Straße'].map(slugify)).toEqual([
			'creme-brulee-large',
			'27-4k-monitor',
			'mug-white',
			'',
			'aero-strasse',
		]);
	});

	it('sends each product once', () => {
		const twice = { ...shopify, lineItems: [shopify.lineItems[0], { ...shopify.lineItems[0], id: 'x', variantName: 'Red / S' }] };
		expect(monto(twice, { slugSource: 'sku' }, []).items).toEqual([{ slug: 'tshirt-blue-m' }]);
	});
});

describe('The Feedback Company', () => {
	it('leaves out free lines and repeated products, as its own plugin does', () => {
		const lines = [
			shopify.lineItems[0],
			{ ...shopify.lineItems[0], id: 'variant-2', variantId: '2' },
			{ ...shopify.lineItems[1], unitPrice: 0, subtotal: 0, total: 0 },
		];
		const body = feedbackCompany({ ...shopify, lineItems: lines }, { productUrl: 'https://s.example/{productId}' }, []);
		expect(body.products).toEqual([
			{ external_id: '8123456789012', name: 'Organic T-shirt', url: 'https://s.example/8123456789012', sku: 'TSHIRT-BLUE-M' },
		]);
	});
});

describe('Montly monthly price', () => {
	it('is round(total × tariff / 100) as Montly\'s SDK computes it, in exact arithmetic', () => {
		// Montly's staging test: 10 000 SEK at 5 % a month is 500 SEK.
		expect(monthlyPrice(1000000, 5)).toBe(50000);
		expect(monthlyPrice(1770720, 1.47)).toBe(26030);
		expect(monthlyPrice(1779120, '1.47')).toBe(26153);
		expect(monthlyPrice(50, 1)).toBe(1);
		expect(monthlyPrice(49, 1)).toBe(0);
		expect(monthlyPrice(962768, 2.1)).toBe(20218);
	});

	it('is undefined for a tariff that is no positive number of at most six decimals', () => {
		expect([monthlyPrice(1000, 0), monthlyPrice(1000, -1), monthlyPrice(1000, 'abc'), monthlyPrice(1000, 0.0000001)]).toEqual([
			undefined,
			undefined,
			undefined,
			undefined,
		]);
	});
});
