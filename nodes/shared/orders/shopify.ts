import { z } from 'zod/v4';

import { definedOnly } from '../input/objects';
import { required } from '../input/required';
import { transform } from '../input/schemas';
import type { CanonicalOrder, Charge, OrderStatus } from './model';
import type { Path } from './source';
import {
	AmountReader,
	compactAddress,
	currencyCode,
	exactShopifyId,
	isRounded,
	money,
	optionalId,
	optionalText,
	platformId,
	platformOrderSchema,
} from './source';

/*
 * A Shopify order as the Shopify Trigger (webhooks `orders/*`) and the Shopify node output it:
 * the REST Admin API order resource. Money is decimal strings in the shop's currency; the
 * `*_set` fields carry the same amounts in shop and presentment (customer's) currency.
 */

/** Which of Shopify's two currencies to take the amounts in. */
export type ShopifyCurrency = 'shop' | 'presentment';

interface MoneySet {
	shop_money?: { amount?: string | number };
	presentment_money?: { amount?: string | number; currency_code?: string };
}

/** One `*_set` amount: `{ amount, currency_code? }`; undefined when absent. */
function moneyOf(value: unknown, key: string, ctx: z.RefinementCtx): MoneySet['presentment_money'] {
	if (value === null || value === undefined) return undefined;
	if (typeof value !== 'object' || Array.isArray(value)) {
		ctx.addIssue({
			code: 'custom',
			message: 'Expected an object with an amount',
			path: [key],
			input: value,
		});
		return undefined;
	}
	const { amount, currency_code: currencyCode } = value as Record<string, unknown>;
	if (
		amount !== undefined &&
		amount !== null &&
		typeof amount !== 'string' &&
		typeof amount !== 'number'
	) {
		ctx.addIssue({
			code: 'custom',
			message: 'Expected an amount like 24.90',
			path: [key, 'amount'],
			input: amount,
		});
	}
	const out: MoneySet['presentment_money'] = {};
	if (typeof amount === 'string' || typeof amount === 'number') out.amount = amount;
	if (typeof currencyCode === 'string' && currencyCode.trim())
		out.currency_code = currencyCode.trim();
	return out;
}

/**
 * A `*_set` field: the amount in shop and presentment currency. Read by hand rather than as
 * nested zod objects: an order has a dozen of them and this runs for every item.
 */
const moneySet = transform((value, ctx): MoneySet | undefined => {
	if (value === null || value === undefined) return undefined;
	if (typeof value !== 'object' || Array.isArray(value)) {
		ctx.addIssue({
			code: 'custom',
			message: 'Expected an object with shop_money and presentment_money',
			input: value,
		});
		return undefined;
	}
	const set = value as Record<string, unknown>;
	return {
		shop_money: moneyOf(set.shop_money, 'shop_money', ctx),
		presentment_money: moneyOf(set.presentment_money, 'presentment_money', ctx),
	};
});

const address = z
	.object({
		first_name: optionalText,
		last_name: optionalText,
		company: optionalText,
		address1: optionalText,
		address2: optionalText,
		city: optionalText,
		province: optionalText,
		zip: optionalText,
		country: optionalText,
		country_code: optionalText,
		phone: optionalText,
	})
	.nullish();

const taxLines = z.array(z.object({ price: money, price_set: moneySet })).nullish();
const discountAllocations = z.array(z.object({ amount: money, amount_set: moneySet })).nullish();

const lineItem = z.object({
	id: platformId,
	admin_graphql_api_id: optionalText,
	product_id: optionalId,
	variant_id: optionalId,
	sku: optionalText,
	title: required(z.string().trim().min(1)),
	variant_title: optionalText,
	name: optionalText,
	quantity: required(z.number().int().positive('Must be more than 0')),
	price: required(money),
	price_set: moneySet,
	total_discount: money.nullish(),
	total_discount_set: moneySet,
	discount_allocations: discountAllocations,
	tax_lines: taxLines,
});

