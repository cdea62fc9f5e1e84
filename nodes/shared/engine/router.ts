import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { RetryMemo } from './memo';

/** An operation of a resource: runs all input items with the execution's one client. */
export interface RoutedOperation<Client> {
	execute: (this: IExecuteFunctions, client: Client) => Promise<INodeExecutionData[]>;
}

/**
 * The `execute()` of every provider node: picks the operation from `resource`/`operation`,
 * builds the provider's client once for the whole execution (so its rate limiter and token cover
 * every item), and runs the operation. `options` is the operation's Options collection.
 */
export async function route<Client>(
	ctx: IExecuteFunctions,
	resources: Record<string, Record<string, RoutedOperation<Client>>>,
	createClient: (ctx: IExecuteFunctions, options: IDataObject) => Promise<Client>,
): Promise<INodeExecutionData[][]> {
	const resource = ctx.getNodeParameter('resource', 0) as string;
	const operation = ctx.getNodeParameter('operation', 0) as string;
	const run = resources[resource]?.[operation];
	if (!run) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The operation "${operation}" of "${resource}" is not supported`,
		);
	}
	const options = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	const memo = RetryMemo.open(ctx);
	const output = await run.execute.call(ctx, await createClient(ctx, options));
	memo?.finish(output);
	return [output];
}
