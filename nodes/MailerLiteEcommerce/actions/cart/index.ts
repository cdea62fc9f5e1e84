import type { INodeProperties } from 'n8n-workflow';

import { operationProperty, standardOperation } from '../../../shared/input/operation-property';
import type { Operation } from '../operations';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const operations: Record<string, Operation> = { get, getAll, update };

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
