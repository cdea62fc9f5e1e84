import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isOrderMode, readOrder } from '../orders/input';
import type { CanonicalOrder } from '../orders/model';

/** `inputMode`: how an item becomes a request body. */
export const inputModeProperty: INodeProperties = {
	displayName: 'Input Mode',
	name: 'inputMode',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Fields', value: 'fields', description: 'Fill in the fields below' },
		{ name: 'JSON', value: 'json', description: 'Send the documented request body as JSON' },
	],
	default: 'fields',
};

/** `jsonBody`: the documented request body of one item, shown when `inputMode` is `json`. */
export function jsonBodyProperty(example: unknown, hint?: string): INodeProperties {
	return {
		displayName: 'JSON Body',
		name: 'jsonBody',
		type: 'json',
		default: JSON.stringify(example, null, 2),
		required: true,
		displayOptions: { show: { inputMode: ['json'] } },
		hint,
		description: 'The request body for this item, validated before it is sent',
	};
}

export const returnAllProperty: INodeProperties = {
	displayName: 'Return All',
	name: 'returnAll',
	type: 'boolean',
	default: false,
	description: 'Whether to return all results or only up to a given limit',
};

export const limitProperty: INodeProperties = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 50,
	description: 'Max number of results to return',
	displayOptions: { show: { returnAll: [false] } },
};

/** `{{ $json }}`: the whole input item as the body, written in any spacing. */
const WHOLE_ITEM = /^=\s*\{\{\s*\$json\s*\}\}\s*$/;

/**
 * Whether `jsonBody` is the expression `{{ $json }}`, the usual way to send items that already
 * have the provider's shape. Its value is then the input item's JSON, taken as it is: n8n
 * resolving the expression for every item costs more than validating the item (tens of µs each,
 * see `npm run bench`), for the same object.
 */
function passesItemThrough(ctx: IExecuteFunctions): boolean {
	const expression = ctx.getNode().parameters.jsonBody;
	return typeof expression === 'string' && WHOLE_ITEM.test(expression);
}

/**
 * The item's body: the parsed `jsonBody` in JSON mode; in the order modes what `fromOrder` makes
 * of the item read as a Shopify or WooCommerce order; else what `fromFields` builds.
 */
export function readBody(
	ctx: IExecuteFunctions,
	itemIndex: number,
	fromFields: () => unknown,
	fromOrder?: (order: CanonicalOrder) => unknown,
): unknown {
	const mode = ctx.getNodeParameter('inputMode', itemIndex, 'fields') as string;
	if (isOrderMode(mode)) {
		if (!fromOrder) {
			throw new NodeOperationError(ctx.getNode(), `[item ${itemIndex}] inputMode: This operation cannot take an order`, {
				itemIndex,
				description: 'Choose Fields or JSON.',
			});
		}
		return fromOrder(readOrder(ctx, itemIndex, mode));
	}
	if (mode !== 'json') return fromFields();
	const raw = passesItemThrough(ctx) ? ctx.getInputData()[itemIndex]?.json : (ctx.getNodeParameter('jsonBody', itemIndex) as unknown);
	if (typeof raw !== 'string') return raw;
	try {
		return JSON.parse(raw);
	} catch (error) {
		throw new NodeOperationError(
			ctx.getNode(),
			`[item ${itemIndex}] jsonBody: Invalid JSON (${(error as Error).message})`,
			{ itemIndex, description: 'Nothing was sent for this item.' },
		);
	}
}

/** Drops undefined and empty-string values, so unset optional fields are not sent. */
export function compact<T extends IDataObject>(value: T): T {
	const out: IDataObject = {};
	for (const [k, v] of Object.entries(value)) if (v !== undefined && v !== '') out[k] = v;
	return out as T;
}

/** A required id parameter, trimmed; empty is an error naming the field. */
export function requiredId(ctx: IExecuteFunctions, name: string, itemIndex: number): string {
	const raw = ctx.getNodeParameter(name, itemIndex, '', { extractValue: true }) as unknown;
	const value = String(raw ?? '').trim();
	if (!value) {
		throw new NodeOperationError(ctx.getNode(), `[item ${itemIndex}] ${name}: Required`, {
			itemIndex,
			description: 'Nothing was sent for this item.',
		});
	}
	return value;
}
