import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/**
 * Dry Run: everything runs as usual up to the network (parameters, expressions, mapping,
 * validation, batching), then nothing is sent, neither the API request nor a token request. Each
 * item's output shows the request that would have gone out.
 */
export const dryRunProperty: INodeProperties = {
	displayName: 'Dry Run',
	name: 'dryRun',
	type: 'boolean',
	default: false,
	description:
		'Whether to only show the request that would be sent, without sending anything (no API request, no token request). Use it to build a workflow against a live account.',
};

/** The request a dry run shows instead of sending it. Secrets are never part of it. */
export interface RequestPreview extends IDataObject {
	method: string;
	url: string;
	body?: IDataObject | IDataObject[];
	qs?: IDataObject;
}

/** Thrown by the client in place of sending; the item loops turn it into the item's output. */
export class DryRunRequest extends Error {
	constructor(readonly preview: RequestPreview) {
		super('Dry run: request not sent');
		this.name = 'DryRunRequest';
	}
}

/** Contexts whose current batch is a dry run (batches carry no single item index). */
const dryBatches = new WeakSet<object>();

/** The node's raw `dryRun` setting, read once per execution context (getNode() copies the node). */
const settings = new WeakMap<object, unknown>();

/** Whether Dry Run is on for this item (it is a parameter like any other, so it can be an expression). */
export function isDryRun(ctx: IExecuteFunctions, itemIndex: number): boolean {
	if (!settings.has(ctx)) settings.set(ctx, ctx.getNode().parameters?.dryRun);
	const raw = settings.get(ctx);
	if (raw === undefined || raw === false || raw === null) return false;
	if (raw === true) return true;
	try {
		return ctx.getNodeParameter('dryRun', itemIndex, false) === true;
	} catch {
		return false;
	}
}

/** Whether a request of this item (or of the batch being sent, without an item) must not go out. */
export function mustNotSend(ctx: object, itemIndex: number | undefined): boolean {
	if (dryBatches.has(ctx)) return true;
	if (itemIndex === undefined || typeof (ctx as IExecuteFunctions).getNodeParameter !== 'function') return false;
	return isDryRun(ctx as IExecuteFunctions, itemIndex);
}

/** Runs `send` (one batch's request) as a dry run: the request it would make is returned, not sent. */
export async function captureBatch(ctx: IExecuteFunctions, send: () => Promise<unknown>): Promise<RequestPreview> {
	dryBatches.add(ctx);
	const outcome = await send().then(
		() => undefined,
		(error: unknown) => error,
	);
	dryBatches.delete(ctx);
	if (outcome instanceof DryRunRequest) return outcome.preview;
	if (outcome instanceof NodeApiError || outcome instanceof NodeOperationError) throw outcome;
	throw new NodeOperationError(ctx.getNode(), outcome instanceof Error ? outcome : 'The batch sent no request to preview');
}

/** The output item of a dry run, paired to its input item. */
export function previewItem(preview: RequestPreview, itemIndex: number, extra: IDataObject = {}): INodeExecutionData {
	return { json: { dryRun: true, request: preview, ...extra }, pairedItem: { item: itemIndex } };
}
