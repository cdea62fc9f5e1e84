import type { IDataObject } from 'n8n-workflow';

import { minorToDecimal } from '../shared/orders/currency';
import type { CanonicalOrder } from '../shared/orders/model';
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

/**
 * The eSputnik order of a shop order, before validation by `orderSchema`. Item costs are line
 * subtotals (all units, before discounts), as Yespo's WooCommerce plugin sends them; the order's
 * discount, shipping and taxes are given once, so the amounts add up to `totalCost`.
 */
export function fromOrder(order: CanonicalOrder, options: FromOrderOptions = {}): IDataObject {
	const money = (minor: number) => minorToDecimal(minor, order.decimals);
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
		discount: money(order.totals.discount),
		taxes: money(order.totals.tax),
		restoreUrl: order.orderUrl ?? order.paymentUrl,
		deliveryMethod: order.shippingMethod,
		paymentMethod: order.paymentMethod,
		deliveryAddress: addressLine(order.shippingAddress),
		additionalInfo,
		items: order.lineItems.map((line) => ({
			externalItemId: line.productId ?? line.sku ?? line.id,
			name: line.name,
			quantity: line.quantity,
			cost: money(line.subtotal),
		})),
	};
}
