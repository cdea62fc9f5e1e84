import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { customerFromOrder } from '../../fromOrder';
import { createSubscriberProperty } from '../common';
import type { OrderModes } from '../operations';

const optional: INodeProperties[] = [
	{ displayName: 'Accepts Marketing', name: 'accepts_marketing', type: 'boolean', default: false, description: 'Whether the customer agreed to receive marketing' },
	{ displayName: 'Create Subscriber', name: 'create_subscriber', type: 'boolean', default: false, description: 'Whether to also create a MailerLite subscriber' },
	{ displayName: 'Orders Count', name: 'orders_count', type: 'number', typeOptions: { minValue: 0 }, default: 0 },
	{ displayName: 'Subscriber Fields (JSON)', name: 'subscriber_fields', type: 'json', default: '{}', description: 'Subscriber fields such as name, last_name, city, z_i_p' },
	{ displayName: 'Total Spent', name: 'total_spent', type: 'number', typeOptions: { numberPrecision: 2 }, default: 0 },
];

function parseSubscriberFields(ctx: IExecuteFunctions, i: number, values: IDataObject): IDataObject {
	const raw = values.subscriber_fields;
	if (typeof raw !== 'string') return values;
	const trimmed = raw.trim();
	if (!trimmed || trimmed === '{}') return { ...values, subscriber_fields: undefined };
	try {
		return { ...values, subscriber_fields: JSON.parse(trimmed) };
	} catch {
		throw new NodeOperationError(ctx.getNode(), 'subscriber_fields: Invalid JSON', {
			itemIndex: i,
			description: 'Nothing was sent for this item.',
		});
	}
}

export const createFields: INodeProperties[] = [
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'e.g. name@email.com', required: true, default: '' },
	{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options: optional },
];

export const updateFields: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [...optional, { displayName: 'Email', name: 'email', type: 'string', placeholder: 'e.g. name@email.com', default: '' }],
	},
];

export const fromCreateFields = (ctx: IExecuteFunctions, i: number): IDataObject =>
	parseSubscriberFields(ctx, i, { email: ctx.getNodeParameter('email', i), ...(ctx.getNodeParameter('additionalFields', i, {}) as IDataObject) });

export const fromUpdateFields = (ctx: IExecuteFunctions, i: number): IDataObject =>
	parseSubscriberFields(ctx, i, ctx.getNodeParameter('updateFields', i, {}) as IDataObject);

export const example = { email: 'customer@email.com', accepts_marketing: true, create_subscriber: true };
export const hint = 'MailerLite creates the customer if none with this e-mail exists. Fields other than email, accepts_marketing and create_subscriber come from MailerLite\'s own plugin (UNVERIFIED in the docs).';

/** Create and Update from an order: its customer, with subscriber fields from the billing address. */
export const customerOrderModes: OrderModes = {
	properties: [createSubscriberProperty],
	fromOrder: (ctx, i, order, issues) =>
		customerFromOrder(order, { createSubscriber: ctx.getNodeParameter('createSubscriber', i, false) as boolean }, issues),
};
