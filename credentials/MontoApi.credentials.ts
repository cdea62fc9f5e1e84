import type { IAuthenticateGeneric, Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * Monto has no endpoint that only checks a key, so the Test button is the Monto node's
 * `montoApiTest` (`testedBy`): it asks for the subscriptions of an order that cannot exist and
 * takes 404 ("order not found") as a valid key and 401 as an invalid one.
 */
export class MontoApi implements ICredentialType {
	name = 'montoApi';

	displayName = 'Monto API';

	icon: Icon = {
		light: 'file:../nodes/Monto/monto.svg',
		dark: 'file:../nodes/Monto/monto.dark.svg',
	};

	documentationUrl = 'https://github.com/order-sync/n8n-nodes-order-sync#monto';

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
}
