import type { INodeProperties } from 'n8n-workflow';

import { operationProperty, standardOperation } from '../../../shared/input/operation-property';
import type { Operation } from '../../../shared/engine/router';
import type { ApiClient } from '../../../shared/http/client';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const operations: Record<string, Operation<ApiClient>> = { get, getAll, update };

export const description: INodeProperties[] = [
	operationProperty(
		'cart',
		['get', 'getAll', 'update'].map((op) => standardOperation(op, 'cart', 'carts')),
		'getAll',
	),
	...get.description,
	...getAll.description,
	...update.description,
];