const shopifyOrder = z.object(
	{
		id: platformId,
		admin_graphql_api_id: optionalText,
		name: optionalText,
		order_number: optionalText,
		email: optionalText,
		contact_email: optionalText,
		phone: optionalText,
		created_at: required(z.string().trim()),
		updated_at: optionalText,
		currency: currencyCode,
		presentment_currency: optionalText,
		taxes_included: z.boolean().nullish(),
		total_price: required(money),
		total_price_set: moneySet,
		total_tax: money.nullish(),
		total_tax_set: moneySet,
		total_discounts: money.nullish(),
		total_discounts_set: moneySet,
		total_shipping_price_set: moneySet,
		shipping_lines: z
			.array(
				z.object({
					title: optionalText,
					price: money,
					price_set: moneySet,
					tax_lines: taxLines,
					discount_allocations: discountAllocations,
				}),
			)
			.nullish(),
		total_tip_received: money.nullish(),
		original_total_duties_set: moneySet,
		original_total_additional_fees_set: moneySet,
		financial_status: optionalText,
		fulfillment_status: optionalText,
		cancelled_at: optionalText,
		buyer_accepts_marketing: z.boolean().nullish(),
		customer: z
			.object({
				id: optionalId,
				admin_graphql_api_id: optionalText,
				email: optionalText,
				phone: optionalText,
				first_name: optionalText,
				last_name: optionalText,
				accepts_marketing: z.boolean().nullish(),
				email_marketing_consent: z.object({ state: optionalText }).nullish(),
			})
			.nullish(),
		billing_address: address,
		shipping_address: address,
		line_items: required(z.array(lineItem).min(1, 'An order needs at least one line item')),
		discount_codes: z.array(z.object({ code: optionalText })).nullish(),
		order_status_url: optionalText,
		note: optionalText,
		browser_ip: optionalText,
		payment_gateway_names: z.array(z.string()).nullish(),
	},
	{ error: 'Expected a Shopify order (an object with line_items), e.g. from the Shopify Trigger' },
);

type Raw = z.output<typeof shopifyOrder>;
type RawSet = z.output<typeof moneySet>;

/** Shopify marks cancellation with `cancelled_at`, payment with `financial_status`, shipping with `fulfillment_status`. */
export function shopifyStatus(raw: {
	cancelled_at?: string;
	financial_status?: string;
	fulfillment_status?: string;
}): OrderStatus {
	const financial = raw.financial_status?.toLowerCase();
	const fulfillment = raw.fulfillment_status?.toLowerCase();
	if (raw.cancelled_at || financial === 'voided' || fulfillment === 'restocked') return 'cancelled';
	if (financial === 'refunded') return 'refunded';
	if (fulfillment === 'fulfilled') return 'completed';
	if (fulfillment === 'partial') return 'processing';
	if (
		financial &&
		['authorized', 'paid', 'partially_paid', 'partially_refunded'].includes(financial)
	)
		return 'processing';
	return 'pending';
}

