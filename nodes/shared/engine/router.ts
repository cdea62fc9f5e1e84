import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * An operation of a resource: its parameters (shown for that resource and operation) and what it
 * does with all input items, given the execution's one client. Writes run `runWrites`, reads
 * `runReads` (loop.ts).
 */
export interface Operation<Client> {
	description: INodeProperties[];
	execute: (this: IExecuteFunctions, client: Client) => Promise<INodeExecutionData[]>;
}

/**
 * The `execute()` of every provider node: picks the operation from `resource`/`operation`,
 * builds the provider's client once for the whole execution (so its rate limiter and token cover
 * every item), and runs the operation. `options` is the operation's Options collection.
 */
export async function route<Client>(
	ctx: IExecuteFunctions,
	resources: Record<string, Record<string, Pick<Operation<Client>, 'execute'>>>,
	createClient: (ctx: IExecuteFunctions, options: IDataObject) => Promise<Client>,
): Promise<INodeExecutionData[][]> {
	const resource = ctx.getNodeParameter('resource', 0) as string;
	const operation = ctx.getNodeParameter('operation', 0) as string;
	const run = resources[resource]?.[operation];
	if (!run) {
		throw new NodeOperationError(ctx.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	const options = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	return [await run.execute.call(ctx, await createClient(ctx, options))];
}
