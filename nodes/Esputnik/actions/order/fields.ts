import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { compact } from '../../../shared/input/body';
import type { LineItemList } from '../../../shared/input/line-items';
import { lineItemsProperties, readLineItems } from '../../../shared/input/line-items';
import { fromVersion, onlyInVersion } from '../../../shared/input/parameters';
import { orderItem } from '../../schemas';

const contactHint = 'Give at least one of External Customer ID, Email and Phone, or eSputnik cannot link the order to a contact and sends it no messages';

/** Items given as one list: eSputnik's keys, or the friendly ones. */
export const ITEMS: LineItemList = {
	name: 'items',
	path: ['items'],
	keys: {
		externalItemId: ['productId'],
		name: ['title'],
		category: [],
		quantity: [],
		cost: ['price'],
		url: [],
		imageUrl: [],
		description: [],
	},
	ignored: ['variantId', 'sku'],
	entry: orderItem,
};

/** Version 1 shows 0 for Total Cost and an item's Cost, sent when left alone; from 1.1 they start empty and are required. */
const totalCost: INodeProperties = {
	displayName: 'Total Cost',
	name: 'totalCost',
	type: 'number',
	typeOptions: { numberPrecision: 2, minValue: 0 },
	required: true,
	default: '',
	description: 'The order total. Item costs plus shipping minus discount must add up to it unless Options → Check Total Cost is off.',
};

const cost: INodeProperties = {
	displayName: 'Cost',
	name: 'cost',
	type: 'number',
	typeOptions: { numberPrecision: 2, minValue: 0 },
	default: '',
	description: 'The price paid, after any discount on the item',
};

const itemsProperty = (version: 1 | 1.1): INodeProperties => ({
	displayName: 'Items',
	name: 'items',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Item',
	default: {},
	description: 'Needed only if messages show product data; orders for RFM analysis can go without',
	options: [
		{
			displayName: 'Item',
			name: 'item',
			values: [
				{ displayName: 'Category', name: 'category', type: 'string', default: '' },
				version === 1 ? { ...cost, default: 0 } : cost,
				{ displayName: 'Description', name: 'description', type: 'string', default: '' },
				{ displayName: 'External Item ID', name: 'externalItemId', type: 'string', default: '', description: 'The product or variant ID in your shop' },
				{ displayName: 'Image URL', name: 'imageUrl', type: 'string', default: '' },
				{ displayName: 'Name', name: 'name', type: 'string', default: '' },
				{ displayName: 'Quantity', name: 'quantity', type: 'number', typeOptions: { minValue: 0 }, default: 1 },
				{ displayName: 'URL', name: 'url', type: 'string', default: '', description: 'Link to the product page' },
			],
		},
	],
	displayOptions: version === 1 ? onlyInVersion(1) : fromVersion(1.1),
});

