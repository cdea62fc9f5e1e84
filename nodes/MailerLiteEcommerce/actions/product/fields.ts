import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { fromVersion, onlyInVersion } from '../../../shared/input/parameters';

const optional: INodeProperties[] = [
	{ displayName: 'Category IDs', name: 'categories', type: 'string', default: '', placeholder: 'e.g. 1234566457534276,1234566457534278', description: 'Comma-separated IDs of MailerLite categories' },
	{ displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 3 }, default: '' },
	{ displayName: 'Exclude From Automations', name: 'exclude_from_automations', type: 'boolean', default: false, description: 'Whether the product should not trigger automations' },
	{ displayName: 'Image URL', name: 'image', type: 'string', default: '', placeholder: 'e.g. https://shop.example.com/image.jpg' },
	{ displayName: 'Short Description', name: 'short_description', type: 'string', default: '' },
	{ displayName: 'URL', name: 'url', type: 'string', default: '', placeholder: 'e.g. https://shop.example.com/product' },
];

const splitCategories = (values: IDataObject): IDataObject =>
	typeof values.categories === 'string'
		? {
				...values,
				categories: values.categories
					? values.categories.split(',').map((id) => id.trim()).filter(Boolean)
					: undefined,
			}
		: values;

const createPrice: INodeProperties = {
	displayName: 'Price',
	name: 'price',
	type: 'number',
	typeOptions: { numberPrecision: 2, minValue: 0 },
	required: true,
	default: '',
};

export const createFields: INodeProperties[] = [
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '' },
	{ ...createPrice, default: 0, displayOptions: onlyInVersion(1) },
	{ ...createPrice, default: '', displayOptions: fromVersion(1.1) },
	{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options: optional },
];

export const updateFields: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			...optional,
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
			{ displayName: 'Price', name: 'price', type: 'number', typeOptions: { numberPrecision: 2, minValue: 0 }, default: 0 },
		],
	},
];

export const fromCreateFields = (ctx: IExecuteFunctions, i: number): IDataObject =>
	splitCategories({
		name: ctx.getNodeParameter('name', i),
		price: ctx.getNodeParameter('price', i),
		...(ctx.getNodeParameter('additionalFields', i, {}) as IDataObject),
	});

export const fromUpdateFields = (ctx: IExecuteFunctions, i: number): IDataObject =>
	splitCategories(ctx.getNodeParameter('updateFields', i, {}) as IDataObject);

export const example = {
	name: 'Product name',
	price: 123.4,
	url: 'https://shop-url.com/product-name',
	image: 'https://shop-url.com/product-image.jpg',
	exclude_from_automations: false,
	categories: ['1234566457534276'],
};
export const hint = 'Fields follow the documented product import example; the create/update doc table was not available (UNVERIFIED).';
