import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { asNodeError, keepMessage } from '../http/client';

export type NodeError = NodeApiError | NodeOperationError;

const LABEL = /^\[items? \d/;

/**
 * Whether a failed request certainly did not change anything at the provider: it was refused
 * (4xx), or never left (the client marks those), as opposed to a timeout or a server error.
 */
export function notProcessed(error: unknown): boolean {
	if (!(error instanceof NodeApiError || error instanceof NodeOperationError)) return false;
	if (error.context.notSent === true) return true;
	const status = Number((error as NodeApiError).httpCode);
	return status >= 400 && status < 500;
}

/** `0`, `0–4`, `0–4, 7, 9–12`: item indexes as a reader scans them. */
export function indexRanges(indexes: readonly number[]): string {
	const sorted = [...indexes].sort((a, b) => a - b);
	const parts: string[] = [];
	for (let i = 0; i < sorted.length; i++) {
		const start = sorted[i];
		while (i + 1 < sorted.length && sorted[i + 1] === sorted[i] + 1) i++;
		parts.push(start === sorted[i] ? String(start) : `${start}–${sorted[i]}`);
	}
	return parts.join(', ');
}

/** `[item 3]`, or `[items 0–999]` for a request that carried several items. */
export function itemLabel(indexes: readonly number[]): string {
	return indexes.length === 1 ? `[item ${indexes[0]}]` : `[items ${indexRanges(indexes)}]`;
}

/**
 * The error of one item (or of one request's items) as the user sees it: an n8n error that knows
 * its item and whose message starts with the item label. This is the one place labels are made;
 * an error that already has one keeps it.
 */
export function asItemError(ctx: IExecuteFunctions, error: unknown, indexes: number | readonly number[]): NodeError {
	const list = typeof indexes === 'number' ? [indexes] : indexes;
	const itemError = asNodeError(ctx.getNode(), error);
	itemError.context.itemIndex ??= list[0];
	if (!LABEL.test(itemError.message)) keepMessage(itemError, `${itemLabel(list)} ${itemError.message}`);
	return itemError;
}

/** A copy of an error for another item: a request's failure is reported on each of its items. */
export function copyError(ctx: IExecuteFunctions, error: unknown): NodeError {
	if (error instanceof NodeApiError) {
		const copy = new NodeApiError(ctx.getNode(), { message: error.message } as JsonObject, {
			message: error.message,
			description: error.description ?? undefined,
			httpCode: error.httpCode ?? undefined,
		});
		return keepMessage(copy, error.message);
	}
	if (error instanceof NodeOperationError) {
		const copy = new NodeOperationError(ctx.getNode(), error.message, { description: error.description ?? undefined });
		return keepMessage(copy, error.message);
	}
	return new NodeOperationError(ctx.getNode(), error as Error);
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

const count = (indexes: readonly number[], one: string, many: string) =>
	`${indexes.length === 1 ? `Item ${indexes[0]}` : `Items ${indexRanges(indexes)}`} ${indexes.length === 1 ? one : many}`;

/**
 * What a run that stops at a failed request has and has not sent, for the failure's message:
 * `Items 0–1 were sent; items 2–9 were not.` Items whose fate is the failure's own (a request that
 * may have reached the provider) are in neither list.
 */
export function sentSummary(sent: readonly number[], notSent: readonly number[]): string {
	if (!sent.length && !notSent.length) return '';
	if (!sent.length) return `${count(notSent, 'was not sent', 'were not sent')}.`;
	const head = `${count(sent, 'was sent', 'were sent')}`;
	if (!notSent.length) return `${head}.`;
	const tail = notSent.length === 1 ? `item ${notSent[0]} was not` : `items ${indexRanges(notSent)} were not`;
	return `${head}; ${tail}.`;
}

const NOTHING_FOR_THIS_ITEM = /\s*Nothing was sent for this item\.?/;

/**
 * An invalid item that stops a run of several items: its description says that nothing at all
 * was sent (every item is checked before the first request), not only nothing for this item.
 */
export function nothingSent(error: NodeError): NodeError {
	const said = (error.description ?? '').replace(NOTHING_FOR_THIS_ITEM, '').trim();
	error.description = `${said ? `${said} ` : ''}Nothing was sent: every item is checked before the first request.`;
	return error;
}
