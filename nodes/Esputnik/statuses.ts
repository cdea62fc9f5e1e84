/** The order statuses eSputnik knows; each send fires the event `order<STATUS>`. */
export const ORDER_STATUSES = [
	'INITIALIZED',
	'IN_PROGRESS',
	'DELIVERED',
	'CANCELLED',
	'ABANDONED_SHOPPING_CART',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export type StatusMapping = 'none' | 'shopify' | 'wooCommerce';

const isOrderStatus = (value: string): value is OrderStatus =>
	(ORDER_STATUSES as readonly string[]).includes(value);

/**
 * Shopify's fulfilment status (GraphQL `displayFulfillmentStatus`, REST `fulfillment_status`),
 * as Yespo's own Shopify app maps it. Shopify marks a cancelled order with `cancelled_at`, not
 * with a status, so the caller passes `cancelled` for those.
 */
const SHOPIFY: Record<string, OrderStatus> = {
	cancelled: 'CANCELLED',
	canceled: 'CANCELLED',
	request_declined: 'CANCELLED',
	in_progress: 'IN_PROGRESS',
	partially_fulfilled: 'IN_PROGRESS',
	partial: 'IN_PROGRESS',
	pending_fulfillment: 'IN_PROGRESS',
	fulfilled: 'DELIVERED',
};

/** WooCommerce's order status, as Yespo's own WooCommerce plugin maps it. */
const WOOCOMMERCE: Record<string, OrderStatus> = {
	processing: 'IN_PROGRESS',
	'on-hold': 'IN_PROGRESS',
	failed: 'CANCELLED',
	cancelled: 'CANCELLED',
	trash: 'CANCELLED',
	refunded: 'CANCELLED',
	completed: 'DELIVERED',
};

/**
 * The eSputnik status for `value`. One of the five statuses (in any letter case) is kept under
 * every mapping. Without a mapping anything else is returned unchanged, for validation to reject.
 * With a mapping, a status the shop platform has but the table does not name becomes INITIALIZED,
 * as in Yespo's own integrations; an empty value does too for Shopify, whose REST API gives
 * `fulfillment_status: null` for unfulfilled orders, while a WooCommerce order always has one.
 */
export function mapStatus(value: unknown, mapping: StatusMapping): unknown {
	if (typeof value !== 'string') {
		return mapping === 'shopify' && (value === null || value === undefined) ? 'INITIALIZED' : value;
	}
	const text = value.trim();
	if (isOrderStatus(text.toUpperCase())) return text.toUpperCase();
	if (mapping === 'shopify') {
		if (text === '' || text.toLowerCase() === 'null') return 'INITIALIZED';
		return SHOPIFY[text.toLowerCase().replace(/[\s-]+/g, '_')] ?? 'INITIALIZED';
	}
	if (mapping === 'wooCommerce') {
		if (text === '') return value;
		return WOOCOMMERCE[text.toLowerCase().replace(/^wc-/, '')] ?? 'INITIALIZED';
	}
	return value;
}
