import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { credentialRefused } from '../nodes/shared/http/credential-error';
import { DEFAULT_BASE_URL, issuedFor } from '../nodes/FeedbackCompany/token';
import { parseBody } from '../nodes/shared/http/json';

/** Removes the client secret from a text that may echo the token URL. */
function withoutSecret(text: string, secret: string): string {
	if (!secret) return text;
	return text.split(secret).join('[redacted]').split(encodeURIComponent(secret)).join('[redacted]');
}

const NETWORK_FAILURES: Record<string, string> = {
	ECONNREFUSED: 'connection refused',
	ECONNRESET: 'connection closed',
	ENOTFOUND: 'host not found',
	EAI_AGAIN: 'host not found',
	ETIMEDOUT: 'timed out',
	ECONNABORTED: 'timed out',
};

/** The token endpoint's complaint: `error` when it is a string, else the body text. */
function tokenRefusal(body: unknown): string {
	if (body && typeof body === 'object') {
		const b = body as IDataObject;
		for (const key of ['error_description', 'message', 'error']) {
			if (typeof b[key] === 'string' && b[key]) return b[key] as string;
		}
		return JSON.stringify(body).slice(0, 300);
	}
	return typeof body === 'string' && body.trim() ? body.trim().slice(0, 300) : 'no access token in the answer';
}

/**
 * The Feedback Company API v2: client ID and secret are exchanged for an access token
 * (`GET /oauth2/token`), which is sent as a Bearer token. Each new token invalidates the previous
 * one — also the one the merchant's shop plugin uses with the same client ID — so n8n keeps the
 * token in the hidden expirable field and asks for a new one only when it is empty or an API call
 * answered 401.
 */
export class FeedbackCompanyApi implements ICredentialType {
	name = 'feedbackCompanyApi';

	displayName = 'The Feedback Company API';

	icon: Icon = {
		light: 'file:../nodes/FeedbackCompany/feedbackCompany.svg',
		dark: 'file:../nodes/FeedbackCompany/feedbackCompany.dark.svg',
	};

	documentationUrl =
		'https://github.com/order-sync/n8n-nodes-order-sync/blob/main/docs/feedback-company.md#credential-the-feedback-company-api-feedbackcompanyapi';

	properties: INodeProperties[] = [
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description: 'The OAuth client ID you received from The Feedback Company',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: DEFAULT_BASE_URL,
			description: 'Change only for a proxy or a test server',
		},
		{
			displayName:
				'Every new access token invalidates the previous one, also the token of a shop plugin (WooCommerce, Magento) that uses the same client ID. Ask The Feedback Company for separate API credentials for n8n. Testing this credential requests a new token when none is stored or the client ID or secret changed.',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Token Issued For',
			name: 'tokenIssuedFor',
			type: 'hidden',
			typeOptions: { password: true },
			default: '',
		},
	];

	/**
	 * Called by n8n only when `accessToken` is empty or an API call answered 401. Never throws an
	 * error that carries a 401 response, so that n8n does not ask a second time.
	 */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const secret = String(credentials.clientSecret ?? '');
		const baseUrl = String(credentials.baseUrl || DEFAULT_BASE_URL).replace(/\/+$/, '');
		let response: { statusCode: number; body: unknown };
		try {
			response = (await this.helpers.httpRequest({
				method: 'GET',
				url: `${baseUrl}/oauth2/token`,
				qs: {
					client_id: credentials.clientId,
					client_secret: secret,
					grant_type: 'authorization_code',
				},
				headers: { Accept: 'application/json' },
				json: true,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
			})) as { statusCode: number; body: unknown };
		} catch (error) {
			// In words: n8n replaces any message that names a code such as ECONNREFUSED by its own text.
			const code = String((error as { code?: string }).code ?? '');
			throw credentialRefused(
				`The Feedback Company token endpoint could not be reached (${NETWORK_FAILURES[code] ?? 'network failure'})`,
			);
		}
		const body = typeof response.body === 'string' ? parseBody(response.body) : response.body;
		const token = (body as IDataObject | undefined)?.access_token;
		const refused = (body as IDataObject | undefined)?.error;
		if (response.statusCode >= 400 || typeof token !== 'string' || !token || (refused !== false && refused !== undefined)) {
			throw credentialRefused(
				withoutSecret(
					`The Feedback Company did not issue an access token (HTTP ${response.statusCode}: ${tokenRefusal(body)}). Check the client ID and client secret.`,
					secret,
				),
			);
		}
		return { accessToken: token, tokenIssuedFor: issuedFor(credentials) };
	}

	/**
	 * Bearer token. A stored token that was issued for another client ID, secret or host (the user
	 * edited them) must not be used: otherwise a wrong secret would still test fine. It is treated
	 * as expired, so that n8n's own refresh (the 401 path) asks for a token with the current values
	 * before anything reaches the API.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		if (credentials.accessToken && credentials.tokenIssuedFor !== issuedFor(credentials)) {
			throw Object.assign(new Error('The stored access token belongs to other client credentials'), {
				response: { status: 401 },
			});
		}
		return {
			...requestOptions,
			headers: { ...requestOptions.headers, Authorization: `Bearer ${credentials.accessToken}` },
		};
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/shop',
		},
	};
}
