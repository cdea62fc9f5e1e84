import type { INodeProperties } from 'n8n-workflow';

import { operationProperty, standardOperation } from '../../../shared/input/operation-property';
import type { Operation } from '../operations';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export const operations: Record<string, Operation> = { get, getAll };

export const description: INodeProperties[] = [
	operationProperty(
		'invitation',
		['get', 'getAll'].map((op) => standardOperation(op, 'invitation', 'invitations')),
		'getAll',
	),
	...get.description,
	...getAll.description,
];
