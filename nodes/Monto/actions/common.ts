import type { INodeProperties } from 'n8n-workflow';

import { rateLimitPatienceOption, timeoutOption } from '../../shared/input/parameters';
import { DEFAULT_INTERVAL_MS } from '../transport';

export const orderIdProperty: INodeProperties = {
	displayName: 'Order ID',
	name: 'orderId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. abc',
};

/** Shown on every operation; read once per execution by the router. */
export const optionsProperty: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: [
		{
			displayName: 'Min Time Between Requests (Ms)',
			name: 'requestInterval',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: DEFAULT_INTERVAL_MS,
			description:
				'Monto states no limit; about 30 requests a minute per IP were observed. The default of one request every 2 s keeps bulk runs clear of "Too many requests".',
		},
		rateLimitPatienceOption,
		timeoutOption,
	],
};
