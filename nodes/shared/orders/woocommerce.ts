import { z } from 'zod/v4';

import { definedOnly } from '../input/objects';
import { required } from '../input/required';
import type { CanonicalOrder, OrderStatus } from './model';
import {
	AmountReader,
	compactAddress,
	currencyCode,
	id,
	isRounded,
	money,
	optionalId,
	optionalText,
	platformOrderSchema,
	requireExactId,
} from './source';

/*
 * A WooCommerce order as the REST API v3 returns it and its webhooks (`order.created`,
 * `order.updated`) and the WooCommerce Trigger deliver it. Money is decimal strings; line
 * `subtotal` (before coupons) and `total` (after) exclude tax, which is given separately.
 */

const address = z
	.object({
		first_name: optionalText,
		last_name: optionalText,
		company: optionalText,
		address_1: optionalText,
		address_2: optionalText,
		city: optionalText,
		state: optionalText,
		postcode: optionalText,
		country: optionalText,
		email: optionalText,
		phone: optionalText,
	})
	.nullish();

const lineItem = z.object({
	id,
	name: required(z.string().trim().min(1)),
	product_id: optionalId,
	variation_id: optionalId,
	sku: optionalText,
	quantity: required(z.number().int().positive('Must be more than 0')),
	subtotal: required(money),
	total: required(money),
	total_tax: money.nullish(),
	meta_data: z
		.array(z.object({ key: optionalText, display_key: optionalText, display_value: z.unknown() }))
		.nullish(),
});

const wooCommerceOrder = z.object(
	{
		id,
		number: optionalText,
		status: required(z.string().trim()),
		currency: currencyCode,
		date_created: optionalText,
		date_created_gmt: optionalText,
		date_modified_gmt: optionalText,
		total: required(money),
		total_tax: money.nullish(),
		shipping_total: money.nullish(),
		shipping_tax: money.nullish(),
		discount_total: money.nullish(),
		customer_id: optionalId,
		billing: address,
		shipping: address,
		line_items: required(z.array(lineItem).min(1, 'An order needs at least one line item')),
		shipping_lines: z.array(z.object({ method_title: optionalText })).nullish(),
		fee_lines: z
			.array(
				z.object({
					id: optionalId,
					name: optionalText,
					total: required(money),
					total_tax: money.nullish(),
				}),
			)
			.nullish(),
		coupon_lines: z.array(z.object({ code: optionalText })).nullish(),
		payment_method_title: optionalText,
		customer_note: optionalText,
		customer_ip_address: optionalText,
		payment_url: optionalText,
		needs_payment: z.boolean().nullish(),
	},
	{
		error:
			'Expected a WooCommerce order (an object with line_items), e.g. from the WooCommerce Trigger',
	},
);

type Raw = z.output<typeof wooCommerceOrder>;

const STATUSES: Record<string, OrderStatus> = {
	pending: 'pending',
	'on-hold': 'pending',
	'checkout-draft': 'pending',
	processing: 'processing',
	completed: 'completed',
	cancelled: 'cancelled',
	trash: 'cancelled',
	refunded: 'refunded',
	failed: 'failed',
};

/**
 * The canonical status of a WooCommerce status. Statuses added by plugins ("shipped",
 * "awaiting-shipment", …) nearly always follow payment, so they count as processing.
 */
export function wooCommerceStatus(status: string): OrderStatus {
	return STATUSES[status.toLowerCase().replace(/^wc-/, '')] ?? 'processing';
}

/** WooCommerce's GMT dates carry no offset; they are UTC. */
const utc = (value: string | undefined) =>
	value && !/(Z|[+-]\d{2}:?\d{2})$/i.test(value) ? `${value}Z` : value;

/** "Blue / M" from the line's attribute meta data (keys starting with _ are internal). */
function variantName(meta: z.output<typeof lineItem>['meta_data']): string | undefined {
	const values = (meta ?? [])
		.filter(
			(m) =>
				m.key &&
				!m.key.startsWith('_') &&
				typeof m.display_value === 'string' &&
				m.display_value.trim(),
		)
		.map((m) => (m.display_value as string).trim());
	return values.length ? values.join(' / ') : undefined;
}

function readAddress(value: z.output<typeof address>) {
	if (!value) return undefined;
	return compactAddress({
		firstName: value.first_name,
		lastName: value.last_name,
		company: value.company,
		address1: value.address_1,
		address2: value.address_2,
		city: value.city,
		province: value.state,
		postcode: value.postcode,
		country: value.country,
		countryCode:
			value.country && /^[A-Za-z]{2}$/.test(value.country)
				? value.country.toUpperCase()
				: undefined,
		phone: value.phone,
	});
}

