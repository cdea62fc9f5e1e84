import type { IDataObject } from 'n8n-workflow';

import { definedOnly } from '../shared/input/objects';
import type { CanonicalOrder } from '../shared/orders/model';
import type { Issue } from '../shared/input/validation';
import { monthlyPrice } from './tariffs';

/** What a shop order lacks for Montly; a non-empty value wins over the order's own. */
export interface FromOrderOptions {
	orgNumber?: string;
	months?: number | string;
	tariff?: number | string;
	company?: string;
	customerIp?: string;
	phone?: string;
}

const given = (value: string | undefined) => (value && value.trim() ? value.trim() : undefined);

/** A leasing application must not start for an order that will not be paid. */
const NOT_BILLABLE = new Set(['cancelled', 'refunded', 'failed']);

/**
 * The seed document's JSON:API body for a shop order, amounts in öre, before validation by
 * `orderCreateSchema('ore')`. Montly wants amounts excluding VAT with the VAT beside them; tax
 * is taken out of the order's amounts where the shop's prices include it. Fees, tips and duties
 * are in `totalPrice` and their VAT in `VAT`, not items, as LeaseCloud's own WooCommerce plugin
 * sends them; `shipping` is what the customer pays for it, after shipping discounts.
 */
export function fromOrder(order: CanonicalOrder, options: FromOrderOptions, issues: Issue[]): IDataObject {
	if (order.currency !== 'SEK') {
		const hint = order.platform === 'shopify' ? ' (if the customer paid in SEK, choose Currency: Customer Currency)' : '';
		issues.push({ path: ['currency'], message: `Montly accepts SEK only; this order is in ${order.currency}${hint}` });
	}
	if (NOT_BILLABLE.has(order.status)) {
		issues.push({ path: ['status'], message: `The order is ${order.status}; Montly would start a leasing application for it` });
	}
	const billing = order.billingAddress;
	const delivery = order.shippingAddress;
	const orgNumber = given(options.orgNumber);
	const company = given(options.company) ?? billing?.company ?? delivery?.company;
	const customerIp = given(options.customerIp) ?? order.customerIp;
	const phone = given(options.phone) ?? order.customer.phone;
	const missing = (path: string, message: string) => issues.push({ path: [path], message });
	if (!orgNumber) missing('orgNumber', 'Required: the customer\'s Swedish organisation number (000000-0000), which shop orders do not carry');
	if (!company) missing('company', 'The order has no billing company; give Company');
	if (!customerIp) missing('customerIp', 'The order has no customer IP address; give Customer IP');
	if (!phone) missing('phone', 'The order has no phone number; give Phone');

	const vatIncluded = order.taxesIncluded;
	const exVat = (amount: number, vat: number) => (vatIncluded ? amount - vat : amount);
	const totalPrice = order.totals.total - order.totals.tax;
	const monthly = monthlyPrice(totalPrice, options.tariff);
	if (monthly === undefined) {
		missing('tariff', 'Expected a tariff (percent per month) above 0 with at most 6 decimals; leave Tariff empty to use Montly\'s current one for these months');
	}
	const attributes = definedOnly({
		orderId: order.id,
		firstName: order.customer.firstName,
		lastName: order.customer.lastName,
		company,
		orgNumber,
		email: order.customer.email,
		phone,
		itemsCount: order.lineItems.length,
		totalPrice,
		VAT: order.totals.tax,
		shipping: exVat(order.totals.shipping - order.totals.shippingDiscount, order.totals.shippingTax),
		shippingVAT: order.totals.shippingTax,
		currency: order.currency,
		months: options.months,
		tariff: options.tariff,
		customerIp,
		billingAddress: billing?.address1,
		billingAddress2: billing?.address2,
		billingCity: billing?.city,
		billingState: billing?.province,
		billingPostcode: billing?.postcode,
		billingCountry: billing?.countryCode,
		shippingFirstName: delivery?.firstName,
		shippingLastName: delivery?.lastName,
		shippingCompany: delivery?.company,
		shippingAddress: delivery?.address1,
		shippingAddress2: delivery?.address2,
		shippingCity: delivery?.city,
		shippingState: delivery?.province,
		shippingPostcode: delivery?.postcode,
		shippingCountry: delivery?.countryCode,
		monthlyPrice: monthly,
		customerMessage: order.note,
	});
	const items = order.lineItems.map((line) =>
		definedOnly({
			name: line.name,
			productId: line.productId ?? line.sku ?? line.id,
			quantity: line.quantity,
			totalPrice: exVat(line.total, line.tax),
			VAT: line.tax,
			sku: line.sku,
			variationId: line.variantId,
		}),
	);
	return { data: { type: 'order', attributes, relationships: { item: { data: items } } } };
}
