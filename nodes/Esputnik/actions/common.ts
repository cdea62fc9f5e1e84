import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ApiClient } from '../../shared/http/client';

export interface Operation {
	description: INodeProperties[];
	execute: (this: IExecuteFunctions, client: ApiClient) => Promise<INodeExecutionData[]>;
}

/** Read once per execution by the router, before the client is built. */
export const timeoutOption: INodeProperties = {
	displayName: 'Timeout (Ms)',
	name: 'timeout',
	type: 'number',
	typeOptions: { minValue: 1000 },
	default: 60000,
	description: 'How long to wait for one response before it counts as failed',
};
