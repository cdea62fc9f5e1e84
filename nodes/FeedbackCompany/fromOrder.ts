import type { IDataObject } from 'n8n-workflow';

import type { CanonicalOrder, LineItem } from '../shared/orders/model';
import { fullName } from '../shared/orders/model';
import type { Issue } from '../shared/input/validation';

export interface FromOrderOptions {
	/** The invitation to schedule, as the Fields mode builds it; undefined to only register the order. */
	invitation?: IDataObject;
	filtercode?: string;
	/** A product page URL with placeholders; without it no products are sent. */
	productUrl?: string;
}

const PLACEHOLDERS: Record<string, (line: LineItem) => string | undefined> = {
	productId: (line) => line.productId,
	variantId: (line) => line.variantId,
	sku: (line) => line.sku,
};

/** The product page of a line: `{productId}`, `{variantId}` and `{sku}` replaced, URL-encoded. */
function productUrl(template: string, line: LineItem, issues: Issue[]): string {
	return template.replace(/\{(\w+)\}/g, (placeholder, key: string) => {
		const read = PLACEHOLDERS[key];
		if (!read) {
			issues.push({ path: ['productUrl'], message: `Unknown placeholder ${placeholder}; use {productId}, {variantId} or {sku}` });
			return placeholder;
		}
		const value = read(line);
		const rounded = line.roundedIds?.[key as 'productId' | 'variantId'];
		if (value === undefined && rounded !== undefined) {
			issues.push({
				path: ['productUrl'],
				message: `Line item "${line.name}": its ${key} is above 2^53 and arrived rounded (${rounded}), so ${placeholder} has no exact value. Use {sku} instead, or give Product URL as an expression that does not need it`,
			});
			return placeholder;
		}
		if (value === undefined) {
			issues.push({ path: ['productUrl'], message: `Line item "${line.name}" has no ${key} for ${placeholder}` });
			return placeholder;
		}
		return encodeURIComponent(value);
	});
}

/** Shipped orders get review invitations; cancelled or refunded ones must not. */
const NOT_REVIEWABLE = new Set(['cancelled', 'refunded', 'failed']);

/**
 * The Feedback Company order of a shop order, before validation by `orderCreate`. Products are
 * sent when a product URL is given (the API requires one per product): one per product, free
 * lines left out as The Feedback Company's own plugin does.
 */
export function fromOrder(order: CanonicalOrder, options: FromOrderOptions, issues: Issue[]): IDataObject {
	if (options.invitation && NOT_REVIEWABLE.has(order.status)) {
		issues.push({
			path: ['status'],
			message: `The order is ${order.status}; a review invitation for it would reach the customer. Leave such orders out (e.g. with an If node) or turn off Send Invitation`,
		});
	}
	if (!order.customer.email) issues.push({ path: ['customer', 'email'], message: 'The order has no e-mail address' });
	const customer: IDataObject = { email: order.customer.email };
	const name = fullName(order);
	if (name) customer.fullname = name;
	const body: IDataObject = { external_id: order.id, customer };
	if (options.invitation) body.invitation = options.invitation;
	const template = options.productUrl?.trim();
	if (template) {
		const products = new Map<string, IDataObject>();
		for (const line of order.lineItems) {
			const externalId = line.productId ?? line.sku ?? line.id;
			if (line.unitPrice <= 0 || products.has(externalId)) continue;
			const product: IDataObject = { external_id: externalId, name: line.title, url: productUrl(template, line, issues) };
			if (line.sku) product.sku = line.sku;
			products.set(externalId, product);
		}
		if (products.size) body.products = [...products.values()];
	}
	if (options.filtercode) body.filtercode = options.filtercode;
	return body;
}
