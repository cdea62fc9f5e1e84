import type { INodeProperties } from 'n8n-workflow';

import * as order from './order';
import * as tariff from './tariff';

export const properties: INodeProperties[] = [
	{
		displayName: 'Montly became LeaseCloud in 2017 and its v1 API may no longer be operated; set the base URL in the credential',
		name: 'notice',
		type: 'notice',
		default: '',
	},
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