export const upsertFields: INodeProperties[] = [
	{
		displayName: 'External Order ID',
		name: 'externalOrderId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 100500',
		description: 'The order\'s ID in your shop. Sending the same ID again updates that order.',
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: [
			{ name: 'Abandoned Shopping Cart', value: 'ABANDONED_SHOPPING_CART', description: 'Only if you track carts outside eSputnik web tracking' },
			{ name: 'Cancelled', value: 'CANCELLED' },
			{ name: 'Delivered', value: 'DELIVERED', description: 'The only status that counts for RFM analysis and revenue reports' },
			{ name: 'In Progress', value: 'IN_PROGRESS' },
			{ name: 'Initialized', value: 'INITIALIZED' },
		],
		default: 'INITIALIZED',
		hint: 'With a Status Mapping (Options), set this with an expression to the Shopify or WooCommerce status, e.g. {{ $json.status }}',
	},
	{
		displayName: 'Date',
		name: 'date',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 2024-05-01T10:00:00+02:00',
		description: 'When the order was placed, ISO 8601',
		hint: 'A date without an offset is sent with the workflow\'s time zone; eSputnik would otherwise read it in the account\'s time zone',
	},
	{ ...totalCost, default: 0, displayOptions: onlyInVersion(1) },
	{ ...totalCost, default: '', displayOptions: fromVersion(1.1) },
	{
		displayName: 'Currency',
		name: 'currency',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. USD',
		description: 'ISO 4217 code',
	},
	{
		displayName: 'External Customer ID',
		name: 'externalCustomerId',
		type: 'string',
		default: '',
		placeholder: 'e.g. 12345',
		description: 'The customer\'s ID in your shop; eSputnik links orders with the same ID to one contact',
		hint: contactHint,
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'e.g. name@email.com',
		default: '',
	},
	{
		displayName: 'Phone',
		name: 'phone',
		type: 'string',
		default: '',
		placeholder: 'e.g. +380 94 258 3691',
		description: 'Sent as digits only (5 to 15)',
	},
	...lineItemsProperties(
		ITEMS,
		{ plural: 'Items', one: 'item', example: '{ "productId": "200600", "name": "Super Device", "quantity": 1, "price": 990 }' },
		itemsProperty(1),
		itemsProperty(1.1),
	),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Additional Info (JSON)',
				name: 'additionalInfo',
				type: 'json',
				default: '{}',
				description: 'Free-form fields stored with the order, e.g. {"comment": "Leave at the door"}',
			},
			{ displayName: 'Delivery Address', name: 'deliveryAddress', type: 'string', default: '' },
			{ displayName: 'Delivery Method', name: 'deliveryMethod', type: 'string', default: '', placeholder: 'e.g. express' },
			{ displayName: 'Discount', name: 'discount', type: 'number', typeOptions: { numberPrecision: 2, minValue: 0 }, default: 0 },
			{ displayName: 'First Name', name: 'firstName', type: 'string', default: '' },
			{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
			{ displayName: 'Payment Method', name: 'paymentMethod', type: 'string', default: '', placeholder: 'e.g. cash' },
			{ displayName: 'Restore URL', name: 'restoreUrl', type: 'string', default: '', description: 'Link to the order or to restore an abandoned cart' },
			{ displayName: 'Shipping', name: 'shipping', type: 'number', typeOptions: { numberPrecision: 2, minValue: 0 }, default: 0, description: 'Shipping cost' },
			{ displayName: 'Source', name: 'source', type: 'string', default: '', placeholder: 'e.g. Online', description: 'Online or offline, for segmentation; anything else counts as online' },
			{ displayName: 'Status Description', name: 'statusDescription', type: 'string', default: '' },
			{ displayName: 'Store ID', name: 'storeId', type: 'string', default: '', description: 'Tells stores apart when several share one account' },
			{ displayName: 'Taxes', name: 'taxes', type: 'number', typeOptions: { numberPrecision: 2, minValue: 0 }, default: 0 },
		],
	},
];

/** The order of one item, built from the fields above; validated afterwards by the schema. */
export function fromUpsertFields(ctx: IExecuteFunctions, i: number): IDataObject {
	const extra = { ...(ctx.getNodeParameter('additionalFields', i, {}) as IDataObject) };
	if (extra.additionalInfo !== undefined) {
		extra.additionalInfo = parseJsonField(ctx, i, 'additionalInfo', extra.additionalInfo) as IDataObject | undefined;
	}
	const items = readLineItems(ctx, i, ITEMS, () => ctx.getNodeParameter('items.item', i, []) as IDataObject[]).map((item) =>
		compact({ ...item }),
	);
	return {
		externalOrderId: ctx.getNodeParameter('externalOrderId', i),
		status: ctx.getNodeParameter('status', i),
		date: ctx.getNodeParameter('date', i),
		totalCost: ctx.getNodeParameter('totalCost', i),
		currency: ctx.getNodeParameter('currency', i),
		externalCustomerId: ctx.getNodeParameter('externalCustomerId', i, ''),
		email: ctx.getNodeParameter('email', i, ''),
		phone: ctx.getNodeParameter('phone', i, ''),
		...extra,
		items: items.length ? items : undefined,
	};
}

function parseJsonField(ctx: IExecuteFunctions, i: number, name: string, value: unknown): unknown {
	if (typeof value !== 'string') return value;
	if (!value.trim()) return undefined;
	try {
		return JSON.parse(value);
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), `${name}: Invalid JSON (${(error as Error).message})`, {
			itemIndex: i,
			description: 'Nothing was sent for this item.',
		});
	}
}

/** The documented example order (seed document 002), one item's JSON body. */
export const upsertExample = {
	externalOrderId: '100500',
	externalCustomerId: '12345',
	totalCost: 1000,
	status: 'INITIALIZED',
	date: '2017-03-08T09:30:00+02:00',
	email: 'john@example.com',
	phone: '380942583691',
	firstName: 'John',
	lastName: 'Smith',
	currency: 'USD',
	shipping: 10,
	discount: 0,
	deliveryMethod: 'express',
	paymentMethod: 'cash',
	deliveryAddress: 'First str. 1',
	items: [
		{
			externalItemId: '200600',
			name: 'Super Device',
			category: 'devices',
			quantity: 1,
			cost: 990,
			url: 'http://example.com/item/200600',
			imageUrl: 'http://example.com/item/200600/image.png',
			description: 'High quality',
		},
	],
};
