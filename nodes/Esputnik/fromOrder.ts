import type { IDataObject } from 'n8n-workflow';

import { minorToDecimal } from '../shared/input/money';
import type { CanonicalOrder, Charge, ChargeKind } from '../shared/orders/model';
import { addressLine } from '../shared/orders/model';
import { mapStatus } from './statuses';

export interface FromOrderOptions {
	/** One of eSputnik's five statuses, sent instead of the mapped one. */
	statusOverride?: string;
}

/**
 * The shop's own status as Yespo's integrations read it (statuses.ts): WooCommerce's order
 * status; for Shopify the fulfilment status, or "cancelled" for a cancelled order. A refunded
 * Shopify order counts as cancelled too, as a refunded WooCommerce order does.
 */
function platformStatus(order: CanonicalOrder): string | undefined {
	if (order.platform === 'wooCommerce') return order.platformStatus.status;
	if (order.status === 'cancelled' || order.status === 'refunded') return 'cancelled';
	return order.platformStatus.fulfillmentStatus;
}

const CHARGE_ITEMS: Record<ChargeKind, { id: string; category: string }> = {
	fee: { id: 'fee', category: 'fee' },
	tip: { id: 'tip', category: 'tip' },
	duty: { id: 'duties', category: 'duties' },
};

/** A fee, tip or duty as an item of its own (eSputnik's order has no field for them). */
function chargeItem(charge: Charge, index: number, money: (minor: number) => number): IDataObject {
	const { id, category } = CHARGE_ITEMS[charge.kind];
	return {
		externalItemId: charge.kind === 'fee' ? `fee-${charge.id ?? index + 1}` : id,
		name: charge.name,
		category,
		quantity: 1,
		cost: money(charge.amount),
	};
}

/**
 * The eSputnik order of a shop order, before validation by `orderSchema`. Item costs are line
 * subtotals (all units, before discounts), as Yespo's WooCommerce plugin sends them; the order's
 * discount, shipping and taxes are given once, so the amounts add up to `totalCost`. Fees, tips
 * and duties are items of their own (category fee, tip, duties), a negative fee adds to the
 * discount, and their tax is in `taxes`: items + shipping − discount (+ taxes) = totalCost still.
 */
export function fromOrder(order: CanonicalOrder, options: FromOrderOptions = {}): IDataObject {
	const money = (minor: number) => minorToDecimal(minor, order.decimals);
	const credits = order.charges.reduce((sum, c) => sum + (c.amount < 0 ? -c.amount : 0), 0);
	const additionalInfo: IDataObject = { orderNumber: order.number };
	if (order.discountCodes.length) additionalInfo.discountCodes = order.discountCodes;
	if (order.note) additionalInfo.note = order.note;
	return {
		externalOrderId: order.id,
		status: (options.statusOverride !== undefined
			? mapStatus(options.statusOverride, 'none')
			: mapStatus(platformStatus(order) ?? null, order.platform)) as string,
		date: order.createdAt,
		totalCost: money(order.totals.total),
		currency: order.currency,
		externalCustomerId: order.customer.id,
		email: order.customer.email,
		phone: order.customer.phone,
		firstName: order.customer.firstName,
		lastName: order.customer.lastName,
		shipping: money(order.totals.shipping),
		discount: money(order.totals.discount + credits),
		taxes: money(order.totals.tax),
		restoreUrl: order.orderUrl ?? order.paymentUrl,
		deliveryMethod: order.shippingMethod,
		paymentMethod: order.paymentMethod,
		deliveryAddress: addressLine(order.shippingAddress),
		additionalInfo,
		items: [
			...order.lineItems.map((line) => ({
				externalItemId: line.productId ?? line.sku ?? line.id,
				name: line.name,
				quantity: line.quantity,
				cost: money(line.subtotal),
			})),
			...order.charges.flatMap((c, i) => (c.amount > 0 ? [chargeItem(c, i, money)] : [])),
		],
	};
}
