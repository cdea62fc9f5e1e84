import type { INodeProperties } from 'n8n-workflow';

import * as order from './order';
import * as tariff from './tariff';

export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Order', value: 'order' },
			{ name: 'Tariff', value: 'tariff' },
		],
		default: 'order',
	},
	...order.description,
	...tariff.description,
];
