import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

/**
 * Montly AB (renamed LeaseCloud AB in 2017) leasing API v1: a Bearer API key for requests and a
 * separate webhook secret that signs Montly's callbacks (used by the Montly Trigger).
 */
export class MontlyApi implements ICredentialType {
	name = 'montlyApi';

	displayName = 'Montly API';

	icon: Icon = {
		light: 'file:../nodes/Montly/montly.svg',
		dark: 'file:../nodes/Montly/montly.dark.svg',
	};

	documentationUrl =
		'https://github.com/order-sync/n8n-nodes-order-sync/blob/main/docs/montly.md#credential-montly-api-montlyapi';

	properties: INodeProperties[] = [
		{
			displayName:
				'Montly became LeaseCloud in 2017 and its v1 API may no longer be operated. Point the base URL at the host your agreement names.',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The access token Montly gives partners (a sandbox key creates no live orders)',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.montly.com',
			description:
				'Montly production: https://api.montly.com. LeaseCloud production: https://api.leasecloud.com. LeaseCloud staging (needs test keys): https://api.staging.leasecloud.com.',
		},
		{
			displayName: 'Webhook Secret',
			name: 'webhookSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'The webhook token Montly gives partners; the Montly Trigger uses it to verify the Montly-Signature header',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { Authorization: '=Bearer {{$credentials.apiKey}}' },
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/v1/tariffs',
		},
	};
}
