import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { createClient } from '../transport';
import * as invitation from './invitation';
import type { Operation } from './operations';
import * as order from './order';
import * as productReview from './productReview';
import * as shop from './shop';

const resources: Record<string, Record<string, Operation>> = {
	invitation: invitation.operations,
	order: order.operations,
	productReview: productReview.operations,
	shop: shop.operations,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const run = resources[resource]?.[operation];
	if (!run) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	return [await run.execute.call(this, await createClient(this))];
}
