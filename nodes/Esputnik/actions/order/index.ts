import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../shared/input/operation-property';
import type { Operation } from '../../../shared/engine/router';
import type { ApiClient } from '../../../shared/http/client';
import * as deleteOp from './delete.operation';
import * as upsert from './upsert.operation';

export const operations: Record<string, Operation<ApiClient>> = { delete: deleteOp, upsert };

export const description: INodeProperties[] = [
	operationProperty(
		'order',
		[
			{
				name: 'Create or Update',
				value: 'upsert',
				action: 'Create or update orders',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete orders',
				description:
					'Delete an order by external order ID, or all orders of a time range, permanently',
			},
		],
		'upsert',
	),
	...upsert.description,
	...deleteOp.description,
];
