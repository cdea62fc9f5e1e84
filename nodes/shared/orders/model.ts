import { z } from 'zod/v4';

/*
 * The one order model every shop platform is read into and every provider is written from, so
 * that n platforms and m providers need n + m mappers. Amounts are whole minor units of
 * `currency` (cents, öre, yen; `decimals` says how many), so sums and differences are exact.
 */

/**
 * What happened to the order, in the shop's terms: `pending` (placed, not paid), `processing`
 * (paid or authorised, not yet fully shipped), `completed` (shipped), `cancelled`, `refunded`,
 * `failed` (payment failed).
 */
export const ORDER_STATUSES = [
	'pending',
	'processing',
	'completed',
	'cancelled',
	'refunded',
	'failed',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const PLATFORMS = ['shopify', 'wooCommerce'] as const;
export type Platform = (typeof PLATFORMS)[number];

const minorUnits = z.number().int().refine(Number.isSafeInteger, 'Amount is too large');
const amount = minorUnits.refine((v) => v >= 0, 'Must be 0 or more');
const text = z.string().min(1).optional();

/** ISO 8601 date and time; an offset is optional because WooCommerce's local dates have none. */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

export const address = z.object({
	firstName: text,
	lastName: text,
	company: text,
	address1: text,
	address2: text,
	city: text,
	province: text,
	postcode: text,
	country: text,
	/** ISO 3166-1 alpha-2, e.g. SE. */
	countryCode: text,
	phone: text,
});
export type Address = z.output<typeof address>;

export const lineItem = z.object({
	id: z.string().min(1),
	productId: text,
	variantId: text,
	sku: text,
	/** The product's title, without the variant. */
	title: z.string().min(1),
	/** The line as the shop names it on the order, variant included (Shopify "T-shirt - Blue / M"). */
	name: z.string().min(1),
	variantName: text,
	quantity: z.number().int().positive(),
	/** Price of one unit before discounts, as the shop lists it. */
	unitPrice: amount,
	/** All units before discounts. */
	subtotal: amount,
	/** Discounts on this line, order-level discounts included where the shop spreads them. */
	discount: amount,
	/** subtotal − discount. */
	total: amount,
	tax: amount,
	/**
	 * Product and variant ids the shop sent as numbers above 2^53 − 1, as they arrived (rounded by
	 * JSON parsing). They have no exact source, so `productId` / `variantId` are absent for them and
	 * each provider falls back (SKU, then the line's id) or names the field it cannot fill.
	 */
	roundedIds: z.object({ productId: z.number().optional(), variantId: z.number().optional() }).optional(),
});
export type LineItem = z.output<typeof lineItem>;

export const customer = z.object({
	id: text,
	email: text,
	phone: text,
	firstName: text,
	lastName: text,
	acceptsMarketing: z.boolean().optional(),
	/** Ordered without an account (Shopify: no customer; WooCommerce: customer_id 0). */
	guest: z.boolean(),
});

/** What an order charges besides its lines and shipping. */
export const CHARGE_KINDS = ['fee', 'tip', 'duty'] as const;
export type ChargeKind = (typeof CHARGE_KINDS)[number];

export const charge = z.object({
	/** fee: a WooCommerce fee line (a payment surcharge, an invoice fee) or Shopify's additional fees; tip; duty: customs duties. */
	kind: z.enum(CHARGE_KINDS),
	/** The platform's id of the line, where it has one (WooCommerce fee lines). */
	id: text,
	name: z.string().min(1),
	/** Excluding its tax, as WooCommerce gives fees; negative for a discount-like fee. */
	amount: minorUnits,
	/** The charge's tax, part of `totals.tax` (negative with a negative fee). */
	tax: minorUnits,
});
export type Charge = z.output<typeof charge>;

/*
 * The totals add up: total = subtotal − discount + shipping + Σ charges.amount, plus `tax` unless
 * `taxesIncluded` (then line prices and shipping include it already).
 */
export const totals = z.object({
	/** Sum of the lines before discounts. */
	subtotal: amount,
	/** Every discount: on the lines and on shipping. */
	discount: amount,
	/** Shipping before its discounts. */
	shipping: amount,
	/** Discounts on shipping (Shopify's shipping-line discount allocations); part of `discount`. */
	shippingDiscount: amount,
	/** Tax on shipping; part of `tax`. */
	shippingTax: amount,
	tax: amount,
	/** What the customer pays. */
	total: amount,
});

export const canonicalOrder = z.object({
	platform: z.enum(PLATFORMS),
	/** The platform's own order id, stable across updates. */
	id: z.string().min(1),
	/** The number the customer sees, e.g. "#1001". */
	number: z.string().min(1),
	status: z.enum(ORDER_STATUSES),
	/** The platform's own status fields, for providers whose vendor maps them itself. */
	platformStatus: z.object({
		status: text,
		financialStatus: text,
		fulfillmentStatus: text,
	}),
	createdAt: z.string().regex(ISO_DATE_TIME, 'Expected an ISO 8601 date and time'),
	updatedAt: z.string().regex(ISO_DATE_TIME, 'Expected an ISO 8601 date and time').optional(),
	currency: z.string().regex(/^[A-Z]{3}$/, 'Expected a three-letter ISO 4217 code'),
	decimals: z.number().int().min(0).max(4),
	/** Whether line prices and shipping include tax (Shopify `taxes_included`). */
	taxesIncluded: z.boolean(),
	customer,
	billingAddress: address.optional(),
	shippingAddress: address.optional(),
	lineItems: z.array(lineItem).min(1, 'An order needs at least one line item'),
	charges: z.array(charge),
	totals,
	discountCodes: z.array(z.string()),
	shippingMethod: text,
	paymentMethod: text,
	note: text,
	/** Where the customer sees the order (Shopify `order_status_url`). */
	orderUrl: text,
	/** Where the customer can pay a pending order (WooCommerce `payment_url`). */
	paymentUrl: text,
	customerIp: text,
});
export type CanonicalOrder = z.output<typeof canonicalOrder>;

/*
 * `canonicalOrder` checked by hand, for the common case: a reader's output that passes these
 * checks passes the schema unchanged (test/orders/sources.test.ts holds the two together), so
 * only an order that fails them pays for the schema, which then names every problem. Kept for its
 * measured gain per item (2026-12-08, interleaved with/without in one process, median of 15
 * rounds of 2,000 orders): without it, reading and validating an order costs 1.29× as much for
 * eSputnik from a Shopify order, 1.38× from a WooCommerce order, 1.56× for MailerLite from a
 * Shopify order, which takes eSputnik's Shopify orders over the 50 µs per item goal. End to end
 * (`npm run bench`, 10,000 Shopify orders to eSputnik) it saves 6 to 9 % of the row's time.
 */
const isAmount = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0;
const isText = (v: unknown) => typeof v === 'string' && v.length > 0;
const isOptionalText = (v: unknown) => v === undefined || isText(v);
const isRecord = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** `every` by index: unlike Array#every it does not skip the holes of a sparse array. */
function all<T>(list: readonly T[], test: (value: T) => boolean): boolean {
	for (let i = 0; i < list.length; i++) if (!test(list[i])) return false;
	return true;
}
const ADDRESS_KEYS = [
	'firstName',
	'lastName',
	'company',
	'address1',
	'address2',
	'city',
	'province',
	'postcode',
	'country',
	'countryCode',
	'phone',
] as const;

function isAddress(v: Address | undefined): boolean {
	return v === undefined || (isRecord(v) && ADDRESS_KEYS.every((k) => isOptionalText(v[k])));
}

function isLineItem(l: LineItem): boolean {
	return (
		isText(l.id) &&
		isText(l.title) &&
		isText(l.name) &&
		isOptionalText(l.productId) &&
		isOptionalText(l.variantId) &&
		isOptionalText(l.sku) &&
		isOptionalText(l.variantName) &&
		Number.isSafeInteger(l.quantity) &&
		l.quantity > 0 &&
		isAmount(l.unitPrice) &&
		isAmount(l.subtotal) &&
		isAmount(l.discount) &&
		isAmount(l.total) &&
		isAmount(l.tax) &&
		(l.roundedIds === undefined ||
			(isRecord(l.roundedIds) &&
				Object.keys(l.roundedIds).every((k) => k === 'productId' || k === 'variantId') &&
				[l.roundedIds.productId, l.roundedIds.variantId].every(
					(v) => v === undefined || typeof v === 'number',
				)))
	);
}

function isCharge(c: Charge): boolean {
	return (
		(CHARGE_KINDS as readonly string[]).includes(c.kind) &&
		isOptionalText(c.id) &&
		isText(c.name) &&
		Number.isSafeInteger(c.amount) &&
		Number.isSafeInteger(c.tax)
	);
}

/** Whether `o` passes `canonicalOrder` as it is (false means: parse it to learn why). */
export function isCanonical(o: CanonicalOrder): boolean {
	const { customer: c, totals: t, platformStatus: p } = o;
	return (
		(PLATFORMS as readonly string[]).includes(o.platform) &&
		isText(o.id) &&
		isText(o.number) &&
		(ORDER_STATUSES as readonly string[]).includes(o.status) &&
		isRecord(p) &&
		isOptionalText(p.status) &&
		isOptionalText(p.financialStatus) &&
		isOptionalText(p.fulfillmentStatus) &&
		typeof o.createdAt === 'string' &&
		ISO_DATE_TIME.test(o.createdAt) &&
		(o.updatedAt === undefined ||
			(typeof o.updatedAt === 'string' && ISO_DATE_TIME.test(o.updatedAt))) &&
		typeof o.currency === 'string' &&
		/^[A-Z]{3}$/.test(o.currency) &&
		Number.isInteger(o.decimals) &&
		o.decimals >= 0 &&
		o.decimals <= 4 &&
		typeof o.taxesIncluded === 'boolean' &&
		isRecord(c) &&
		isOptionalText(c.id) &&
		isOptionalText(c.email) &&
		isOptionalText(c.phone) &&
		isOptionalText(c.firstName) &&
		isOptionalText(c.lastName) &&
		(c.acceptsMarketing === undefined || typeof c.acceptsMarketing === 'boolean') &&
		typeof c.guest === 'boolean' &&
		isAddress(o.billingAddress) &&
		isAddress(o.shippingAddress) &&
		Array.isArray(o.lineItems) &&
		o.lineItems.length > 0 &&
		all(o.lineItems, (l) => isRecord(l) && isLineItem(l)) &&
		Array.isArray(o.charges) &&
		all(o.charges, (c) => isRecord(c) && isCharge(c)) &&
		isRecord(t) &&
		[t.subtotal, t.discount, t.shipping, t.shippingDiscount, t.shippingTax, t.tax, t.total].every(
			isAmount,
		) &&
		Array.isArray(o.discountCodes) &&
		all(o.discountCodes, (d) => typeof d === 'string') &&
		[o.shippingMethod, o.paymentMethod, o.note, o.orderUrl, o.paymentUrl, o.customerIp].every(
			isOptionalText,
		)
	);
}

/** "Jane Doe" from the customer's names; undefined when the order has none. */
export function fullName(order: CanonicalOrder): string | undefined {
	const name = [order.customer.firstName, order.customer.lastName].filter(Boolean).join(' ');
	return name || undefined;
}

/** One line of text for an address: "Keizersgracht 123, 1015 CJ Amsterdam, Netherlands". */
export function addressLine(value: Address | undefined): string | undefined {
	if (!value) return undefined;
	const street = [value.address1, value.address2].filter(Boolean).join(' ');
	const town = [value.postcode, value.city].filter(Boolean).join(' ');
	const line = [street, town, value.province, value.country ?? value.countryCode]
		.filter(Boolean)
		.join(', ');
	return line || undefined;
}
