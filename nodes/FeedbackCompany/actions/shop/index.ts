import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../shared/input/operation-property';
import type { Operation } from '../operations';
import * as get from './get.operation';

export const operations: Record<string, Operation> = { get };

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
