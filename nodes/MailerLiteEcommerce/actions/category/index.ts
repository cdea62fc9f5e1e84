import type { INodeProperties } from 'n8n-workflow';

import { operationProperty, standardOperation } from '../../../shared/input/operation-property';
import type { Operation } from '../../../shared/engine/router';
import type { ApiClient } from '../../../shared/http/client';
import * as create from './create.operation';
import * as deleteOp from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as importOp from './import.operation';
import * as update from './update.operation';

export const operations: Record<string, Operation<ApiClient>> = { create, delete: deleteOp, get, getAll, import: importOp, update };

export const description: INodeProperties[] = [
	operationProperty(
		'category',
		['create', 'delete', 'get', 'getAll', 'import', 'update'].map((op) => standardOperation(op, 'category', 'categories')),
		'create',
	),
	...create.description,
	...deleteOp.description,
	...get.description,
	...getAll.description,
	...importOp.description,
	...update.description,
];
