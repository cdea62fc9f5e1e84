import type { IDataObject } from 'n8n-workflow';

import { isGtin13 } from '../../../nodes/FeedbackCompany/schemas';
import type { Random } from './random';

/*
 * Valid orders for every provider, in canonical form (trimmed text, ids as strings, upper-case
 * currencies, dates with an offset), so that validation must return them unchanged. Texts mix
 * ASCII, accents, CJK, emoji, quotes and injection fragments: all are valid data.
 */

const LETTERS = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'];
const DIGITS = [...'0123456789'];
const TEXT = [...LETTERS, ...DIGITS, ' ', '-', '_', '.', ',', "'", '"', '&', '/', 'é', 'ö', 'ß', 'Ж', '中', '文', 'ü', '€', '😀', '<', '>', ';', '%', '\\'];
const FRAGMENTS = ["'; DROP TABLE orders;--", '<script>alert(1)</script>', '{{ $json }}', '${7*7}', '../../etc/passwd', 'Robert"); --', 'Ünïcødé ✓'];

/** Non-empty text without surrounding whitespace, at most `max` UTF-16 units. */
export function text(r: Random, max = 40): string {
	let out = r.bool(0.15) ? r.pick(FRAGMENTS) : r.string(TEXT, 1, Math.min(max, 30));
	out = out.slice(0, max).replace(/^\s+|\s+$/g, '');
	if (/[\uD800-\uDBFF]$/.test(out)) out = out.slice(0, -1);
	return out || 'x';
}

export function id(r: Random): string {
	return r.bool(0.5) ? r.string(DIGITS, 1, 17) : `${r.string(LETTERS, 1, 4)}-${r.string(DIGITS, 1, 8)}`;
}

export function email(r: Random): string {
	const local = r.string([...LETTERS, ...DIGITS], 1, 10) + (r.bool(0.3) ? `${r.pick(['.', '+', '_', '-'])}${r.string(DIGITS, 1, 4)}` : '');
	const domain = `${r.string([...LETTERS, ...DIGITS], 1, 12)}${r.bool(0.3) ? `-${r.string(LETTERS, 1, 5)}` : ''}`;
	return `${local}@${domain}.${r.pick(['com', 'se', 'nl', 'ua', 'co.uk', 'shop'])}`;
}

export function url(r: Random): string {
	return `${r.pick(['https', 'http'])}://${r.string(LETTERS, 1, 10).toLowerCase()}.example.com/${r.string([...LETTERS, ...DIGITS, '-'], 1, 20)}`;
}

/** An amount with at most two decimals, as a number. */
export function money(r: Random, maxCents = 1_000_000): number {
	return r.int(0, maxCents) / 100;
}

export function gtin13(r: Random): string {
	for (;;) {
		const body = r.string(DIGITS, 12, 12);
		let sum = 0;
		for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i % 2 === 0 ? 1 : 3);
		const code = body + String((10 - (sum % 10)) % 10);
		if (isGtin13(code)) return code;
	}
}

function isoDate(r: Random): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	const offset = r.pick(['Z', '+02:00', '-05:00', '+05:30', '+00:00']);
	return `${r.int(2015, 2030)}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}T${pad(r.int(0, 23))}:${pad(r.int(0, 59))}:${pad(r.int(0, 59))}${offset}`;
}

/** Adds `value` under `key` about half the time. */
function maybe(r: Random, target: IDataObject, key: string, value: () => unknown): void {
	if (r.bool()) target[key] = value() as IDataObject[string];
}

export function esputnikOrder(r: Random): IDataObject {
	const items = Array.from({ length: r.int(0, 4) }, () => {
		const item: IDataObject = { externalItemId: id(r), name: text(r), quantity: r.int(1, 5), cost: money(r, 100_000) };
		maybe(r, item, 'category', () => text(r));
		maybe(r, item, 'url', () => url(r));
		maybe(r, item, 'imageUrl', () => url(r));
		maybe(r, item, 'description', () => text(r, 200));
		return item;
	});
	const order: IDataObject = {
		externalOrderId: id(r),
		status: r.pick(['INITIALIZED', 'IN_PROGRESS', 'DELIVERED', 'CANCELLED', 'ABANDONED_SHOPPING_CART']),
		date: isoDate(r),
		currency: r.pick(['EUR', 'USD', 'UAH', 'PLN', 'SEK']),
	};
	// At least one way to reach the contact.
	const contact = r.int(1, 7);
	if (contact & 1) order.externalCustomerId = id(r);
	if (contact & 2) order.email = email(r);
	if (contact & 4) order.phone = r.string(DIGITS, 5, 15);
	// Item costs as unit prices (one of the two readings the total check accepts) + shipping − discount.
	const unitCents = items.reduce((sum, i) => sum + Math.round((i.cost as number) * 100), 0);
	const shippingCents = r.bool() ? r.int(1, 5000) : 0;
	const discountCents = r.bool() ? r.int(1, Math.max(1, unitCents + shippingCents)) : 0;
	if (shippingCents) order.shipping = shippingCents / 100;
	if (discountCents && discountCents <= unitCents + shippingCents) order.discount = discountCents / 100;
	const totalCents = unitCents + shippingCents - (order.discount === undefined ? 0 : discountCents);
	order.totalCost = items.length ? totalCents / 100 : money(r);
	maybe(r, order, 'firstName', () => text(r));
	maybe(r, order, 'lastName', () => text(r));
	maybe(r, order, 'restoreUrl', () => url(r));
	maybe(r, order, 'deliveryAddress', () => text(r, 100));
	maybe(r, order, 'paymentMethod', () => text(r));
	maybe(r, order, 'additionalInfo', () => ({ comment: text(r), gift: r.bool() }));
	maybe(r, order, 'customField', () => text(r));
	if (items.length) order.items = items;
	return order;
}

