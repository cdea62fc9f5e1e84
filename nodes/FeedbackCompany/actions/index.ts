import type { INodeProperties } from 'n8n-workflow';

import * as invitation from './invitation';
import * as order from './order';
import * as productReview from './productReview';
import * as shop from './shop';

export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Invitation', value: 'invitation' },
			{ name: 'Order', value: 'order' },
			{ name: 'Product Review', value: 'productReview' },
			{ name: 'Shop', value: 'shop' },
		],
		default: 'order',
	},
	...invitation.description,
	...order.description,
	...productReview.description,
	...shop.description,
];
