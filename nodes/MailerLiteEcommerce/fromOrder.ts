import type { IDataObject } from 'n8n-workflow';

import { minorToDecimal } from '../shared/input/money';
import type { CanonicalOrder, OrderStatus } from '../shared/orders/model';
import type { Issue } from '../shared/input/validation';

/*
 * MailerLite bodies made from a shop order (shared/orders), validated afterwards by the same
 * schemas as the Fields and JSON modes.
 */

export interface FromOrderOptions {
	/** A status to send instead of the mapped one (free text, as in the other modes). */
	statusOverride?: string;
	createSubscriber?: boolean;
}

/**
 * MailerLite's own WooCommerce plugin sends `pending` while the customer has not paid (abandoned
 * checkout flows) and `complete` once paid. A cancelled or refunded order has no documented
 * status; sending either would start a purchase or an abandoned-cart e-mail, so it is refused.
 */
const STATUS: Record<OrderStatus, string | undefined> = {
	pending: 'pending',
	failed: 'pending',
	processing: 'complete',
	completed: 'complete',
	cancelled: undefined,
	refunded: undefined,
};

/** MailerLite knows customers by e-mail; an order without one (e.g. from a POS) cannot be sent. */
function email(order: CanonicalOrder, path: string[], issues: Issue[]): string | undefined {
	if (!order.customer.email) issues.push({ path, message: 'The order has no e-mail address, and MailerLite knows customers by e-mail' });
	return order.customer.email;
}

function status(order: CanonicalOrder, options: FromOrderOptions, issues: Issue[]): string | undefined {
	if (options.statusOverride !== undefined) return options.statusOverride;
	const mapped = STATUS[order.status];
	if (mapped === undefined) {
		issues.push({
			path: ['status'],
			message: `The order is ${order.status} and MailerLite has no status for that (pending would start abandoned-cart e-mails, complete counts a purchase). Leave such orders out, e.g. with an If node, or choose a Status`,
		});
	}
	return mapped;
}

/** The body of Order → Create and of each Order → Import entry. */
export function orderFromOrder(order: CanonicalOrder, options: FromOrderOptions, issues: Issue[]): IDataObject {
	const money = (minor: number) => minorToDecimal(minor, order.decimals);
	const customer: IDataObject = { email: email(order, ['customer', 'email'], issues) };
	if (options.createSubscriber) customer.create_subscriber = true;
	if (order.customer.acceptsMarketing !== undefined) customer.accepts_marketing = order.customer.acceptsMarketing;
	const cart: IDataObject = {
		items: order.lineItems.map((line) => {
			const item: IDataObject = {
				ecommerce_product_id: line.productId ?? line.sku ?? line.id,
				quantity: line.quantity,
				price: money(line.unitPrice),
			};
			if (line.variantName) item.variant = line.variantName;
			return item;
		}),
	};
	// The pay-for-order link of an unpaid order brings the customer back, like a checkout link.
	if (order.paymentUrl) cart.checkout_url = order.paymentUrl;
	return { customer, cart, status: status(order, options, issues), total_price: money(order.totals.total) };
}

/** The body of Order → Update: only status and total can change. */
export function orderUpdateFromOrder(order: CanonicalOrder, options: FromOrderOptions, issues: Issue[]): IDataObject {
	return { status: status(order, options, issues), total_price: minorToDecimal(order.totals.total, order.decimals) };
}

/** The body of Customer → Create and Update: the order's customer, with subscriber fields from the billing address. */
export function customerFromOrder(order: CanonicalOrder, options: FromOrderOptions, issues: Issue[]): IDataObject {
	const address = order.billingAddress ?? order.shippingAddress;
	const fields: IDataObject = {};
	const set = (key: string, value: string | undefined) => {
		if (value !== undefined) fields[key] = value;
	};
	set('name', order.customer.firstName);
	set('last_name', order.customer.lastName);
	set('phone', order.customer.phone);
	set('company', address?.company);
	set('city', address?.city);
	set('state', address?.province);
	set('country', address?.countryCode ?? address?.country);
	set('z_i_p', address?.postcode);
	const body: IDataObject = { email: email(order, ['email'], issues) };
	if (order.customer.acceptsMarketing !== undefined) body.accepts_marketing = order.customer.acceptsMarketing;
	if (options.createSubscriber) body.create_subscriber = true;
	if (Object.keys(fields).length) body.subscriber_fields = fields;
	return body;
}