export function mailerLiteOrder(r: Random): IDataObject {
	const items = Array.from({ length: r.int(1, 4) }, () => {
		const item: IDataObject = { ecommerce_product_id: r.string(DIGITS, 1, 17), quantity: r.int(1, 20), price: money(r) };
		maybe(r, item, 'variant', () => text(r));
		return item;
	});
	const customer: IDataObject = { email: email(r) };
	maybe(r, customer, 'accepts_marketing', () => r.bool());
	maybe(r, customer, 'create_subscriber', () => r.bool());
	const cart: IDataObject = { items };
	maybe(r, cart, 'checkout_url', () => url(r));
	maybe(r, cart, 'cart_total', () => money(r));
	const order: IDataObject = { customer, cart };
	maybe(r, order, 'status', () => r.pick(['pending', 'complete']));
	maybe(r, order, 'total_price', () => money(r));
	return order;
}

export function montoOrder(r: Random): IDataObject {
	return {
		order_id: id(r),
		customer: { name: text(r), email: email(r) },
		status: r.pick(['pending', 'fulfilled']),
		items: Array.from({ length: r.int(1, 4) }, () => ({ slug: r.string([...LETTERS, ...DIGITS, '-'], 1, 30).toLowerCase() })),
	};
}

const MINUTES: Record<string, number> = { minutes: 1, hours: 60, days: 1440, weekdays: 1440 };

export function feedbackCompanyOrder(r: Random): IDataObject {
	const order: IDataObject = { external_id: text(r, 250), customer: { email: email(r) } };
	maybe(r, order.customer as IDataObject, 'fullname', () => text(r, 250));
	if (r.bool(0.7)) {
		const weekdays = r.bool(0.2);
		const unit = () => (weekdays ? 'weekdays' : r.pick(['minutes', 'hours', 'days']));
		const delay = { unit: unit(), amount: r.int(0, 30) };
		const invitation: IDataObject = { delay };
		if (r.bool()) {
			// At least 24 hours after the invitation, counted from the order registration.
			const reminderUnit = unit();
			const minimum = Math.ceil((delay.amount * MINUTES[delay.unit] + 1440) / MINUTES[reminderUnit]);
			invitation.reminder = { unit: reminderUnit, amount: minimum + r.int(0, 10) };
		}
		order.invitation = invitation;
	}
	if (r.bool(0.7)) {
		order.products = Array.from({ length: r.int(1, 3) }, () => {
			const product: IDataObject = { external_id: text(r, 250), name: text(r, 250), url: url(r) };
			maybe(r, product, 'sku', () => text(r, 250));
			maybe(r, product, 'gtin', () => gtin13(r));
			maybe(r, product, 'image_url', () => url(r));
			return product;
		});
	}
	maybe(r, order, 'filtercode', () => text(r, 250));
	return order;
}

function ipAddress(r: Random): string {
	if (r.bool(0.7)) return Array.from({ length: 4 }, () => r.int(0, 255)).join('.');
	return `2001:db8:${r.int(0, 65535).toString(16)}::${r.int(1, 65535).toString(16)}`;
}

export function montlyOrder(r: Random): IDataObject {
	const items = Array.from({ length: r.int(1, 3) }, () => {
		const item: IDataObject = { name: text(r, 255), productId: id(r), quantity: r.int(1, 5), totalPrice: r.int(0, 5_000_000), VAT: r.int(0, 1_000_000) };
		maybe(r, item, 'sku', () => text(r, 255));
		maybe(r, item, 'serialNumber', () => text(r, 255));
		return item;
	});
	const attributes: IDataObject = {
		orderId: id(r),
		firstName: text(r, 255),
		lastName: text(r, 255),
		company: text(r, 255),
		orgNumber: `${r.string(DIGITS, 6, 6)}-${r.string(DIGITS, 4, 4)}`,
		email: email(r),
		phone: r.string(DIGITS, 7, 12),
		itemsCount: items.length,
		totalPrice: r.int(600_000, 50_000_000),
		VAT: r.int(0, 5_000_000),
		shipping: r.int(0, 100_000),
		shippingVAT: r.int(0, 25_000),
		currency: 'SEK',
		months: r.pick([12, 24, 36]),
		tariff: r.int(100, 500) / 100,
		customerIp: ipAddress(r),
		billingAddress: text(r, 255),
		billingCity: text(r, 255),
		billingPostcode: r.string(DIGITS, 5, 5),
		monthlyPrice: r.int(1, 2_000_000),
	};
	maybe(r, attributes, 'billingCountry', () => 'SE');
	maybe(r, attributes, 'shippingAddress', () => text(r, 255));
	maybe(r, attributes, 'sandboxMode', () => r.bool());
	maybe(r, attributes, 'kickback', () => r.int(0, 10_000));
	maybe(r, attributes, 'customerMessage', () => text(r, 255));
	return { data: { type: 'order', attributes, relationships: { item: { data: items } } } };
}
