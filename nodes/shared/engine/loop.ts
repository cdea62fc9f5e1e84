import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { HttpResponse, RequestPreview, RequestSpec } from '../http/client';
import { keepMessage } from '../http/client';
import { mapConcurrent } from '../http/concurrency';
import { dryRunItems, previewItem } from './dry-run';
import type { NodeError } from './errors';
import { asItemError, copyError, errorItem, notProcessed, nothingSent, sentSummary } from './errors';
import { RetryMemo } from './memo';

/** One output item per record, each paired to the input item it came from. */
export function recordsToItems(records: IDataObject | IDataObject[], itemIndex: number): INodeExecutionData[] {
	return (Array.isArray(records) ? records : [records]).map((json) => ({ json, pairedItem: { item: itemIndex } }));
}

/**
 * The loop of every read (get, get many, count): `handler` runs for each input item, its records
 * become paired output items, and "On Error: Continue" is honoured per item. Without it, the first
 * failing item (in input order) stops the node with its label.
 */
export async function runReads(
	ctx: IExecuteFunctions,
	handler: (itemIndex: number) => Promise<IDataObject | IDataObject[]>,
	options: { concurrency?: number } = {},
): Promise<INodeExecutionData[]> {
	const continueOnFail = ctx.continueOnFail();
	const results = await mapConcurrent(ctx.getInputData(), options.concurrency ?? 1, async (_item, itemIndex) => {
		try {
			return recordsToItems(await handler(itemIndex), itemIndex);
		} catch (error) {
			const itemError = asItemError(ctx, error, itemIndex);
			if (continueOnFail) return [errorItem(itemError, itemIndex)];
			throw itemError;
		}
	});
	return results.flat();
}

/** What the engine needs of a provider's client: send a request, or show it without sending. */
export interface Transport {
	send(spec: RequestSpec): Promise<HttpResponse>;
	preview(spec: RequestSpec): RequestPreview;
}

/** One item's validated payload. */
export interface Entry<P> {
	itemIndex: number;
	payload: P;
}

/** What a request's answer means for one of its items: its records, or what went wrong. */
export type Outcome = { records: IDataObject | IDataObject[] } | { error: unknown };

/**
 * A write operation in three steps; the engine (`runWrites`) does everything else once.
 * - `prepare`: item → validated payload; throws to reject the item (nothing of it is sent).
 * - `request`: the payloads of one request → that request.
 * - `outcomes`: the request's answer → one outcome per entry, in order. It may read more (a GET),
 *   and throws when the answer is a failure of the whole request.
 */
export interface WriteSteps<P, C extends Transport = Transport> {
	prepare: (itemIndex: number) => P | Promise<P>;
	request: (batch: Array<Entry<P>>) => RequestSpec;
	outcomes: (answer: HttpResponse, batch: Array<Entry<P>>, client: C) => Outcome[] | Promise<Outcome[]>;
	/** Items per request: 1 for per-item APIs, up to 1000 for eSputnik, all of them for imports. */
	batchSize?: number;
	/** With Dry Run, the part of a batch's body that is this entry's (batches only). */
	part?: (entry: Entry<P>) => unknown;
	/** Requests in flight at once when every item's outcome is reported anyway ("On Error: Continue"). */
	concurrency?: number;
}

/** What became of an item's request: sent (and accepted), refused or never sent, or maybe sent. */
type Fate = 'sent' | 'failed' | 'unknown';

/**
 * The one loop of every write. Every item is prepared first, so that without "On Error: Continue"
 * an invalid item stops the node before anything at all is sent. The valid items are then grouped
 * into requests; each request is shown (Dry Run), answered from the Retry-On-Fail memo (it succeeded
 * in an earlier try of this node run), or sent and recorded. Outcomes and errors are paired back to
 * their items, and every error is labelled with its item once. A failure that stops the run says
 * which items were sent and which were not.
 */
