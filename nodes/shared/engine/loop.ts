import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { mapConcurrent } from '../http/concurrency';
import { captureBatch, DryRunRequest, isDryRun, previewItem } from './dry-run';
import { keepMessage } from '../http/client';

type NodeError = NodeApiError | NodeOperationError;

/** Gives an error the failing item's index, wrapping anything that is not an n8n error. */
export function asItemError(ctx: IExecuteFunctions, error: unknown, itemIndex: number): NodeError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex ??= itemIndex;
		return error;
	}
	return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
}

/**
 * The item "On Error: Continue" emits in place of the failed item's records:
 * `{ error, details: { description, httpCode } }`, paired with its input item. The error object
 * itself is not attached as `item.error`: n8n-core (WorkflowExecute.normalizeNodeErrors) would
 * then replace the JSON by `{ error }`, and users would lose the description (what to fix) and the
 * HTTP code. n8n's error output recognises an item whose JSON keys are only error/message/details.
 */
export function errorItem(error: NodeError, itemIndex: number): INodeExecutionData {
	const details: IDataObject = {};
	if (error.description) details.description = error.description;
	if (error instanceof NodeApiError && error.httpCode) details.httpCode = error.httpCode;
	return {
		json: Object.keys(details).length ? { error: error.message, details } : { error: error.message },
		pairedItem: { item: itemIndex },
	};
}

/** One output item per record, each paired to the input item it came from. */
export function recordsToItems(
	records: IDataObject | IDataObject[],
	itemIndex: number,
): INodeExecutionData[] {
	return (Array.isArray(records) ? records : [records]).map((json) => ({
		json,
		pairedItem: { item: itemIndex },
	}));
}

export interface PerItemOptions {
	/** How many items run at once; output order and pairing stay as the input's. */
	concurrency?: number;
}

/**
 * The one per-item loop of every operation: runs `handler` for each input item, turns its
 * records into paired output items, and honours "On Error: Continue" per item. Without it, the
 * first failing item (in input order) stops the node with its index.
 */
export async function runPerItem(
	ctx: IExecuteFunctions,
	handler: (itemIndex: number) => Promise<IDataObject | IDataObject[]>,
	options: PerItemOptions = {},
): Promise<INodeExecutionData[]> {
	const items = ctx.getInputData();
	const continueOnFail = ctx.continueOnFail();
	const results = await mapConcurrent(
		items,
		options.concurrency ?? 1,
		async (_item, itemIndex) => {
			try {
				return recordsToItems(await handler(itemIndex), itemIndex);
			} catch (error) {
				if (error instanceof DryRunRequest) return [previewItem(error.preview, itemIndex)];
				const itemError = asItemError(ctx, error, itemIndex);
				if (continueOnFail) return [errorItem(itemError, itemIndex)];
				throw itemError;
			}
		},
	);
	return results.flat();
}

/** Outcome for one item of a batch request: its records, or the provider's complaint. */
export type BatchOutcome = { records: IDataObject | IDataObject[] } | { error: NodeError };

export interface BatchOptions<T> {
	/** Builds and validates the payload of one item; throws to reject that item. */
	prepare: (itemIndex: number) => T | Promise<T>;
	batchSize: number;
	/** Sends one batch and returns one outcome per entry, in order. */
	send: (batch: Array<{ itemIndex: number; payload: T }>) => Promise<BatchOutcome[]>;
	/** With Dry Run: the part of the batch's body that is this entry's (default: the payload). */
	part?: (entry: { itemIndex: number; payload: T }) => unknown;
	concurrency?: number;
}

/**
 * For operations that send many items in one request: every item is prepared and validated
 * first, so that without "On Error: Continue" an invalid item stops the node before anything is
 * sent. Valid items then go out in batches of at most `batchSize`; each input item still gets its
 * own paired output item (records or error).
 */
export async function runBatched<T>(
	ctx: IExecuteFunctions,
	options: BatchOptions<T>,
): Promise<INodeExecutionData[]> {
	const items = ctx.getInputData();
	const continueOnFail = ctx.continueOnFail();
	const output: INodeExecutionData[][] = items.map(() => []);
	const ready: Array<{ itemIndex: number; payload: T }> = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			ready.push({ itemIndex, payload: await options.prepare(itemIndex) });
		} catch (error) {
			const itemError = asItemError(ctx, error, itemIndex);
			if (!continueOnFail) throw itemError;
			output[itemIndex] = [errorItem(itemError, itemIndex)];
		}
	}
	// Dry Run items are batched as they would be sent, and nothing of them is sent.
	const dryFlags = ready.map(({ itemIndex }) => isDryRun(ctx, itemIndex));
	const dry = ready.filter((_, i) => dryFlags[i]);
	const toSend = dry.length ? ready.filter((_, i) => !dryFlags[i]) : ready;
	const dryBatches: Array<typeof ready> = [];
	for (let i = 0; i < dry.length; i += options.batchSize) dryBatches.push(dry.slice(i, i + options.batchSize));
	for (const [index, batch] of dryBatches.entries()) {
		const preview = await captureBatch(ctx, async () => await options.send(batch));
		batch.forEach((entry, position) => {
			output[entry.itemIndex] = [
				previewItem({ ...preview, body: (options.part?.(entry) ?? entry.payload) as IDataObject }, entry.itemIndex, {
					batch: { number: index + 1, of: dryBatches.length, size: batch.length, position: position + 1 },
				}),
			];
		});
	}
	const batches: Array<typeof ready> = [];
	for (let i = 0; i < toSend.length; i += options.batchSize) batches.push(toSend.slice(i, i + options.batchSize));
	await mapConcurrent(batches, options.concurrency ?? 1, async (batch) => {
		let outcomes: BatchOutcome[];
		try {
			outcomes = await options.send(batch);
		} catch (error) {
			if (!continueOnFail) {
				throw asItemError(ctx, error, batch[0].itemIndex);
			}
			for (const { itemIndex } of batch) {
				output[itemIndex] = [errorItem(asItemError(ctx, cloneError(ctx, error), itemIndex), itemIndex)];
			}
			return;
		}
		batch.forEach(({ itemIndex }, position) => {
			const outcome = outcomes[position];
			if ('error' in outcome) {
				const itemError = asItemError(ctx, outcome.error, itemIndex);
				if (!continueOnFail) throw itemError;
				output[itemIndex] = [errorItem(itemError, itemIndex)];
			} else {
				output[itemIndex] = recordsToItems(outcome.records, itemIndex);
			}
		});
	});
	return output.flat();
}

/** A batch failure is reported on each of its items; each needs its own error with its index. */
function cloneError(ctx: IExecuteFunctions, error: unknown): NodeError {
	if (error instanceof NodeApiError) {
		const clone = new NodeApiError(ctx.getNode(), { message: error.message } as JsonObject, {
			message: error.message,
			description: error.description ?? undefined,
			httpCode: error.httpCode ?? undefined,
		});
		return keepMessage(clone, error.message);
	}
	if (error instanceof NodeOperationError) {
		const clone = new NodeOperationError(ctx.getNode(), error.message, { description: error.description ?? undefined });
		return keepMessage(clone, error.message);
	}
	return new NodeOperationError(ctx.getNode(), error as Error);
}
