import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../shared/input/operation-property';
import type { Operation } from '../../../shared/engine/router';
import type { FeedbackCompanyClient } from '../../transport';
import * as get from './get.operation';

export const operations: Record<string, Operation<FeedbackCompanyClient>> = { get };

export const description: INodeProperties[] = [
	operationProperty(
		'shop',
		[
			{
				name: 'Get',
				value: 'get',
				action: 'Get shop',
				description: 'Retrieve the account of the credential, e.g. whether product reviews are enabled',
			},
		],
		'get',
	),
	...get.description,
];