export async function runWrites<P, C extends Transport>(
	ctx: IExecuteFunctions,
	client: C,
	steps: WriteSteps<P, C>,
): Promise<INodeExecutionData[]> {
	const items = ctx.getInputData();
	const continueOnFail = ctx.continueOnFail();
	const output: INodeExecutionData[][] = items.map(() => []);
	const ready: Array<Entry<P>> = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			ready.push({ itemIndex, payload: await steps.prepare(itemIndex) });
		} catch (error) {
			const itemError = asItemError(ctx, error, itemIndex);
			if (!continueOnFail) throw items.length > 1 ? nothingSent(itemError) : itemError;
			output[itemIndex] = [errorItem(itemError, itemIndex)];
		}
	}

	const batchSize = Math.max(1, steps.batchSize ?? 1);
	const isDry = dryRunItems(ctx, items.length);
	const batchesOf = (entries: Array<Entry<P>>) => {
		const batches: Array<Array<Entry<P>>> = [];
		for (let i = 0; i < entries.length; i += batchSize) batches.push(entries.slice(i, i + batchSize));
		return batches;
	};
	// Dry Run items are batched as they would be sent, and nothing of them is sent.
	const dryBatches = batchesOf(ready.filter((entry) => isDry(entry.itemIndex)));
	for (const [index, batch] of dryBatches.entries()) {
		const preview = client.preview(steps.request(batch));
		batch.forEach((entry, position) => {
			output[entry.itemIndex] =
				batchSize === 1
					? [previewItem(preview, entry.itemIndex)]
					: [
							previewItem({ ...preview, body: (steps.part?.(entry) ?? entry.payload) as IDataObject }, entry.itemIndex, {
								batch: { number: index + 1, of: dryBatches.length, size: batch.length, position: position + 1 },
							}),
						];
		});
	}

	const batches = batchesOf(ready.filter((entry) => !isDry(entry.itemIndex)));
	if (!batches.length) return output.flat();
	const memo = RetryMemo.open(ctx);
	const fates = new Map<number, Fate>();
	const answer = async (spec: RequestSpec, firstItem: number): Promise<HttpResponse> => {
		if (!memo || spec.method === 'GET') return await client.send(spec);
		const key = RetryMemo.key(firstItem, spec);
		const earlier = memo.get(key);
		if (earlier) {
			ctx.logger?.debug(`${spec.method} ${spec.path} succeeded in an earlier try; not sent again`);
			return { status: earlier.status, headers: {}, body: earlier.body };
		}
		const response = await client.send(spec);
		if (response.status < 400) memo.record(key, { status: response.status, body: response.body });
		return response;
	};

	// Without "On Error: Continue" one request at a time, so that a failure leaves no request half-sent behind it.
	await mapConcurrent(batches, continueOnFail ? (steps.concurrency ?? 1) : 1, async (batch) => {
		const indexes = batch.map((entry) => entry.itemIndex);
		let outcomes: Outcome[];
		try {
			const spec = steps.request(batch);
			outcomes = await steps.outcomes(await answer(spec, indexes[0]), batch, client);
		} catch (error) {
			const refused = notProcessed(error);
			for (const index of indexes) fates.set(index, refused ? 'failed' : 'unknown');
			// Labelled with every item of the request: the whole request failed, not one order of it.
			const requestError = asItemError(ctx, error, indexes);
			if (!continueOnFail) throw stopped(ctx, requestError, fates, indexes);
			for (const itemIndex of indexes) {
				output[itemIndex] = [errorItem(asItemError(ctx, copyError(ctx, requestError), itemIndex), itemIndex)];
			}
			return;
		}
		let failure: NodeError | undefined;
		batch.forEach(({ itemIndex }, position) => {
			const outcome = outcomes[position] ?? { records: [] };
			if ('error' in outcome) {
				const itemError = asItemError(ctx, outcome.error, itemIndex);
				fates.set(itemIndex, 'failed');
				failure ??= itemError;
				output[itemIndex] = [errorItem(itemError, itemIndex)];
			} else {
				fates.set(itemIndex, 'sent');
				output[itemIndex] = recordsToItems(outcome.records, itemIndex);
			}
		});
		if (failure && !continueOnFail) throw stopped(ctx, failure, fates, indexes);
	});
	const flat = output.flat();
	memo?.finish(flat);
	return flat;
}

/**
 * The error that stops the node, with what was and was not sent when other requests than the
 * failed one were part of the run. `failedRequest` holds the failed request's items.
 */
function stopped(ctx: IExecuteFunctions, error: NodeError, fates: Map<number, Fate>, failedRequest: number[]): NodeError {
	const total = ctx.getInputData().length;
	if (failedRequest.length === total) return error;
	const sent: number[] = [];
	const notSent: number[] = [];
	for (let index = 0; index < total; index++) {
		const fate = fates.get(index);
		if (fate === 'sent') sent.push(index);
		// A request that may have reached the provider: its items' fate is the error's own message.
		else if (fate !== 'unknown') notSent.push(index);
	}
	const summary = sent.length || notSent.length < total ? sentSummary(sent, notSent) : 'Nothing was sent.';
	return summary ? keepMessage(error, `${error.message} ${summary}`) : error;
}
