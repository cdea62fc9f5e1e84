import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { compact } from '../../../shared/input/body';
import type { LineItemList } from '../../../shared/input/line-items';
import { lineItemsProperties, readLineItems } from '../../../shared/input/line-items';
import { product } from '../../schemas';

const unitProperty: INodeProperties = {
	displayName: 'Unit',
	name: 'unit',
	type: 'options',
	options: [
		{ name: 'Days', value: 'days' },
		{ name: 'Hours', value: 'hours' },
		{ name: 'Minutes', value: 'minutes' },
		{ name: 'Weekdays', value: 'weekdays', description: 'Use weekdays for both the invitation and the reminder, or for neither' },
	],
	default: 'days',
};

const amountProperty: INodeProperties = {
	displayName: 'Amount',
	name: 'amount',
	type: 'number',
	typeOptions: { minValue: 0, numberPrecision: 0 },
	default: 7,
	description: 'How many units after the order is registered',
};

const timingValues = (amount: number): INodeProperties[] => [unitProperty, { ...amountProperty, default: amount }];

const productValues: INodeProperties[] = [
	{ displayName: 'External ID', name: 'external_id', type: 'string', default: '', required: true, description: 'Your product ID (used by the product review widgets as product_external_id)' },
	{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true },
	{ displayName: 'URL', name: 'url', type: 'string', default: '', required: true, placeholder: 'e.g. https://shop.example.com/products/red-delicious' },
	{ displayName: 'SKU', name: 'sku', type: 'string', default: '' },
	{ displayName: 'GTIN', name: 'gtin', type: 'string', default: '', placeholder: 'e.g. 8710103974833', description: 'A GTIN-13 (EAN-13) with a valid check digit' },
	{ displayName: 'Image URL', name: 'image_url', type: 'string', default: '' },
];

/** Products given as one list: The Feedback Company's keys, or the friendly ones. */
export const PRODUCTS: LineItemList = {
	name: 'products',
	path: ['products'],
	keys: {
		external_id: ['productId'],
		name: ['title'],
		url: [],
		sku: [],
		gtin: ['ean'],
		image_url: ['imageUrl'],
	},
	ignored: ['variantId', 'quantity', 'price'],
	entry: product,
};

export const createFields: INodeProperties[] = [
	{
		displayName: 'External ID',
		name: 'external_id',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 1001',
		description: 'Your unique order number, at most 250 characters',
	},
	{ displayName: 'Customer Email', name: 'customerEmail', type: 'string', placeholder: 'e.g. name@email.com', default: '', required: true },
	{ displayName: 'Customer Full Name', name: 'customerFullname', type: 'string', default: '' },
	{
		displayName: 'Send Invitation',
		name: 'sendInvitation',
		type: 'boolean',
		default: true,
		description: 'Whether to schedule a review invitation e-mail for this order; otherwise the order is only registered',
	},
	{
		displayName: 'Invitation Delay',
		name: 'delay',
		type: 'fixedCollection',
		placeholder: 'Add Invitation Delay',
		// Empty: n8n-workflow cannot resolve a filled default of a single-value fixedCollection
		// (the editor could not add the node); an absent delay is DEFAULT_DELAY instead.
		default: {},
		description: 'When the invitation e-mail is sent, counted from the order registration. Without one, 7 days.',
		displayOptions: { show: { sendInvitation: [true] } },
		options: [{ displayName: 'Invitation Delay', name: 'value', values: timingValues(7) }],
	},
	{
		displayName: 'Reminder',
		name: 'reminder',
		type: 'fixedCollection',
		placeholder: 'Add Reminder',
		default: {},
		description:
			'When the reminder e-mail is sent, counted from the order registration (not from the invitation): at least 24 hours after the invitation. Leave it out to send no reminder.',
		displayOptions: { show: { sendInvitation: [true] } },
		options: [{ displayName: 'Reminder', name: 'value', values: timingValues(14) }],
	},
	...lineItemsProperties(
		PRODUCTS,
		{ plural: 'Products', one: 'product', example: '{ "productId": "RD-1", "name": "Red Delicious", "url": "https://shop.example.com/p/rd-1" }' },
		{
			displayName: 'Products',
			name: 'products',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Product',
			default: {},
			options: [{ displayName: 'Product', name: 'product', values: productValues }],
		},
	),
	{
		displayName: 'Filter Code',
		name: 'filtercode',
		type: 'string',
		default: '',
		description: 'Optional code to segment reviews, at most 250 characters',
	},
];

/** Parameters the order input modes show too: an order has no invitation timing or filter code. */
export const SHARED_WITH_ORDER_MODES = ['sendInvitation', 'delay', 'reminder', 'filtercode'];

/** The invitation delay of a workflow that sets none: 7 days, as The Feedback Company's own plugin. */
const DEFAULT_DELAY = { unit: 'days', amount: 7 };

/** The invitation of Send Invitation, Invitation Delay and Reminder; undefined when none is to be sent. */
export function readInvitation(ctx: IExecuteFunctions, i: number): IDataObject | undefined {
	if (!(ctx.getNodeParameter('sendInvitation', i, true) as boolean)) return undefined;
	const invitation: IDataObject = {};
	const delay = ctx.getNodeParameter('delay.value', i, null) ?? DEFAULT_DELAY;
	const reminder = ctx.getNodeParameter('reminder.value', i, null);
	if (delay) invitation.delay = delay;
	if (reminder) invitation.reminder = reminder;
	return invitation;
}

export function fromCreateFields(ctx: IExecuteFunctions, i: number): IDataObject {
	const body: IDataObject = {
		external_id: ctx.getNodeParameter('external_id', i),
		customer: compact({
			email: ctx.getNodeParameter('customerEmail', i),
			fullname: ctx.getNodeParameter('customerFullname', i, ''),
		}),
		filtercode: ctx.getNodeParameter('filtercode', i, ''),
	};
	const invitation = readInvitation(ctx, i);
	if (invitation) body.invitation = invitation;
	const products = readLineItems(ctx, i, PRODUCTS, () => ctx.getNodeParameter('products.product', i, []) as IDataObject[]);
	if (products.length) body.products = products.map((p) => compact(p));
	return body;
}

/** The documented example body (only its GTIN differs: the documented one fails its check digit). */
export const createExample = {
	external_id: '08b747cb-e20a-4644-9900-7db115e2f249',
	customer: { email: 'appleseed@example.com', fullname: 'John Appleseed' },
	products: [
		{
			external_id: 'c17b8994-7a31-4dda-b710-a1bb5cd97e55',
			sku: 'rd001',
			gtin: '0075678164125',
			name: 'Red Delicious',
			url: 'https://www.example.com/producs/red-delicious',
			image_url: 'https://www.example.com/images/red-delicious.jpeg',
		},
	],
	invitation: { delay: { unit: 'days', amount: 0 }, reminder: { unit: 'days', amount: 7 } },
	filtercode: 'filtercode1234',
};
