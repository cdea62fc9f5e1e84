import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { RequestPreview } from '../http/client';

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

/**
 * Which items of this node run are dry runs. `dryRun` is a parameter like any other, so it may be
 * an expression that differs per item; when it is a plain value it is read once.
 */
export function dryRunItems(ctx: IExecuteFunctions, count: number): (itemIndex: number) => boolean {
	const raw = ctx.getNode().parameters?.dryRun;
	if (raw === undefined || raw === false || raw === null) return () => false;
	if (raw === true) return () => true;
	const flags = Array.from({ length: count }, (_, itemIndex) => {
		try {
			return ctx.getNodeParameter('dryRun', itemIndex, false) === true;
		} catch {
			return false;
		}
	});
	return (itemIndex) => flags[itemIndex] ?? false;
}

/** The output item of a dry run, paired to its input item. */
export function previewItem(preview: RequestPreview, itemIndex: number, extra: IDataObject = {}): INodeExecutionData {
	return { json: { dryRun: true, request: preview, ...extra }, pairedItem: { item: itemIndex } };
}
