import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ApiClient } from '../../shared/http/client';

export type Execute = (this: IExecuteFunctions, client: ApiClient) => Promise<INodeExecutionData[]>;

export interface Operation {
	description: INodeProperties[];
	execute: Execute;
}

export const describe = (resource: string, operation: string, properties: INodeProperties[]): INodeProperties[] =>
	updateDisplayOptions({ show: { resource: [resource], operation: [operation] } }, properties);

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
