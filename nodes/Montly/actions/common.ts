import type { INodeProperties } from 'n8n-workflow';

/** `orderId`: the merchant's own order ID, which Montly uses in every order path. */
export const orderIdProperty: INodeProperties = {
	displayName: 'Order ID',
	name: 'orderId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. c8e0bda3-dbe0-55ad-8de7-4b341fab49a3',
	description: 'Your own order ID, as sent when the order was created',
};
