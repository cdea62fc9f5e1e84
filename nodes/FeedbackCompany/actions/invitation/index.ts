import type { INodeProperties } from 'n8n-workflow';

import { operationProperty, standardOperation } from '../../../shared/input/operation-property';
import type { Operation } from '../../../shared/engine/router';
import type { FeedbackCompanyClient } from '../../transport';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export const operations: Record<string, Operation<FeedbackCompanyClient>> = { get, getAll };

export const description: INodeProperties[] = [
	operationProperty(
		'invitation',
		['get', 'getAll'].map((op) => standardOperation(op, 'invitation', 'invitations')),
		'getAll',
	),
	...get.description,
	...getAll.description,
];
