import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

/** `properties`, shown only for this resource and operation. */
export const forOperation = (resource: string, operation: string, properties: INodeProperties[]): INodeProperties[] =>
	updateDisplayOptions({ show: { resource: [resource], operation: [operation] } }, properties);

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

/** Options → Timeout: read once per execution, before the client is built. */
export const timeoutOption: INodeProperties = {
	displayName: 'Timeout (Ms)',
	name: 'timeout',
	type: 'number',
	typeOptions: { minValue: 1000 },
	default: 60000,
	description: 'How long to wait for one response before it counts as failed',
};

/** How long a request may wait for the provider's rate limit (429, Retry-After); see `RetryPolicy`. */
export const rateLimitPatienceOption: INodeProperties = {
	displayName: 'Rate Limit Patience (Minutes)',
	name: 'rateLimitPatience',
	type: 'number',
	typeOptions: { minValue: 0, numberPrecision: 1 },
	default: 10,
	description:
		'How long one request may wait when the provider answers "Too many requests" (429) before the item fails. A refused request was not processed, so it is sent again after the wait the provider asks for.',
};

/** Milliseconds from the option's minutes, or undefined for the default. */
export function rateLimitPatienceMs(minutes: unknown): number | undefined {
	const value = Number(minutes);
	return minutes === undefined || minutes === '' || !Number.isFinite(value) || value < 0 ? undefined : Math.round(value * 60_000);
}

/** Shows a parameter in node version `version` only: what a saved workflow of that version keeps. */
export const onlyInVersion = (version: number): IDisplayOptions => ({ show: { '@version': [version] } });

/** Shows a parameter from node version `version` on. */
export const fromVersion = (version: number): IDisplayOptions => ({ show: { '@version': [{ _cnd: { gte: version } }] } });
