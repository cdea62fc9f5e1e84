import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

const exclude: INodeProperties = {
	displayName: 'Exclude From Automations',
	name: 'exclude_from_automations',
	type: 'boolean',
	default: false,
	description: 'Whether the category should not trigger automations',
};

export const createFields: INodeProperties[] = [
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '' },
	{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options: [exclude] },
];

export const updateFields: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [exclude, { displayName: 'Name', name: 'name', type: 'string', default: '' }],
	},
];

export const fromCreateFields = (ctx: IExecuteFunctions, i: number): IDataObject => ({
	name: ctx.getNodeParameter('name', i),
	...(ctx.getNodeParameter('additionalFields', i, {}) as IDataObject),
});

export const fromUpdateFields = (ctx: IExecuteFunctions, i: number): IDataObject =>
	ctx.getNodeParameter('updateFields', i, {}) as IDataObject;

export const example = { name: 'Category 1', exclude_from_automations: false };
export const hint = undefined;
