import type { INodeProperties } from 'n8n-workflow';

import * as order from './order';

export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [{ name: 'Order', value: 'order' }],
		default: 'order',
	},
	...order.description,
];
