import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../shared/input/operation-property';
import type { Operation } from '../../../shared/engine/router';
import type { FeedbackCompanyClient } from '../../transport';
import * as create from './create.operation';

export const operations: Record<string, Operation<FeedbackCompanyClient>> = { create };

export const description: INodeProperties[] = [
	operationProperty(
		'order',
		[
			{
				name: 'Create',
				value: 'create',
				action: 'Create order',
				description: 'Register an order and optionally schedule a review invitation and reminder',
			},
		],
		'create',
	),
	...create.description,
];