function toCanonical(raw: Raw, wanted: ShopifyCurrency, ctx: z.RefinementCtx): CanonicalOrder {
	const presentment = raw.presentment_currency?.toUpperCase();
	const usePresentment =
		wanted === 'presentment' && presentment !== undefined && presentment !== raw.currency;
	const currency = usePresentment ? presentment : raw.currency;
	const amounts = new AmountReader(currency, ctx);
	/** A plain shop-currency amount, or the presentment amount of its `*_set` twin. */
	const pick = (
		plain: unknown,
		set: RawSet,
		path: Path,
		setPath: Path,
		optional = true,
	): number => {
		if (!usePresentment) return amounts.read(plain, path, optional);
		const value = set?.presentment_money?.amount;
		if (value === undefined && plain !== undefined && plain !== null) {
			ctx.addIssue({
				code: 'custom',
				continue: false,
				message: `Required for amounts in the customer's currency (${currency}); choose the shop currency instead`,
				path: [...setPath, 'presentment_money', 'amount'],
				input: value,
			});
			return 0;
		}
		return amounts.read(value, [...setPath, 'presentment_money', 'amount'], optional);
	};

	const lineItems = raw.line_items.map((line, i) => {
		const at = (...path: Path): Path => ['line_items', i, ...path];
		// Product and variant ids have no gid in a REST line item: a rounded one stays unknown.
		const roundedIds = definedOnly({
			productId: isRounded(line.product_id) ? line.product_id.rounded : undefined,
			variantId: isRounded(line.variant_id) ? line.variant_id.rounded : undefined,
		});
		const unitPrice = pick(line.price, line.price_set, at('price'), at('price_set'), false);
		const subtotal = amounts.times(unitPrice, line.quantity, at('price'));
		const discount = line.discount_allocations?.length
			? amounts.sum(
					line.discount_allocations.map((d, j) =>
						pick(
							d.amount,
							d.amount_set,
							at('discount_allocations', j, 'amount'),
							at('discount_allocations', j, 'amount_set'),
						),
					),
				)
			: pick(
					line.total_discount,
					line.total_discount_set,
					at('total_discount'),
					at('total_discount_set'),
				);
		const tax = amounts.sum(
			(line.tax_lines ?? []).map((t, j) =>
				pick(t.price, t.price_set, at('tax_lines', j, 'price'), at('tax_lines', j, 'price_set')),
			),
		);
		const name =
			line.name ?? (line.variant_title ? `${line.title} - ${line.variant_title}` : line.title);
		return {
			id:
				exactShopifyId(line.id, line.admin_graphql_api_id, 'LineItem', at('id'), ctx) ?? '',
			productId: isRounded(line.product_id) ? undefined : line.product_id,
			variantId: isRounded(line.variant_id) ? undefined : line.variant_id,
			sku: line.sku,
			title: line.title,
			name,
			variantName: line.variant_title,
			quantity: line.quantity,
			unitPrice,
			subtotal,
			discount,
			total: subtotal - discount,
			tax,
			...(Object.keys(roundedIds).length ? { roundedIds } : {}),
		};
	});

	const shippingLines = raw.shipping_lines ?? [];
	const shipping = raw.total_shipping_price_set
		? pick(
				raw.total_shipping_price_set.shop_money?.amount,
				raw.total_shipping_price_set,
				['total_shipping_price_set', 'shop_money', 'amount'],
				['total_shipping_price_set'],
			)
		: amounts.sum(
				shippingLines.map((s, i) =>
					pick(
						s.price,
						s.price_set,
						['shipping_lines', i, 'price'],
						['shipping_lines', i, 'price_set'],
					),
				),
			);
	const shippingTax = amounts.sum(
		shippingLines.flatMap((s, i) =>
			(s.tax_lines ?? []).map((t, j) =>
				pick(
					t.price,
					t.price_set,
					['shipping_lines', i, 'tax_lines', j, 'price'],
					['shipping_lines', i, 'tax_lines', j, 'price_set'],
				),
			),
		),
	);
	const shippingDiscount = amounts.sum(
		shippingLines.flatMap((s, i) =>
			(s.discount_allocations ?? []).map((d, j) =>
				pick(
					d.amount,
					d.amount_set,
					['shipping_lines', i, 'discount_allocations', j, 'amount'],
					['shipping_lines', i, 'discount_allocations', j, 'amount_set'],
				),
			),
		),
	);
	const lineDiscount = amounts.sum(lineItems.map((l) => l.discount));
	const reportedDiscount = pick(
		raw.total_discounts,
		raw.total_discounts_set,
		['total_discounts'],
		['total_discounts_set'],
	);
	// Shopify counts shipping discounts in total_discounts; should an order leave them out (it
	// then equals the line discounts alone), they are added, so that the totals still add up.
	const discount =
		shippingDiscount > 0 && reportedDiscount === lineDiscount
			? reportedDiscount + shippingDiscount
			: reportedDiscount;
	const tax = pick(raw.total_tax, raw.total_tax_set, ['total_tax'], ['total_tax_set']);
	const total = pick(
		raw.total_price,
		raw.total_price_set,
		['total_price'],
		['total_price_set'],
		false,
	);
	const subtotal = amounts.sum(lineItems.map((l) => l.subtotal));
	const setAmount = (set: RawSet, key: string) =>
		set ? pick(set.shop_money?.amount, set, [key, 'shop_money', 'amount'], [key]) : 0;
	const charges: Charge[] = [];
	const duties = setAmount(raw.original_total_duties_set, 'original_total_duties_set');
	if (duties) charges.push({ kind: 'duty', name: 'Duties', amount: duties, tax: 0 });
	const fees = setAmount(
		raw.original_total_additional_fees_set,
		'original_total_additional_fees_set',
	);
	if (fees) charges.push({ kind: 'fee', name: 'Additional fees', amount: fees, tax: 0 });
	const tip = tipAmount();
	if (tip) charges.push({ kind: 'tip', name: 'Tip', amount: tip, tax: 0 });

	/**
	 * Shopify gives the tip in the shop currency only (total_tip_received). In the customer's
	 * currency it is what the total holds beyond everything else.
	 */
	function tipAmount(): number {
		const shopTip = amounts.read(raw.total_tip_received, ['total_tip_received']);
		if (!shopTip || !usePresentment) return shopTip;
		const rest =
			total -
			(subtotal -
				discount +
				shipping +
				charges.reduce((sum, c) => sum + c.amount, 0) +
				(raw.taxes_included ? 0 : tax));
		if (rest > 0) return rest;
		ctx.addIssue({
			code: 'custom',
			continue: false,
			message: `Has no amount in the customer's currency (${currency}), and the total leaves none for it; choose the shop currency instead`,
			path: ['total_tip_received'],
			input: raw.total_tip_received,
		});
		return 0;
	}

	const orderId = exactShopifyId(raw.id, raw.admin_graphql_api_id, 'Order', ['id'], ctx) ?? '';
	const buyer = raw.customer ?? undefined;
	const customerId = exactShopifyId(
		buyer?.id,
		buyer?.admin_graphql_api_id,
		'Customer',
		['customer', 'id'],
		ctx,
	);
	const billing = raw.billing_address ?? undefined;
	const delivery = raw.shipping_address ?? undefined;
	const consent = buyer?.email_marketing_consent?.state;
	const acceptsMarketing =
		raw.buyer_accepts_marketing ??
		buyer?.accepts_marketing ??
		(consent ? consent === 'subscribed' : undefined);

	return {
		platform: 'shopify',
		id: orderId,
		number: raw.name ?? raw.order_number ?? orderId,
		status: shopifyStatus(raw),
		platformStatus: {
			financialStatus: raw.financial_status,
			fulfillmentStatus: raw.fulfillment_status,
		},
		createdAt: raw.created_at,
		updatedAt: raw.updated_at,
		currency,
		decimals: amounts.decimals,
		taxesIncluded: raw.taxes_included ?? false,
		customer: {
			id: customerId,
			email: raw.email ?? raw.contact_email ?? buyer?.email,
			phone: raw.phone ?? buyer?.phone ?? billing?.phone ?? delivery?.phone,
			firstName: buyer?.first_name ?? billing?.first_name ?? delivery?.first_name,
			lastName: buyer?.last_name ?? billing?.last_name ?? delivery?.last_name,
			acceptsMarketing: acceptsMarketing ?? undefined,
			guest: buyer?.id === undefined,
		},
		billingAddress: billing && readAddress(billing),
		shippingAddress: delivery && readAddress(delivery),
		lineItems,
		charges,
		totals: { subtotal, discount, shipping, shippingDiscount, shippingTax, tax, total },
		discountCodes: (raw.discount_codes ?? [])
			.map((d) => d.code)
			.filter((c): c is string => c !== undefined),
		shippingMethod: shippingLines.find((s) => s.title)?.title,
		paymentMethod: raw.payment_gateway_names?.filter(Boolean).join(', ') || undefined,
		note: raw.note,
		orderUrl: raw.order_status_url,
		customerIp: raw.browser_ip,
	};
}

function readAddress(value: NonNullable<z.output<typeof address>>) {
	return compactAddress({
		firstName: value.first_name,
		lastName: value.last_name,
		company: value.company,
		address1: value.address1,
		address2: value.address2,
		city: value.city,
		province: value.province,
		postcode: value.zip,
		country: value.country,
		countryCode: value.country_code?.toUpperCase(),
		phone: value.phone,
	});
}

/** The schema that reads a Shopify order into the canonical order, in the chosen currency. */
export function shopifyOrderSchema(currency: ShopifyCurrency = 'shop') {
	return platformOrderSchema(shopifyOrder, (raw, ctx) => toCanonical(raw, currency, ctx));
}
