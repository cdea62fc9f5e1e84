import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class MailerLiteEcommerceApi implements ICredentialType {
	name = 'mailerLiteEcommerceApi';

	displayName = 'MailerLite E-Commerce API';

	icon: Icon = {
		light: 'file:../nodes/MailerLiteEcommerce/mailerLiteEcommerce.svg',
		dark: 'file:../nodes/MailerLiteEcommerce/mailerLiteEcommerce.dark.svg',
	};

	documentationUrl =
		'https://github.com/order-sync/n8n-nodes-order-sync/blob/main/docs/mailerlite.md#credential-mailerlite-e-commerce-api-mailerliteecommerceapi';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'A token of the new MailerLite (Integrations → MailerLite API → Generate new token). Classic MailerLite keys do not work.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://connect.mailerlite.com/api',
			description: 'Change only for a proxy or a test server',
		},
		{
			displayName: 'Share of Rate Limit per n8n Process (%)',
			name: 'rateLimitShare',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 100 },
			default: 100,
			description:
				'Optional cap on the share of MailerLite\'s 120 requests per minute that one n8n process may use. Not needed for queue mode: every process follows the account\'s remaining budget that MailerLite reports, so leave it at 100 unless you want to keep capacity free for other tools.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.apiKey}}',
				Accept: 'application/json',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/ecommerce/shops',
			qs: { limit: 1 },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'MailerLite refused this API key (401). Likely causes: a MailerLite Classic API key (Classic keys, also those of an account still on Classic, do not work here: create a token in the new MailerLite under Integrations → MailerLite API), or a token that was deleted or copied incompletely.',
				},
			},
		],
	};
}
