import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { createClient } from '../transport';
import * as cart from './cart';
import * as cartItem from './cartItem';
import * as category from './category';
import * as customer from './customer';
import * as order from './order';
import type { Operation } from './operations';
import * as product from './product';
import * as shop from './shop';

const resources: Record<string, Record<string, Operation>> = {
	cart: cart.operations,
	cartItem: cartItem.operations,
	category: category.operations,
	customer: customer.operations,
	order: order.operations,
	product: product.operations,
	shop: shop.operations,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const run = resources[resource]?.[operation];
	if (!run) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	const options = this.getNodeParameter('options', 0, {}) as { requestsPerMinute?: number; timeout?: number };
	const client = await createClient(this, {
		requestsPerMinute: options.requestsPerMinute,
		timeoutMs: options.timeout,
	});
	return [await run.execute.call(this, client)];
}
