import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { LineItemList } from '../../../shared/input/line-items';
import { lineItemsProperties, readLineItems } from '../../../shared/input/line-items';
import { sumOfLines } from '../../../shared/input/money';
import { readStatusOverride, statusOverrideProperty } from '../../../shared/orders/input';
import { cartItem } from '../../schemas';
import type { FromOrderOptions } from '../../fromOrder';
import { orderFromOrder, orderUpdateFromOrder } from '../../fromOrder';
import { fromVersion, onlyInVersion } from '../../../shared/input/parameters';
import { createSubscriberProperty } from '../common';
import type { OrderModes } from '../operations';

export const statusProperty: INodeProperties = {
	displayName: 'Status',
	name: 'status',
	type: 'options',
	options: [
		{ name: 'Complete', value: 'complete', description: 'The order was paid: it counts as a purchase' },
		{
			name: 'Pending',
			value: 'pending',
			description: 'Checkout started, not paid: starts MailerLite\'s abandoned-cart e-mails to the customer',
		},
	],
	default: 'complete',
	description: 'MailerLite documents only "pending"; its own plugin also sends "complete". Other values can be given with an expression (UNVERIFIED).',
};

/** Cart items given as one list: MailerLite's keys, or the friendly ones. */
export const CART_ITEMS: LineItemList = {
	name: 'cartItems',
	path: ['cart', 'items'],
	keys: { ecommerce_product_id: ['productId'], variant: [], quantity: [], price: [] },
	ignored: ['variantId', 'sku', 'name', 'url', 'imageUrl'],
	entry: cartItem,
};

const cartItemsProperty = (price: INodeProperties): INodeProperties => ({
	displayName: 'Cart Items',
	name: 'cartItems',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Cart Item',
	required: true,
	default: {},
	options: [
		{
			displayName: 'Item',
			name: 'item',
			values: [
				{ displayName: 'Product ID', name: 'ecommerce_product_id', type: 'string', default: '', description: 'The product\'s ID in the shop' },
				{ displayName: 'Variant', name: 'variant', type: 'string', default: '' },
				{ displayName: 'Quantity', name: 'quantity', type: 'number', typeOptions: { minValue: 1 }, default: 1 },
				price,
			],
		},
	],
});

const price: INodeProperties = { displayName: 'Price', name: 'price', type: 'number', typeOptions: { numberPrecision: 2 }, default: 0 };

const customerFields: INodeProperties[] = [
	{ displayName: 'Accepts Marketing', name: 'accepts_marketing', type: 'boolean', default: false, description: 'Whether the customer agreed to receive marketing' },
	{ displayName: 'Checkout URL', name: 'checkout_url', type: 'string', default: '', description: 'Link back to the cart, used in abandoned-cart e-mails. Sent by MailerLite\'s own plugin; not in the public docs (UNVERIFIED).' },
	{ displayName: 'Create Subscriber', name: 'create_subscriber', type: 'boolean', default: false, description: 'Whether to also create a MailerLite subscriber for the customer' },
];

export const createFields: INodeProperties[] = [
	{ displayName: 'Customer Email', name: 'customerEmail', type: 'string', placeholder: 'e.g. name@email.com', required: true, default: '' },
	{ ...statusProperty, displayOptions: fromVersion(1.1) },
	...lineItemsProperties(
		CART_ITEMS,
		{ plural: 'Cart Items', one: 'cart item', example: '{ "productId": "1236545467567", "quantity": 1, "price": 123.4 }' },
		{ ...cartItemsProperty(price), displayOptions: onlyInVersion(1) },
		{
			...cartItemsProperty({ ...price, typeOptions: { numberPrecision: 2, minValue: 0 }, default: '', required: true, description: 'The price of one unit' }),
			displayOptions: fromVersion(1.1),
		},
	),
	{
		displayName: 'Total Price',
		name: 'totalPrice',
		type: 'number',
		typeOptions: { numberPrecision: 2, minValue: 0 },
		default: '',
		description: 'The order total. Leave empty to send the sum of the cart items (quantity × price, exact to the cent).',
		displayOptions: fromVersion(1.1),
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			...customerFields,
			statusProperty,
			{ displayName: 'Total Price', name: 'total_price', type: 'number', typeOptions: { numberPrecision: 2 }, default: 0 },
		],
		displayOptions: onlyInVersion(1),
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: customerFields,
		displayOptions: fromVersion(1.1),
	},
];

/**
 * The Fields-mode body of Create and of each Import entry. Version 1 sends Status and Total Price
 * only when added under Additional Fields (MailerLite then takes "pending" and 0); version 1.1
 * always sends Status, and the cart's sum when Total Price is left empty.
 */
export function fromCreateFields(ctx: IExecuteFunctions, i: number): IDataObject {
	const extra = ctx.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const items = readLineItems(ctx, i, CART_ITEMS, () => ctx.getNodeParameter('cartItems.item', i, []) as IDataObject[]).map(
		(item) => ({ ...item, variant: item.variant || undefined }),
	);
	const customer: IDataObject = { email: ctx.getNodeParameter('customerEmail', i) };
	for (const key of ['accepts_marketing', 'create_subscriber']) if (key in extra) customer[key] = extra[key];
	const cart: IDataObject = { items };
	if (extra.checkout_url) cart.checkout_url = extra.checkout_url;
	if (ctx.getNode().typeVersion < 1.1) return { customer, cart, status: extra.status, total_price: extra.total_price };
	const total = ctx.getNodeParameter('totalPrice', i, '') as IDataObject[string];
	return {
		customer,
		cart,
		status: ctx.getNodeParameter('status', i, 'complete'),
		total_price: total === '' || total === null || total === undefined ? sumOfLines(items) : total,
	};
}

export const createExample = {
	customer: { email: 'customer@email.com', create_subscriber: true, accepts_marketing: true },
	cart: { items: [{ ecommerce_product_id: '1236545467567', variant: 'product variant', quantity: 1, price: 123.4 }] },
	status: 'pending',
	total_price: 123.4,
};

const orderModeStatus = statusOverrideProperty(
	[
		{ name: 'Complete', value: 'complete' },
		{ name: 'Pending', value: 'pending' },
	],
	'Not paid (Shopify pending; WooCommerce pending, on-hold, failed) → pending; paid or shipped → complete. Cancelled and refunded orders are refused: leave them out or choose a status.',
);

const readOptions = (ctx: IExecuteFunctions, i: number): FromOrderOptions => ({
	statusOverride: readStatusOverride(ctx, i),
	createSubscriber: ctx.getNodeParameter('createSubscriber', i, false) as boolean,
});

/** Create and Import: the whole order, its customer and cart. */
export const createOrderModes: OrderModes = {
	properties: [orderModeStatus, createSubscriberProperty],
	fromOrder: (ctx, i, order, issues) => orderFromOrder(order, readOptions(ctx, i), issues),
};

/** Update: the order's status and total. */
export const updateOrderModes: OrderModes = {
	properties: [orderModeStatus],
	fromOrder: (ctx, i, order, issues) => orderUpdateFromOrder(order, readOptions(ctx, i), issues),
};
