import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { compact } from '../../../shared/input/body';
import type { LineItemList } from '../../../shared/input/line-items';
import { lineItemsProperties, readLineItems } from '../../../shared/input/line-items';
import { minorToDecimal, toMinorUnits } from '../../../shared/input/money';
import { fromVersion, onlyInVersion } from '../../../shared/input/parameters';
import type { Issue } from '../../../shared/input/validation';
import type { AmountUnit } from '../../schemas';
import { orderItemSchema } from '../../schemas';

const text = (displayName: string, name: string, extra: Partial<INodeProperties> = {}): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	...extra,
});

/**
 * A required amount. Version 1 shows 0, which is sent when the field is left alone; from version
 * 1.1 it starts empty, and an amount left empty stops the item.
 */
function amount(displayName: string, name: string, description: string, version: 1 | 1.1): INodeProperties {
	const property: INodeProperties = {
		displayName,
		name,
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: '',
		required: true,
		description,
	};
	return version === 1 ? { ...property, default: 0 } : property;
}

/** The same amount in both versions, each shown for its own. */
const versionedAmount = (displayName: string, name: string, description: string): INodeProperties[] => [
	{ ...amount(displayName, name, description, 1), displayOptions: onlyInVersion(1) },
	{ ...amount(displayName, name, description, 1.1), displayOptions: fromVersion(1.1) },
];

const itemValues = (version: 1 | 1.1): INodeProperties[] => [
	text('Name', 'name', { required: true }),
	text('Product ID', 'productId', { required: true }),
	{ displayName: 'Quantity', name: 'quantity', type: 'number', typeOptions: { minValue: 1 }, default: 1, required: true },
	amount('Total Price', 'totalPrice', 'Price of this line (all units), excluding VAT, in the unit chosen in Amounts In', version),
	amount('VAT', 'VAT', 'VAT of this line, in the unit chosen in Amounts In', version),
	text('SKU', 'sku'),
	text('Variation ID', 'variationId'),
	text('Serial Number', 'serialNumber'),
];

const itemsProperty = (version: 1 | 1.1): INodeProperties => ({
	displayName: 'Items',
	name: 'items',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Item',
	required: true,
	default: {},
	options: [{ displayName: 'Item', name: 'item', values: itemValues(version) }],
	displayOptions: version === 1 ? onlyInVersion(1) : fromVersion(1.1),
});

export const monthsProperty: INodeProperties = {
	displayName: 'Months',
	name: 'months',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 24,
	required: true,
	description: 'Contract length; must match one of the tariffs',
};

/**
 * `tariff`: picked from the account's tariffs for the chosen Months, or left empty to take the
 * current one when the workflow runs. Saved workflows hold a number, which is sent as it is.
 */
