import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../shared/input/operation-property';
import type { Operation } from '../../../shared/engine/router';
import type { ApiClient } from '../../../shared/http/client';
import * as getAll from './getAll.operation';

export const operations: Record<string, Operation<ApiClient>> = { getAll };

export const description: INodeProperties[] = [
	operationProperty(
		'tariff',
		[{ name: 'Get Many', value: 'getAll', action: 'Get many tariffs', description: 'Retrieve the current tariff for each contract length' }],
		'getAll',
	),
	...getAll.description,
];
