import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { createClient } from '../transport';
import type { Operation } from './common';
import * as order from './order';

const resources: Record<string, Record<string, Operation>> = {
	order: order.operations,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const run = resources[resource]?.[operation];
	if (!run) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	const options = this.getNodeParameter('options', 0, {}) as { requestInterval?: number; timeout?: number };
	const client = await createClient(this, { intervalMs: options.requestInterval, timeoutMs: options.timeout });
	return [await run.execute.call(this, client)];
}