export const tariffProperty: INodeProperties = {
	displayName: 'Tariff Name or ID',
	name: 'tariff',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getTariffs', loadOptionsDependsOn: ['months'] },
	default: '',
	description:
		'Percent per month for these months. Leave it at Current Tariff to read Montly\'s tariffs once per execution (a GET, also with Dry Run). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

/** Items given as one list: Montly's keys, or the friendly ones; `price` (each unit) makes the line's totalPrice. */
export function itemsList(unit: AmountUnit): LineItemList {
	return {
		name: 'items',
		path: ['data', 'relationships', 'item', 'data'],
		keys: {
			name: ['title'],
			productId: [],
			quantity: [],
			totalPrice: [],
			price: [],
			VAT: ['vat'],
			sku: [],
			variationId: ['variantId'],
			serialNumber: [],
		},
		ignored: ['url', 'imageUrl'],
		entry: orderItemSchema(unit),
		complete: (entry) => lineTotal(entry, unit),
	};
}

const ITEMS = { sek: itemsList('sek'), ore: itemsList('ore') };

/** A line's totalPrice from quantity × price (each unit), exact in öre; `price` itself is not sent. */
function lineTotal(entry: IDataObject, unit: AmountUnit): Issue[] {
	if (entry.price === undefined) return [];
	const price = entry.price;
	delete entry.price;
	if (entry.totalPrice !== undefined) {
		return [{ path: ['price'], message: 'Give price (each unit) or totalPrice (the whole line), not both' }];
	}
	const each = unit === 'sek' ? toMinorUnits(price, 2) : toMinorUnits(price, 0);
	if (!each.ok) return [{ path: ['price'], message: each.message }];
	const quantity = typeof entry.quantity === 'string' ? Number(entry.quantity) : entry.quantity;
	// A quantity that is no whole number is named by the item's own check.
	if (typeof quantity === 'number' && Number.isSafeInteger(quantity)) {
		const ore = each.value * quantity;
		entry.totalPrice = unit === 'sek' ? minorToDecimal(ore, 2) : ore;
	}
	return [];
}

export const createFields: INodeProperties[] = [
	text('Order ID', 'orderId', { required: true, placeholder: 'e.g. c8e0bda3-dbe0-55ad-8de7-4b341fab49a3', description: 'Your unique order ID; Montly rejects a repeated one' }),
	{
		displayName: 'Amounts In',
		name: 'amountUnit',
		type: 'options',
		options: [
			{ name: 'SEK', value: 'sek', description: 'Kronor with up to two decimals, e.g. 9627.68; converted to öre exactly' },
			{ name: 'Öre', value: 'ore', description: 'Whole öre, e.g. 962768, as sent to Montly' },
		],
		default: 'sek',
		description: 'How the amounts below are given. Montly receives whole öre (1 SEK = 100 öre).',
	},
	text('First Name', 'firstName', { required: true }),
	text('Last Name', 'lastName', { required: true }),
	text('Company', 'company', { required: true }),
	text('Organisation Number', 'orgNumber', { required: true, placeholder: 'e.g. 559089-4308', description: 'Swedish organisation number, 000000-0000' }),
	text('Email', 'email', { required: true, placeholder: 'e.g. name@email.com' }),
	text('Phone', 'phone', { required: true }),
	text('Customer IP', 'customerIp', { required: true, placeholder: 'e.g. 131.168.20.70', description: 'The customer\'s IP address, for Montly\'s fraud checks' }),
	// Empty in every version: its old default, 0, was always refused (below Montly's minimum).
	amount('Total Price', 'totalPrice', 'Total the customer pays, excluding VAT; Montly\'s minimum is 6 000 SEK', 1.1),
	...versionedAmount('VAT', 'VAT', 'Total VAT'),
	...versionedAmount('Shipping', 'shipping', 'Shipping cost, excluding VAT; 0 for free shipping'),
	...versionedAmount('Shipping VAT', 'shippingVAT', 'VAT on the shipping cost'),
	{
		displayName: 'Monthly Price',
		name: 'monthlyPrice',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: '',
		description: 'Monthly amount, in the unit chosen in Amounts In. Leave empty to send round(Total Price × Tariff / 100), as Montly\'s SDK computes it.',
	},
	monthsProperty,
	tariffProperty,
	text('Billing Address', 'billingAddress', { required: true }),
	text('Billing City', 'billingCity', { required: true }),
	text('Billing Postcode', 'billingPostcode', { required: true }),
	...lineItemsProperties(
		ITEMS.sek,
		{
			plural: 'Items',
			one: 'item',
			example: '{ "productId": "LAP-1", "name": "Laptop", "quantity": 2, "price": 4068.63, "VAT": 1017.16 }',
		},
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
			text('Billing Address 2', 'billingAddress2'),
			text('Billing Country', 'billingCountry'),
			text('Billing State', 'billingState'),
			text('Customer Message', 'customerMessage'),
			{
				displayName: 'Items Count',
				name: 'itemsCount',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 1,
				description: 'Defaults to the number of item lines, as in Montly\'s example',
			},
			{ displayName: 'Kickback', name: 'kickback', type: 'number', typeOptions: { minValue: 0, numberPrecision: 2 }, default: 0, description: 'Kickback amount added to the amount, in the unit chosen in Amounts In' },
			{ displayName: 'Sandbox Mode', name: 'sandboxMode', type: 'boolean', default: false, description: 'Whether to flag the order as a test (a field of the July 2017 API; later removed)' },
			text('Shipping Address', 'shippingAddress'),
			text('Shipping Address 2', 'shippingAddress2'),
			text('Shipping City', 'shippingCity'),
			text('Shipping Company', 'shippingCompany'),
			text('Shipping Country', 'shippingCountry'),
			text('Shipping First Name', 'shippingFirstName'),
			text('Shipping Last Name', 'shippingLastName'),
			text('Shipping Postcode', 'shippingPostcode'),
			text('Shipping State', 'shippingState'),
		],
	},
];

const ATTRIBUTES = [
	'orderId', 'firstName', 'lastName', 'company', 'orgNumber', 'email', 'phone', 'totalPrice', 'VAT',
	'shipping', 'shippingVAT', 'months', 'tariff', 'customerIp', 'billingAddress', 'billingCity',
	'billingPostcode', 'monthlyPrice',
];

/**
 * The seed document's JSON:API body, built from the fields; amounts are still in the chosen unit.
 * `tariff` is the one to send (Tariff, or the account's current one when it was left empty).
 */
export function fromCreateFields(ctx: IExecuteFunctions, i: number, unit: AmountUnit, tariff: IDataObject[string]): IDataObject {
	const extra = ctx.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const items = readLineItems(ctx, i, ITEMS[unit], () => ctx.getNodeParameter('items.item', i, []) as IDataObject[]).map(
		(item) => compact({ ...item }),
	);
	const attributes: IDataObject = { currency: 'SEK' };
	for (const name of ATTRIBUTES) attributes[name] = name === 'tariff' ? tariff : ctx.getNodeParameter(name, i, '');
	Object.assign(attributes, compact(extra));
	attributes.itemsCount = extra.itemsCount ?? items.length;
	return {
		data: {
			type: 'order',
			attributes: compact(attributes),
			relationships: { item: { data: items } },
		},
	};
}

/** The seed document's example request. */
export const createExample = {
	data: {
		type: 'order',
		attributes: {
			orderId: 'c8e0bda3-dbe0-55ad-8de7-4b341fab49a3',
			firstName: 'Matthew',
			lastName: 'Hunter',
			company: 'Winnie Moran',
			email: 'uc@pokev.dk',
			phone: '09 61 64 48 49',
			itemsCount: 2,
			totalPrice: 962768,
			VAT: 24440,
			shipping: 12979,
			shippingVAT: 11146,
			customerIp: '131.168.20.70',
			currency: 'SEK',
			months: 24,
			billingAddress: 'Russell Maldonado',
			billingCity: 'Leona Lindsey',
			billingState: 'Gussie Washington',
			billingPostcode: 'Sally Dean',
			billingCountry: 'Sophia McDaniel',
			sandboxMode: false,
			monthlyPrice: 121042,
			tariff: 2.1,
			orgNumber: '559089-4308',
		},
		relationships: {
			item: {
				data: [
					{ name: 'no', productId: '32832849-23cc-550c-9456-06ea2ff0b55c', quantity: 2, totalPrice: 813726, VAT: 12345 },
					{ name: 'wel', productId: '88624a25-e7e8-5da4-a819-8af8f5079ce2', quantity: 8, totalPrice: 490920, VAT: 5254 },
				],
			},
		},
	},
};
