import type { INodeProperties } from 'n8n-workflow';

import { rateLimitPatienceOption, timeoutOption } from '../../shared/input/parameters';

/** `shopId`: every resource lives in a shop; picked from the list or given by id. */
export const shopIdProperty: INodeProperties = {
	displayName: 'Shop',
	name: 'shopId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchShops', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 31986843064993537',
			validation: [{ type: 'regex', properties: { regex: '^\\d+$', errorMessage: 'A shop ID is a number' } }],
		},
	],
};

export function idProperty(name: string, displayName: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 31986843064993537',
	};
}

/** Shown on every operation; read once per execution. */
export const optionsProperty: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: [
		{
			displayName: 'Max Requests per Minute',
			name: 'requestsPerMinute',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 120 },
			default: 120,
			description:
				'MailerLite allows 120 requests per minute per account. Lower this when other workflows use the same account at the same time.',
		},
		rateLimitPatienceOption,
		timeoutOption,
	],
};

/** `createSubscriber` of the order input modes (the Fields mode has `create_subscriber` among its fields). */
export const createSubscriberProperty: INodeProperties = {
	displayName: 'Create Subscriber',
	name: 'createSubscriber',
	type: 'boolean',
	default: false,
	description: 'Whether to also create a MailerLite subscriber for the order\'s customer',
};
