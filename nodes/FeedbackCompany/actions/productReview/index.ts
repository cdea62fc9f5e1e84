import type { INodeProperties } from 'n8n-workflow';

import { operationProperty, standardOperation } from '../../../shared/input/operation-property';
import type { Operation } from '../../../shared/engine/router';
import type { FeedbackCompanyClient } from '../../transport';
import * as getAggregate from './getAggregate.operation';
import * as getAll from './getAll.operation';

export const operations: Record<string, Operation<FeedbackCompanyClient>> = { getAggregate, getAll };

export const description: INodeProperties[] = [
	operationProperty(
		'productReview',
		[
			standardOperation('getAll', 'product review', 'product reviews'),
			{
				name: 'Get Aggregate',
				value: 'getAggregate',
				action: 'Get product review aggregate',
				description: 'Retrieve the number of reviews and the average score of a product',
			},
		],
		'getAll',
	),
	...getAggregate.description,
	...getAll.description,
];
