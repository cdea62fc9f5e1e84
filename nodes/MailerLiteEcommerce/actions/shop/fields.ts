import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

const optional: INodeProperties[] = [
	{ displayName: 'Currency', name: 'currency', type: 'string', default: '', placeholder: 'e.g. EUR' },
	{ displayName: 'Enable Popups', name: 'enable_popups', type: 'boolean', default: false, description: 'Whether MailerLite pop-ups are enabled for the shop' },
	{ displayName: 'Enable Resubscribe', name: 'enable_resubscribe', type: 'boolean', default: false, description: 'Whether customers who unsubscribed may be subscribed again' },
	{ displayName: 'Enabled', name: 'enabled', type: 'boolean', default: true, description: 'Whether the shop is enabled' },
	{ displayName: 'Group ID', name: 'group_id', type: 'number', default: 0, description: 'Subscriber group that customers are added to' },
	{ displayName: 'Platform', name: 'platform', type: 'string', default: '', placeholder: 'e.g. woocommerce' },
];

export const createFields: INodeProperties[] = [
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', placeholder: 'e.g. My Store' },
	{ displayName: 'URL', name: 'url', type: 'string', required: true, default: '', placeholder: 'e.g. https://shop.example.com' },
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
			{ displayName: 'URL', name: 'url', type: 'string', default: '' },
		],
	},
];

export const fromCreateFields = (ctx: IExecuteFunctions, i: number): IDataObject => ({
	name: ctx.getNodeParameter('name', i),
	url: ctx.getNodeParameter('url', i),
	...(ctx.getNodeParameter('additionalFields', i, {}) as IDataObject),
});

export const fromUpdateFields = (ctx: IExecuteFunctions, i: number): IDataObject =>
	ctx.getNodeParameter('updateFields', i, {}) as IDataObject;

export const example = { name: 'My Store', url: 'https://shop.example.com', currency: 'EUR', enabled: true };
export const hint = 'Required fields and the full body are UNVERIFIED in MailerLite\'s docs (name and url are sent by its own plugin).';
