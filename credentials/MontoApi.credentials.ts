import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

/** An order id no shop uses: a valid key gets 404 "not found" for it. */
export const PROBE_ORDER_ID = '__n8n_credential_test__';

/** What Monto answers for a key it does not accept (its documentation) and Laravel's default text. */
export const REJECTED_KEY_MESSAGES = [
	'Provided access token is invalid or does not have access to this resource.',
	'Unauthenticated.',
];

/**
 * Monto has no endpoint that only checks a key, so the Test button asks for the subscriptions of an
 * order that cannot exist: 404 ("order not found") means the key was accepted, 401 that it was not.
 * n8n fails a declarative test on any status outside 2xx, so the request ignores the status and the
 * rules read Monto's answer instead: its 401 text (and Laravel's default 401, 429 and 500 texts) fail
 * the test; anything else (the 404 of an unknown order, or 200) passes. Whether sites without Simple
 * Subscriptions answer the same is not documented.
 */
export class MontoApi implements ICredentialType {
	name = 'montoApi';

	displayName = 'Monto API';

	icon: Icon = {
		light: 'file:../nodes/Monto/monto.svg',
		dark: 'file:../nodes/Monto/monto.dark.svg',
	};

	documentationUrl =
		'https://github.com/order-sync/n8n-nodes-order-sync/blob/main/docs/monto.md#credential-monto-api-montoapi';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Your Monto (monto.io) API key. Monto takes it in the URL, so the node keeps it out of every output, error and log.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.monto.io',
			description: 'Change only for a proxy or a test server',
		},
	];

	/** Monto documents only the `api_key` query parameter; no header authentication. */
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			qs: {
				api_key: '={{$credentials.apiKey}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl || "https://api.monto.io"}}',
			url: `/orders/${PROBE_ORDER_ID}/subscriptions`,
			headers: { Accept: 'application/json' },
			ignoreHttpStatusErrors: true,
			timeout: 15_000,
		},
		rules: [
			...REJECTED_KEY_MESSAGES.map((value) => ({
				type: 'responseSuccessBody' as const,
				properties: { key: 'message', value, message: 'Monto rejected the API key' },
			})),
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'message',
					value: 'Too Many Attempts.',
					message: 'Monto answered "Too many requests"; try again in a minute',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: { key: 'message', value: 'Server Error', message: 'Monto answered with a server error' },
			},
		],
	};
}
