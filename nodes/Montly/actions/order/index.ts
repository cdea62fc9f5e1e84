import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../shared/input/operation-property';
import type { Operation } from '../../../shared/engine/router';
import type { ApiClient } from '../../../shared/http/client';
import * as cancel from './cancel.operation';
import * as create from './create.operation';
import * as getStatus from './getStatus.operation';
import * as markShipped from './markShipped.operation';

export const operations: Record<string, Operation<ApiClient>> = { cancel, create, getStatus, markShipped };

export const description: INodeProperties[] = [
	operationProperty(
		'order',
		[
			{ name: 'Cancel', value: 'cancel', action: 'Cancel order', description: 'Cancel an order the customer has not signed yet' },
			{ name: 'Create', value: 'create', action: 'Create order', description: 'Submit a new leasing order for credit check' },
			{ name: 'Get Status', value: 'getStatus', action: 'Get order status', description: 'Retrieve the status of an order' },
			{ name: 'Mark Shipped', value: 'markShipped', action: 'Mark order as shipped', description: 'Report that an order was shipped' },
		],
		'create',
	),
	...cancel.description,
	...create.description,
	...getStatus.description,
	...markShipped.description,
];
