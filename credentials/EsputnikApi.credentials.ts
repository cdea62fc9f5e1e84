import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class EsputnikApi implements ICredentialType {
	name = 'esputnikApi';

	displayName = 'eSputnik API';

	icon: Icon = {
		light: 'file:../nodes/Esputnik/esputnik.svg',
		dark: 'file:../nodes/Esputnik/esputnik.dark.svg',
	};

	documentationUrl =
		'https://github.com/order-sync/n8n-nodes-order-sync/blob/main/docs/esputnik.md#credential-esputnik-api-esputnikapi';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Created in eSputnik (Yespo) under Profile → Settings → API. Use a key with full API access: which access level the orders API needs is not documented.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'options',
			options: [
				{ name: 'eSputnik (esputnik.com/api)', value: 'https://esputnik.com/api' },
				{ name: 'Yespo API (api.yespo.io/api)', value: 'https://api.yespo.io/api' },
				{ name: 'Yespo (yespo.io/api)', value: 'https://yespo.io/api' },
			],
			default: 'https://esputnik.com/api',
			description: 'The documented hosts of the same API; the account and key are the same on each',
		},
	];

	/** HTTP Basic: eSputnik ignores the user name and takes the API key as the password. */
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			auth: {
				username: 'n8n',
				password: '={{$credentials.apiKey}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/v1/account/info',
		},
	};
}