/** Whether the pay-for-order link can still take a payment (not for on-hold or paid orders). */
function payable(raw: Raw): boolean {
	if (typeof raw.needs_payment === 'boolean') return raw.needs_payment;
	return ['pending', 'failed'].includes(raw.status.toLowerCase());
}

function toCanonical(raw: Raw, ctx: z.RefinementCtx): CanonicalOrder {
	const amounts = new AmountReader(raw.currency, ctx);
	const lineItems = raw.line_items.map((line, i) => {
		const subtotal = amounts.read(line.subtotal, ['line_items', i, 'subtotal'], false);
		const total = amounts.read(line.total, ['line_items', i, 'total'], false);
		if (total > subtotal) {
			ctx.addIssue({
				code: 'custom',
				continue: false,
				message: 'Is more than the line subtotal',
				path: ['line_items', i, 'total'],
				input: line.total,
			});
		}
		const roundedIds = definedOnly({
			productId: isRounded(line.product_id) ? line.product_id.rounded : undefined,
			variantId: isRounded(line.variation_id) ? line.variation_id.rounded : undefined,
		});
		return {
			id: line.id,
			productId: isRounded(line.product_id) ? undefined : line.product_id,
			variantId: isRounded(line.variation_id) ? undefined : line.variation_id,
			sku: line.sku,
			title: line.name,
			name: line.name,
			variantName: variantName(line.meta_data),
			quantity: line.quantity,
			// WooCommerce gives line amounts only; a unit price that does not divide evenly is
			// rounded half up to the minor unit (the line amounts stay exact).
			unitPrice: Math.floor((2 * subtotal + line.quantity) / (2 * line.quantity)),
			subtotal,
			discount: Math.max(0, subtotal - total),
			total,
			tax: amounts.read(line.total_tax, ['line_items', i, 'total_tax']),
			...(Object.keys(roundedIds).length ? { roundedIds } : {}),
		};
	});
	const billing = raw.billing ?? undefined;
	const delivery = raw.shipping ?? undefined;
	const customerId = requireExactId(
		raw.customer_id,
		['customer_id'],
		ctx,
		'give customer_id as text',
	);
	const createdAt = utc(raw.date_created_gmt) ?? raw.date_created;
	if (!createdAt)
		ctx.addIssue({
			code: 'custom',
			continue: false,
			message: 'Required',
			path: ['date_created_gmt'],
			input: undefined,
		});
	return {
		platform: 'wooCommerce',
		id: raw.id,
		number: raw.number ?? raw.id,
		status: wooCommerceStatus(raw.status),
		platformStatus: { status: raw.status },
		createdAt: createdAt ?? '',
		updatedAt: utc(raw.date_modified_gmt),
		currency: raw.currency,
		decimals: amounts.decimals,
		taxesIncluded: false,
		customer: {
			id: customerId,
			email: billing?.email,
			phone: billing?.phone ?? delivery?.phone,
			firstName: billing?.first_name ?? delivery?.first_name,
			lastName: billing?.last_name ?? delivery?.last_name,
			guest: raw.customer_id === undefined,
		},
		billingAddress: readAddress(billing),
		shippingAddress: readAddress(delivery),
		lineItems,
		// A fee's total excludes its tax (as line totals do); its tax is in total_tax already.
		charges: (raw.fee_lines ?? []).map((fee, i) => ({
			kind: 'fee' as const,
			id: isRounded(fee.id) ? undefined : fee.id,
			name: fee.name ?? 'Fee',
			amount: amounts.read(fee.total, ['fee_lines', i, 'total'], false),
			tax: amounts.read(fee.total_tax, ['fee_lines', i, 'total_tax']),
		})),
		totals: {
			subtotal: amounts.sum(lineItems.map((l) => l.subtotal)),
			discount: amounts.read(raw.discount_total, ['discount_total']),
			shipping: amounts.read(raw.shipping_total, ['shipping_total']),
			shippingDiscount: 0,
			shippingTax: amounts.read(raw.shipping_tax, ['shipping_tax']),
			tax: amounts.read(raw.total_tax, ['total_tax']),
			total: amounts.read(raw.total, ['total'], false),
		},
		discountCodes: (raw.coupon_lines ?? [])
			.map((c) => c.code)
			.filter((c): c is string => c !== undefined),
		shippingMethod: raw.shipping_lines?.find((s) => s.method_title)?.method_title,
		paymentMethod: raw.payment_method_title,
		note: raw.customer_note,
		paymentUrl: payable(raw) ? raw.payment_url : undefined,
		customerIp: raw.customer_ip_address,
	};
}

/** The schema that reads a WooCommerce order into the canonical order. */
export function wooCommerceOrderSchema() {
	return platformOrderSchema(wooCommerceOrder, toCanonical);
}
