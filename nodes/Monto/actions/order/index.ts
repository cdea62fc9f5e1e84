import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../shared/input/operation-property';
import type { Operation } from '../../../shared/engine/router';
import type { ApiClient } from '../../../shared/http/client';
import * as getSubscriptions from './getSubscriptions.operation';
import * as upsert from './upsert.operation';

export const operations: Record<string, Operation<ApiClient>> = { getSubscriptions, upsert };

export const description: INodeProperties[] = [
	operationProperty(
		'order',
		[
			{
				name: 'Create or Update',
				value: 'upsert',
				action: 'Create or update an order',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
			},
			{
				name: 'Get Subscriptions',
				value: 'getSubscriptions',
				action: 'Get subscriptions of an order',
				description: 'Retrieve the Stripe subscriptions created for a Webflow order',
			},
		],
		'upsert',
	),
	...upsert.description,
	...getSubscriptions.description,
];
