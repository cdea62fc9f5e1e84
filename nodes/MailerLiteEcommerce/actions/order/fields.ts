import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readStatusOverride, statusOverrideProperty } from '../../../shared/orders/input';
import type { FromOrderOptions } from '../../fromOrder';
import { orderFromOrder, orderUpdateFromOrder } from '../../fromOrder';
import { createSubscriberProperty } from '../common';
import type { OrderModes } from '../operations';

export const statusProperty: INodeProperties = {
	displayName: 'Status',
	name: 'status',
	type: 'options',
	options: [
		{ name: 'Complete', value: 'complete', description: 'The order was paid' },
		{ name: 'Pending', value: 'pending', description: 'Checkout started, not paid (abandoned-cart flows)' },
	],
	default: 'pending',
	description: 'MailerLite documents only "pending"; its own plugin also sends "complete". Other values can be given with an expression (UNVERIFIED).',
};

export const createFields: INodeProperties[] = [
	{ displayName: 'Customer Email', name: 'customerEmail', type: 'string', placeholder: 'e.g. name@email.com', required: true, default: '' },
	{
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
					{ displayName: 'Price', name: 'price', type: 'number', typeOptions: { numberPrecision: 2 }, default: 0 },
				],
			},
		],
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Accepts Marketing', name: 'accepts_marketing', type: 'boolean', default: false, description: 'Whether the customer agreed to receive marketing' },
			{ displayName: 'Checkout URL', name: 'checkout_url', type: 'string', default: '', description: 'Link back to the cart, used in abandoned-cart e-mails. Sent by MailerLite\'s own plugin; not in the public docs (UNVERIFIED).' },
			{ displayName: 'Create Subscriber', name: 'create_subscriber', type: 'boolean', default: false, description: 'Whether to also create a MailerLite subscriber for the customer' },
			statusProperty,
			{ displayName: 'Total Price', name: 'total_price', type: 'number', typeOptions: { numberPrecision: 2 }, default: 0 },
		],
	},
];

export function fromCreateFields(ctx: IExecuteFunctions, i: number): IDataObject {
	const extra = ctx.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const items = (ctx.getNodeParameter('cartItems.item', i, []) as IDataObject[]).map((item) => ({
		...item,
		variant: item.variant || undefined,
	}));
	const customer: IDataObject = { email: ctx.getNodeParameter('customerEmail', i) };
	for (const key of ['accepts_marketing', 'create_subscriber']) if (key in extra) customer[key] = extra[key];
	const cart: IDataObject = { items };
	if (extra.checkout_url) cart.checkout_url = extra.checkout_url;
	return { customer, cart, status: extra.status, total_price: extra.total_price };
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
